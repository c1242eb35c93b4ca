package org.mixupsuite.reports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mixupsuite.core.run.Metrics;

/**
 * A complete run folder as the reports read it: its config and metrics documents. Which keys of a
 * condition are settings (rather than figures) comes from config.json's condition list.
 */
public record FinishedRun(String study, Path dir, Map<String, Object> config, Map<String, Object> metrics) {

    public String id() {
        return dir.getFileName().toString();
    }

    public String scale() {
        return String.valueOf(config.getOrDefault("scale", "?"));
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> conditions() {
        Object c = metrics.get("conditions");
        return c instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    /** The figures the study named for comparisons across runs (metrics.json's headline_figures), or none. */
    public List<String> headlineFigures() {
        return metrics.get("headline_figures") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    /** The settings of the rows comparisons follow (metrics.json's comparison_focus), or none: every row. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> comparisonFocus() {
        return metrics.get("comparison_focus") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** metrics.json's findings: the claims the run decided, each with its verdict (empty for older runs). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> findings() {
        Object f = metrics.get("findings");
        return f instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    /** The setting keys of this study's conditions (model, method, alpha, ...), plus seed or seeds. */
    @SuppressWarnings("unchecked")
    public Set<String> settingKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (Map<String, Object> c : conditions()) {
            Metrics.CONTRACT_SETTINGS.stream().filter(c::containsKey).forEach(keys::add);
        }
        if (config.get("conditions") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    keys.addAll(((Map<String, Object>) m).keySet());
                }
            }
        }
        if (metrics.get(Metrics.FIGURES) instanceof List<?> figures) {
            // runs that list their figures (a sweep's, whose config has no condition list): the rest are settings
            conditions().forEach(c -> keys.addAll(Metrics.settingsOf(c, figures).keySet()));
        }
        keys.add("seed");
        keys.add("seeds");
        return keys;
    }

    /** A short readable name of a condition from its settings, e.g. "mixup alpha=32 corruption=0.5". */
    public String label(Map<String, Object> condition) {
        List<String> parts = new ArrayList<>();
        for (String k : settingKeys()) {
            if (k.equals("seed") || k.equals("seeds") || k.equals("model") && !multipleValues(k)) {
                continue;
            }
            Object v = condition.get(k);
            if (v == null || (v instanceof Number n && n.doubleValue() == 0 && !k.equals("corruption")
                    && !k.equals("epsilon"))) {
                continue;
            }
            parts.add(k.equals("method") ? String.valueOf(v) : k + "=" + Format.value(v));
        }
        return String.join(" ", parts);
    }

    private boolean multipleValues(String key) {
        return conditions().stream().map(c -> String.valueOf(c.get(key))).distinct().count() > 1;
    }
}
