package org.mixupsuite.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mixupsuite.core.run.Scale;

/**
 * A resolved sweep: the study, the grid, the seeds, where it writes, and how Spark runs it.
 *
 * @param master      the Spark master given with --master, or null (spark-submit's, else local)
 * @param maxAttempts Spark task attempts per cell (retries + 1)
 * @param fixed       the study options every cell gets
 */
record SweepPlan(String study, Grid grid, Scale scale, long seed, int seedCount, Path out, String master,
                 int maxAttempts, List<String> fixed) {

    List<Long> seeds() {
        return java.util.stream.LongStream.range(seed, seed + seedCount).boxed().toList();
    }

    /** Every grid point on every seed, points in grid order and seeds innermost. */
    List<Cell> cells(Path sweepDir) {
        List<Cell> cells = new ArrayList<>();
        for (Map<String, String> point : grid.points()) {
            for (long s : seeds()) {
                cells.add(Cell.of(study, point, s, fixed, sweepDir.resolve(SweepRun.CELLS)));
            }
        }
        return cells;
    }
}
