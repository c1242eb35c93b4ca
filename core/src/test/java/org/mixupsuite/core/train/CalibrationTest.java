package org.mixupsuite.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    private static boolean[] rightFirst(int n, int right) {
        boolean[] correct = new boolean[n];
        Arrays.fill(correct, 0, right, true);
        return correct;
    }

    @Test
    void confidenceThatMatchesAccuracyHasNoCalibrationError() {
        double[] confidence = new double[100];
        Arrays.fill(confidence, 0.9);
        assertEquals(0, Calibration.of(confidence, rightFirst(100, 90)).ece(), 1e-9);
    }

    @Test
    void overconfidenceIsTheGapBetweenConfidenceAndAccuracy() {
        double[] confidence = new double[100];
        Arrays.fill(confidence, 0.9);
        Calibration c = Calibration.of(confidence, rightFirst(100, 50));
        assertEquals(40, c.ece(), 1e-9, "90% confident, 50% right");
        assertEquals(100, c.counts()[13], "0.9 lies in (13/15, 14/15]");
        assertEquals(50, c.accuracy()[13], 1e-9);
        assertTrue(Double.isNaN(c.accuracy()[0]), "an empty bin has no accuracy");
    }

    @Test
    void binsAreWeightedByTheirShareOfPredictions() {
        // 30 predictions at 0.5, all right (gap 50), and 70 at 1.0, all right (gap 0): 0.3 * 50 = 15
        double[] confidence = new double[100];
        Arrays.fill(confidence, 0, 30, 0.5);
        Arrays.fill(confidence, 30, 100, 1.0);
        Calibration c = Calibration.of(confidence, rightFirst(100, 100));
        assertEquals(15, c.ece(), 1e-9);
        assertEquals(70, c.counts()[Calibration.BINS - 1], "a confidence of 1 lies in the last bin");
        assertEquals(30, c.counts()[7], "0.5 lies in (7/15, 8/15]");
    }

    @Test
    void aBinBoundaryBelongsToTheBinBelowIt() {
        Calibration c = Calibration.of(new double[] {1.0 / 15, 2.0 / 15}, new boolean[] {true, false});
        assertEquals(1, c.counts()[0]);
        assertEquals(1, c.counts()[1]);
    }
}
