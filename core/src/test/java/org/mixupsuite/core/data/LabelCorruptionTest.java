package org.mixupsuite.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.mixupsuite.core.Seeds;
import org.mixupsuite.core.data.LabelCorruption.CorruptedLabels;

class LabelCorruptionTest {

    private static int[] cleanLabels(int n, int classes) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % classes;
        }
        return y;
    }

    @Test
    void replacesTheRequestedShareAndMarksExactlyTheChangedLabels() {
        int n = 20_000;
        int k = 10;
        int[] clean = cleanLabels(n, k);
        for (double rate : new double[] {0.2, 0.5, 0.8}) {
            CorruptedLabels c = LabelCorruption.corrupt(clean, k, rate, Seeds.random(7, "corrupt"));
            assertEquals(Math.round(rate * n), c.replaced());
            int changed = 0;
            for (int i = 0; i < n; i++) {
                assertEquals(c.labels()[i] != clean[i], c.corrupted()[i], "mask must mark exactly the changed labels");
                if (c.corrupted()[i]) {
                    changed++;
                }
            }
            assertEquals(changed, c.changed());
            // a uniform redraw keeps the old label with probability 1/k
            double expected = rate * (1 - 1.0 / k);
            assertEquals(expected, c.changedFraction(), 0.01, "changed share at rate " + rate);
        }
    }

    @Test
    void newLabelsAreUniformOverClasses() {
        int n = 50_000;
        int k = 10;
        int[] clean = new int[n]; // all class 0: any non-zero label was drawn by the corruption
        CorruptedLabels c = LabelCorruption.corrupt(clean, k, 1.0, Seeds.random(3, "corrupt"));
        long[] counts = new long[k];
        for (int y : c.labels()) {
            counts[y]++;
        }
        double[] expected = new double[k];
        java.util.Arrays.fill(expected, n / (double) k);
        double p = new ChiSquareTest().chiSquareTest(expected, counts);
        assertTrue(p > 0.001, "labels look non-uniform, chi-square p = " + p);
    }

    @Test
    void zeroRateChangesNothingAndSameSeedGivesSameCorruption() {
        int[] clean = cleanLabels(1000, 10);
        CorruptedLabels none = LabelCorruption.corrupt(clean, 10, 0.0, Seeds.random(1, "corrupt"));
        assertArrayEquals(clean, none.labels());
        assertEquals(0, none.changed());
        CorruptedLabels a = LabelCorruption.corrupt(clean, 10, 0.5, Seeds.random(1, "corrupt"));
        CorruptedLabels b = LabelCorruption.corrupt(clean, 10, 0.5, Seeds.random(1, "corrupt"));
        CorruptedLabels other = LabelCorruption.corrupt(clean, 10, 0.5, Seeds.random(2, "corrupt"));
        assertArrayEquals(a.labels(), b.labels());
        assertTrue(!java.util.Arrays.equals(a.labels(), other.labels()));
    }
}
