package org.mixupsuite.core.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one condition on one seed produced: its figures (error in %), its history rows, and a status
 * ({@code complete}, or {@code diverged} with a message when the loss stopped being a number).
 * A condition evaluated at many points reports them as {@code rows} instead of (or beside) figures;
 * metrics.json then holds one entry per row, in the same order on every seed.
 */
public record ConditionResult(String status, String message, Map<String, Object> figures,
                              List<Map<String, Object>> history, List<MetricRow> rows) {

    public static final String COMPLETE = "complete";
    public static final String DIVERGED = "diverged";

    public ConditionResult {
        rows = rows == null ? List.of() : rows;
    }

    public static ConditionResult complete(Map<String, Object> figures, List<Map<String, Object>> history) {
        return new ConditionResult(COMPLETE, null, new LinkedHashMap<>(figures), history, List.of());
    }

    public static ConditionResult complete(List<MetricRow> rows, List<Map<String, Object>> history) {
        return new ConditionResult(COMPLETE, null, new LinkedHashMap<>(), history, rows);
    }

    public static ConditionResult diverged(String message, List<Map<String, Object>> history) {
        return new ConditionResult(DIVERGED, message, new LinkedHashMap<>(), history, List.of());
    }

    @JsonIgnore
    public boolean isComplete() {
        return COMPLETE.equals(status);
    }

    /**
     * The metrics.json rows of this result: its figures as one row when it has no rows of its own,
     * else each row's settings and figures.
     */
    @JsonIgnore
    public List<MetricRow> metricRows() {
        return rows.isEmpty() ? List.of(new MetricRow(Map.of(), figures)) : rows;
    }
}
