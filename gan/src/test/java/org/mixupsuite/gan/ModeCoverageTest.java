package org.mixupsuite.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModeCoverageTest {

    private final ToyDistribution ring = ToyDistribution.of("ring8", 0.01);

    private float[][] atModes(int[] counts, float offset) {
        List<float[]> out = new ArrayList<>();
        for (int m = 0; m < counts.length; m++) {
            for (int i = 0; i < counts[m]; i++) {
                out.add(new float[] {(float) ring.modes()[m][0] + offset, (float) ring.modes()[m][1]});
            }
        }
        return out.toArray(float[][]::new);
    }

    @Test
    void samplesSpreadOverAllModesCoverThemAll() {
        ModeCoverage.Result r = ModeCoverage.measure(atModes(new int[] {50, 50, 50, 50, 50, 50, 50, 50}, 0.02f), ring,
                ModeCoverage.defaultShare(8));
        assertEquals(8, r.modesCovered());
        assertEquals(8, r.modesReached());
        assertEquals(8, r.modesTotal());
        assertEquals(1.0, r.highQualityFraction(), 1e-12);
    }

    @Test
    void aCollapsedGeneratorCoversOneMode() {
        ModeCoverage.Result r = ModeCoverage.measure(atModes(new int[] {400, 0, 0, 0, 0, 0, 0, 0}, 0f), ring,
                ModeCoverage.defaultShare(8));
        assertEquals(1, r.modesCovered());
        assertEquals(1, r.modesReached());
        assertEquals(1.0, r.highQualityFraction(), 1e-12);
    }

    @Test
    void offDataNoiseCoversNothing() {
        float[][] noise = new float[300][];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = new float[] {0.5f * (i % 3) - 0.5f, 0.0f}; // the ring's inside, > 3 std from every mode
        }
        ModeCoverage.Result r = ModeCoverage.measure(noise, ring, ModeCoverage.defaultShare(8));
        assertEquals(0, r.modesCovered());
        assertEquals(0, r.modesReached());
        assertEquals(0.0, r.highQualityFraction(), 1e-12);
    }

    @Test
    void pointsJustOutsideThreeStdAndModesBelowTheShareDoNotCount() {
        // 0.031 from the mode is beyond 3 std = 0.03; mode 1 holds 1% of samples, below the 3.125% share
        float[][] samples = atModes(new int[] {99, 1, 0, 0, 0, 0, 0, 0}, 0f);
        ModeCoverage.Result r = ModeCoverage.measure(samples, ring, ModeCoverage.defaultShare(8));
        assertEquals(1, r.modesCovered());
        assertEquals(2, r.modesReached(), "one sample within 3 std reaches a mode");
        ModeCoverage.Result outside = ModeCoverage.measure(atModes(new int[] {100, 0, 0, 0, 0, 0, 0, 0}, 0.031f), ring, 0.01);
        assertEquals(0, outside.modesCovered());
        assertEquals(0, outside.modesReached());
        assertEquals(0.0, outside.highQualityFraction(), 1e-12);
    }

    @Test
    void aDiffuseSamplerHitsModesAtTheRateGeometryPredicts() {
        // radius 3 std = 0.03 around each mode, uniform points over the modes' box [-1, 1]^2: the share
        // within reach is the area of the mode discs inside the box over the box's area. grid25: 4
        // corner quarter-discs, 12 edge half-discs, 9 whole discs = 16 discs; ring8: 4 half + 4 whole = 6
        double disc = Math.PI * 0.03 * 0.03;
        int n = 40_000;
        for (Object[] c : new Object[][] {{"grid25", 16 * disc / 4}, {"ring8", 6 * disc / 4}}) {
            ToyDistribution data = ToyDistribution.of((String) c[0], 0.01);
            float[][] points = data.diffuse(n, org.mixupsuite.core.Seeds.random(5, "chance"));
            ModeCoverage.Result r = ModeCoverage.measure(points, data, ModeCoverage.defaultShare(data.modes().length));
            double expected = (double) c[1];
            double sd = Math.sqrt(expected * (1 - expected) / n);
            assertEquals(expected, r.highQualityFraction(), 4 * sd, c[0] + ": share of diffuse points near a mode");
            assertEquals(0, r.modesCovered(), c[0] + ": chance covers no mode under the share rule");
            for (float[] p : points) {
                assertTrue(Math.abs(p[0]) <= 1 && Math.abs(p[1]) <= 1, "outside the modes' box");
            }
        }
    }
}
