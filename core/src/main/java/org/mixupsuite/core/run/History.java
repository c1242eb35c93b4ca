package org.mixupsuite.core.run;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A condition's history, one row an epoch or iteration (as history.csv and checkpoints hold it),
 * with the few queries the studies need, so no study scans rows by hand: the last row, the row of a
 * figure's minimum (the earliest on ties, as "best epoch" means), the row at a step.
 */
public record History(List<Map<String, Object>> rows) {

    public History {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a history needs at least one row");
        }
        rows = List.copyOf(rows);
    }

    public static History of(List<Map<String, Object>> rows) {
        return new History(rows);
    }

    public Map<String, Object> last() {
        return rows.get(rows.size() - 1);
    }

    /** The earliest row where {@code figure} is lowest (rows without the figure never win). */
    public Map<String, Object> argmin(String figure) {
        Map<String, Object> best = rows.get(0);
        for (Map<String, Object> row : rows) {
            if (value(row, figure) < value(best, figure) || Double.isNaN(value(best, figure))) {
                best = row;
            }
        }
        return best;
    }

    /** The lowest value of {@code figure} over the history. */
    public double min(String figure) {
        return value(argmin(figure), figure);
    }

    /** The row whose {@code stepColumn} (e.g. epoch) equals {@code step}. */
    public Optional<Map<String, Object>> at(String stepColumn, long step) {
        return rows.stream().filter(r -> r.get(stepColumn) instanceof Number n && n.longValue() == step).findFirst();
    }

    /**
     * The mean of {@code figure} over the rows whose {@code stepColumn} is one of {@code steps}
     * (e.g. a GAN's snapshots of its last quarter); NaN when no such row has the figure.
     */
    public double mean(String figure, String stepColumn, java.util.Set<? extends Number> steps) {
        java.util.Set<Long> wanted = new java.util.HashSet<>();
        steps.forEach(n -> wanted.add(n.longValue()));
        return rows.stream().filter(r -> r.get(stepColumn) instanceof Number n && wanted.contains(n.longValue()))
                .mapToDouble(r -> value(r, figure)).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }

    /** A row's figure as a number; NaN when the row lacks it (e.g. a column added after the run was made). */
    public static double value(Map<String, Object> row, String figure) {
        return row.get(figure) instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
