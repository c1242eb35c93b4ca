package org.mixupsuite.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
