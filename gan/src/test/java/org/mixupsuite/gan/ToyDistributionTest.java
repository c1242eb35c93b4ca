package org.mixupsuite.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;
import org.mixupsuite.core.Seeds;

class ToyDistributionTest {

    private static void checkMoments(ToyDistribution data, int n) {
        float[][] xy = data.sample(n, Seeds.random(4, "data")).toFloatMatrix();
        int k = data.modes().length;
        SummaryStatistics[] dx = new SummaryStatistics[k];
        SummaryStatistics[] dy = new SummaryStatistics[k];
        for (int m = 0; m < k; m++) {
            dx[m] = new SummaryStatistics();
            dy[m] = new SummaryStatistics();
        }
        for (float[] p : xy) {
            int nearest = 0;
            double best = Double.POSITIVE_INFINITY;
            for (int m = 0; m < k; m++) {
                double d = Math.hypot(p[0] - data.modes()[m][0], p[1] - data.modes()[m][1]);
                if (d < best) {
                    best = d;
                    nearest = m;
                }
            }
            dx[nearest].addValue(p[0] - data.modes()[nearest][0]);
            dy[nearest].addValue(p[1] - data.modes()[nearest][1]);
        }
        for (int m = 0; m < k; m++) {
            assertEquals((double) n / k, dx[m].getN(), 5 * Math.sqrt((double) n / k), "mode " + m + " weight");
            assertEquals(0, dx[m].getMean(), 0.002);
            assertEquals(0, dy[m].getMean(), 0.002);
            assertEquals(data.std(), dx[m].getStandardDeviation(), 0.1 * data.std());
            assertEquals(data.std(), dy[m].getStandardDeviation(), 0.1 * data.std());
        }
    }

    @Test
    void ringHasEightEquallyWeightedModesOnTheUnitCircle() {
        ToyDistribution ring = ToyDistribution.of("ring8", 0.01);
        assertEquals(8, ring.modes().length);
        for (double[] m : ring.modes()) {
            assertEquals(1.0, Math.hypot(m[0], m[1]), 1e-12);
        }
        checkMoments(ring, 16_000);
    }

    @Test
    void gridHasTwentyFiveModesOverTheSquare() {
        ToyDistribution grid = ToyDistribution.of("grid25", 0.01);
        assertEquals(25, grid.modes().length);
        for (double[] m : grid.modes()) {
            assertTrue(Math.abs(m[0]) <= 1 && Math.abs(m[1]) <= 1);
        }
        assertEquals(-1.0, grid.modes()[0][0]);
        assertEquals(1.0, grid.modes()[24][1]);
        checkMoments(grid, 25_000);
    }
}
