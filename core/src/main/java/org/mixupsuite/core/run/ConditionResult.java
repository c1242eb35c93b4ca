package org.mixupsuite.core.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one condition on one seed produced: its figures (error in %), its history rows, and a status
 * ({@code complete}, or {@code diverged} with a message when the loss stopped being a number).
 */
public record ConditionResult(String status, String message, Map<String, Object> figures,
                              List<Map<String, Object>> history) {

    public static final String COMPLETE = "complete";
    public static final String DIVERGED = "diverged";

    public static ConditionResult complete(Map<String, Object> figures, List<Map<String, Object>> history) {
        return new ConditionResult(COMPLETE, null, new LinkedHashMap<>(figures), history);
    }

    public static ConditionResult diverged(String message, List<Map<String, Object>> history) {
        return new ConditionResult(DIVERGED, message, new LinkedHashMap<>(), history);
    }

    @JsonIgnore
    public boolean isComplete() {
        return COMPLETE.equals(status);
    }
}
