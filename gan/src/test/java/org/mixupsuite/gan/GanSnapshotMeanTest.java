package org.mixupsuite.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixupsuite.core.run.ConditionResult;
import org.mixupsuite.core.run.Presets;
import org.mixupsuite.core.run.History;
import org.mixupsuite.core.run.Scale;
import org.mixupsuite.core.testing.TestContext;

/** metrics.json's GAN figures are means over the snapshots of the run's last quarter. */
class GanSnapshotMeanTest {

    @TempDir
    Path tmp;

    private static Map<String, Object> row(int iteration, Double quality) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("iteration", iteration);
        if (quality != null) {
            r.put("high_quality_fraction", quality);
        }
        return r;
    }

    @Test
    void theMeanTakesTheChosenSnapshotsOnly() {
        List<Map<String, Object>> history = List.of(row(10, 0.9), row(20, 0.1), row(30, 0.3), row(40, null), row(50, 0.5));
        assertEquals(0.4, History.of(history).mean("high_quality_fraction", "iteration", Set.of(30, 40, 50)), 1e-12, "40 lacks the figure");
        assertEquals(0.5, History.of(history).mean("high_quality_fraction", "iteration", Set.of(50)), 1e-12);
        assertTrue(Double.isNaN(History.of(history).mean("high_quality_fraction", "iteration", Set.of(60))));
    }

    @Test
    void theAveragedSnapshotsAreThoseOfTheLastQuarter() {
        assertEquals(List.of(1500, 1600, 1700, 1800, 1900, 2000), List.copyOf(GanSettings.of(Scale.QUICK).averagedSnapshots()));
        assertEquals(11, GanSettings.of(Scale.PAPER).averagedSnapshots().size(), "15,000 to 20,000 every 500");
        assertEquals(List.of(30), List.copyOf(GanSettings.of(Scale.SMOKE).averagedSnapshots()));
    }

    @Test
    void aRunsFiguresAreTheMeansOfItsLastQuarterSnapshotsAndTheLastOneIsKeptBeside() throws Exception {
        // six snapshots (5, 10, ..., 30), so the last quarter holds two; wide modes, so the figures move
        GanSettings s = Presets.with(GanSettings.of(Scale.SMOKE), "curvePoints", 6, "std", 0.05);
        GanCondition demo = GanCondition.mixup("grid25", 0.2, MixupForm.DEMO);
        ConditionResult r = new GanExperiment(s, List.of(demo)).run(demo,
                new TestContext(3, Files.createDirectories(tmp.resolve("run")), tmp.resolve("ckpt")));
        List<Map<String, Object>> h = r.history();
        assertEquals(List.of(5, 10, 15, 20, 25, 30), h.stream().map(x -> x.get("iteration")).toList());
        Map<String, Object> f = r.figures();
        for (String figure : List.of("high_quality_fraction", "modes_covered", "modes_reached")) {
            double at25 = ((Number) h.get(4).get(figure)).doubleValue();
            double at30 = ((Number) h.get(5).get(figure)).doubleValue();
            assertEquals((at25 + at30) / 2, ((Number) f.get(figure)).doubleValue(), 1e-12, figure);
            assertEquals(at30, ((Number) f.get(figure + "_last")).doubleValue(), 1e-12, figure + "_last");
        }
        assertNotEquals(h.get(4).get("high_quality_fraction"), h.get(5).get("high_quality_fraction"),
                "the two averaged snapshots differ here, so the mean is not the last one by accident");
        double chance = ((Number) f.get("high_quality_fraction_chance")).doubleValue();
        // two diffuse draws of 500 points (one per averaged snapshot): within 4 standard errors of the chance level
        double level = ModeCoverage.chanceLevel(ToyDistribution.of("grid25", 0.05));
        assertEquals(level, chance, 4 * Math.sqrt(level * (1 - level) / (2 * s.evalSamples())), "chance");
    }
}
