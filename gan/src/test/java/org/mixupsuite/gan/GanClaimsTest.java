package org.mixupsuite.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mixupsuite.core.findings.Claim;
import org.mixupsuite.core.run.RowMatch;

class GanClaimsTest {

    private static final double DISC = Math.PI * 0.03 * 0.03;

    @Test
    void theChanceLevelIsTheShareOfTheModesBoxWithinReachOfAMode() {
        // at std 0.01 the reach is 0.03: ring8 has 4 half discs on the box's edges and 4 whole ones
        // inside (6 discs), grid25 4 corner quarters, 12 edge halves and 9 whole discs (16), over an area of 4
        assertEquals(6 * DISC / 4, ModeCoverage.chanceLevel(ToyDistribution.of("ring8", 0.01)), 0.01 * 6 * DISC / 4);
        assertEquals(16 * DISC / 4, ModeCoverage.chanceLevel(ToyDistribution.of("grid25", 0.01)), 0.01 * 16 * DISC / 4);
        // reaches of 0.6 overlap and cover the grid's box (no point is 0.36 from its nearest mode): counted once
        assertEquals(1.0, ModeCoverage.chanceLevel(ToyDistribution.of("grid25", 0.2)), 1e-12);
    }

    @Test
    void everyFormGetsTheSameClaimsOnRowsOfThePlanAndErmIsReadAgainstChance() {
        List<GanCondition> plan = List.of(GanCondition.erm("ring8"), GanCondition.mixup("ring8", 0.2, MixupForm.PAPER),
                GanCondition.mixup("ring8", 0.2, MixupForm.DEMO));
        List<Claim> claims = GanClaims.of(plan, 0.01);
        assertEquals(List.of("ring8-a0.2-covers-more", "ring8-a0.2-better-samples", "ring8-a0.2-above-chance",
                "ring8-demo-a0.2-covers-more", "ring8-demo-a0.2-better-samples", "ring8-demo-a0.2-above-chance",
                "ring8-erm-above-chance"), claims.stream().map(Claim::id).toList());
        List<Map<String, Object>> rows = plan.stream().map(GanCondition::settings).toList();
        double chance = ModeCoverage.chanceLevel(ToyDistribution.of("ring8", 0.01));
        for (Claim c : claims) {
            // each side picks exactly one row of the plan, as Findings requires
            assertEquals(1, rows.stream().filter(r -> RowMatch.matches(c.treatment(), r)).count(), c.id());
            assertEquals(1, rows.stream().filter(r -> RowMatch.matches(c.reference(), r)).count(), c.id());
            assertEquals(c.figure().equals("modes_covered") ? GanClaims.MODES_MARGIN : chance, c.margin(), 1e-12, c.id());
            assertEquals(Claim.Expect.HIGHER, c.expect(), c.id());
        }
        Claim erm = claims.get(6);
        assertEquals(Map.of("dataset", "ring8", "method", "erm"), erm.treatment());
        assertEquals("high_quality_fraction_chance", erm.referenceFigure());
        assertEquals("demo", claims.get(3).treatment().get("form"));
    }
}
