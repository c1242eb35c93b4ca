package org.mixupsuite.core.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.mixupsuite.core.findings.Claim.Expect;

class FindingsTest {

    private static final Map<String, Object> ERM = Map.of("method", "erm");
    private static final Map<String, Object> MIXUP = Map.of("method", "mixup");

    /** A multi-seed metrics.json row: per-seed values of one figure. */
    private static Map<String, Object> row(String method, List<Long> seeds, double... values) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("method", method);
        r.put("seeds", seeds);
        r.put("test_error_per_seed", java.util.Arrays.stream(values).boxed().toList());
        return r;
    }

    private static Claim lower(double margin) {
        return Claim.of("c", "mixup's error is lower", "paper", MIXUP, ERM, "test_error", Expect.LOWER, margin);
    }

    @Test
    void pairsSeedsAndGivesTheMeanDifferenceWithItsStudentInterval() {
        List<Long> seeds = List.of(0L, 1L, 2L);
        Finding f = Findings.evaluate(lower(0.5), List.of(row("erm", seeds, 30, 20, 40), row("mixup", seeds, 25, 17, 33)));
        // differences -5, -3, -7: mean -5, sd 2, half-width t(0.975, 2) * 2 / sqrt(3)
        double half = new TDistribution(2).inverseCumulativeProbability(0.975) * 2 / Math.sqrt(3);
        assertEquals(-5, f.difference(), 1e-12);
        assertEquals(half, f.ci95(), 1e-9);
        assertEquals(3, f.seeds());
        assertEquals(List.of(-5.0, -3.0, -7.0), f.perSeed());
        assertEquals(Verdict.REPRODUCED, f.verdict(), "every seed lower, interval below 0");
        assertEquals(30.0, f.referenceMean(), 1e-12);
    }

    @Test
    void pairingIgnoresTheLargeSpreadBetweenSeedsThatUnpairedMeansWouldSuffer() {
        List<Long> seeds = List.of(0L, 1L, 2L);
        // seeds differ by 20 points, the methods by 1 point on each seed: paired, that is decisive
        Finding f = Findings.evaluate(lower(0.5), List.of(row("erm", seeds, 10, 30, 50), row("mixup", seeds, 9, 29, 49.1)));
        assertEquals(Verdict.REPRODUCED, f.verdict());
    }

    @Test
    void anIntervalAcrossZeroIsInconclusiveAndOneOnTheOtherSideContradicts() {
        List<Long> seeds = List.of(0L, 1L, 2L);
        Finding mixed = Findings.evaluate(lower(0.5), List.of(row("erm", seeds, 20, 20, 20), row("mixup", seeds, 18, 22, 19)));
        assertEquals(Verdict.INCONCLUSIVE, mixed.verdict());
        assertTrue(mixed.low() < 0 && mixed.high() > 0);
        Finding worse = Findings.evaluate(lower(0.5), List.of(row("erm", seeds, 20, 20, 20), row("mixup", seeds, 23, 24, 23.5)));
        assertEquals(Verdict.CONTRADICTED, worse.verdict());
    }

    @Test
    void identicalArmsNeverReproduceAnEffect() {
        // what a mixup that silently does nothing looks like: the mixup row equals the ERM row
        List<Long> seeds = List.of(0L, 1L, 2L);
        Finding f = Findings.evaluate(lower(0.5), List.of(row("erm", seeds, 20, 25, 30), row("mixup", seeds, 20, 25, 30)));
        assertEquals(Verdict.INCONCLUSIVE, f.verdict());
        Map<String, Object> erm = new LinkedHashMap<>(Map.of("method", "erm", "seed", 4, "test_error", 20.0));
        Map<String, Object> mixup = new LinkedHashMap<>(Map.of("method", "mixup", "seed", 4, "test_error", 20.0));
        assertEquals(Verdict.INCONCLUSIVE, Findings.evaluate(lower(0.5), List.of(erm, mixup)).indicative());
    }

    @Test
    void oneSeedGivesNoVerdictOnlyAnIndicationBeyondTheMargin() {
        Map<String, Object> erm = Map.of("method", "erm", "seed", 7, "test_error", 20.0);
        Finding clear = Findings.evaluate(lower(0.5), List.of(erm, Map.of("method", "mixup", "seed", 7, "test_error", 18.0)));
        assertEquals(Verdict.INCONCLUSIVE, clear.verdict());
        assertEquals(Verdict.REPRODUCED, clear.indicative());
        assertEquals(1, clear.seeds());
        assertEquals("1 seed, indicative", clear.note());
        assertTrue(Double.isNaN(clear.ci95()));
        Finding small = Findings.evaluate(lower(0.5), List.of(erm, Map.of("method", "mixup", "seed", 7, "test_error", 19.8)));
        assertEquals(Verdict.INCONCLUSIVE, small.indicative(), "within the margin");
        Finding against = Findings.evaluate(lower(0.5), List.of(erm, Map.of("method", "mixup", "seed", 7, "test_error", 21.0)));
        assertEquals(Verdict.CONTRADICTED, against.indicative());
    }

    @Test
    void notLowerIsReproducedWhenTheIntervalRulesOutAGainBeyondTheMargin() {
        Claim noGain = Claim.of("k3", "k = 3 is no better", "paper", Map.of("method", "k3"), MIXUP, "test_error",
                Expect.NOT_LOWER, 1.0);
        List<Long> seeds = List.of(0L, 1L, 2L, 3L);
        Finding same = Findings.evaluate(noGain, List.of(row("mixup", seeds, 20, 21, 19, 20), row("k3", seeds, 20.2, 21.1, 19.3, 20.4)));
        assertEquals(Verdict.REPRODUCED, same.verdict());
        Finding better = Findings.evaluate(noGain, List.of(row("mixup", seeds, 20, 21, 19, 20), row("k3", seeds, 17, 18.2, 16, 17.1)));
        assertEquals(Verdict.CONTRADICTED, better.verdict());
        Finding noisy = Findings.evaluate(noGain, List.of(row("mixup", seeds, 20, 21, 19, 20), row("k3", seeds, 16, 25, 15, 22)));
        assertEquals(Verdict.INCONCLUSIVE, noisy.verdict());
    }

    @Test
    void twoFiguresOfOneRowCompareAsWell() {
        Claim collapse = new Claim("collapse", "ERM covers fewer than all modes", "pictures", ERM, "modes_covered", ERM,
                "modes_total", Expect.LOWER, 0.5);
        Map<String, Object> r = new LinkedHashMap<>(Map.of("method", "erm", "seeds", List.of(0, 1, 2)));
        r.put("modes_covered_per_seed", List.of(2, 3, 1));
        r.put("modes_total_per_seed", List.of(8, 8, 8));
        Finding f = Findings.evaluate(collapse, List.of(r));
        assertEquals(-6, f.difference(), 1e-12);
        assertEquals(Verdict.REPRODUCED, f.verdict());
        assertEquals("modes_covered − modes_total", f.comparison());
    }

    @Test
    void aClaimWhoseRowsAreMissingOrAmbiguousIsNotEvaluated() {
        Finding missing = Findings.evaluate(lower(0.5), List.of(row("erm", List.of(0L), 20)));
        assertEquals(0, missing.seeds());
        assertTrue(missing.note().contains("no condition matches"), missing.note());
        Finding twice = Findings.evaluate(Claim.of("c", "t", "p", Map.of(), ERM, "test_error", Expect.LOWER, 0),
                List.of(row("erm", List.of(0L), 20), row("mixup", List.of(0L), 19)));
        assertTrue(twice.note().contains("2 conditions match"), twice.note());
        assertEquals(Verdict.INCONCLUSIVE, twice.verdict());
    }

    @Test
    void onlySeedsPresentOnBothSidesArePaired() {
        Finding f = Findings.evaluate(lower(0),
                List.of(row("erm", List.of(0L, 1L, 2L), 20, 21, 22), row("mixup", List.of(1L, 2L, 3L), 19, 20, 5)));
        assertEquals(2, f.seeds());
        assertEquals(List.of(-2.0, -2.0), f.perSeed());
    }
}
