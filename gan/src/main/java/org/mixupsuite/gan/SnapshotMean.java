package org.mixupsuite.gan;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mixupsuite.core.run.History;

/**
 * A figure averaged over a run's late snapshots. One snapshot's figure is one draw from a generator
 * that still moves between iterations (GAN training oscillates rather than settles), so the mean over
 * the snapshots of the last part of the run reads what the run reached with far less noise.
 */
final class SnapshotMean {

    private SnapshotMean() {
    }

    /**
     * The mean of {@code figure} over the history rows whose {@code iteration} is in {@code iterations};
     * NaN when no such row has the figure.
     */
    static double of(List<Map<String, Object>> history, String figure, Set<Integer> iterations) {
        double sum = 0;
        int n = 0;
        for (Map<String, Object> row : history) {
            if (row.get("iteration") instanceof Number it && iterations.contains(it.intValue())) {
                double v = History.value(row, figure);
                if (!Double.isNaN(v)) {
                    sum += v;
                    n++;
                }
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
