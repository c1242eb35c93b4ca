package org.mixupsuite.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mixupsuite.core.charts.Charts;
import org.mixupsuite.core.charts.Palette;
import org.mixupsuite.core.run.Metrics;
import org.mixupsuite.core.run.RowMatch;

/**
 * One chart per headline figure and swept option: the figure's mean over seeds against the option's
 * value, a line per condition (ERM's beside mixup's), each with its 95% band.
 */
final class SweepCharts {

    private SweepCharts() {
    }

    @SuppressWarnings("unchecked")
    static void draw(Map<String, Object> metrics, Grid grid, Path dir) throws IOException {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) metrics.get("conditions");
        if (metrics.get("comparison_focus") instanceof Map<?, ?> focus) {
            rows = rows.stream().filter(r -> RowMatch.matches((Map<String, Object>) focus, r)).toList();
        }
        List<String> figures = metrics.get("headline_figures") instanceof List<?> h && !h.isEmpty()
                ? h.stream().map(String::valueOf).toList()
                : ((List<Object>) metrics.get("figures")).stream().limit(1).map(String::valueOf).toList();
        for (Map.Entry<String, List<String>> axis : grid.axes().entrySet()) {
            if (axis.getValue().size() < 2 || !axis.getValue().stream().allMatch(v -> SweepMetrics.number(v) instanceof Double)) {
                continue;
            }
            for (String figure : figures) {
                draw(rows, SweepMetrics.settingOf(axis.getKey()), axis.getKey(), figure, (List<?>) metrics.get("figures"),
                        metrics.get("study"), dir);
            }
        }
    }

    private static void draw(List<Map<String, Object>> rows, String axisKey, String option, String figure,
                             List<?> figureNames, Object study, Path dir) throws IOException {
        Map<Map<String, Object>, List<Map<String, Object>>> lines = lines(rows, axisKey, option, figure, figureNames);
        if (lines.isEmpty()) {
            return;
        }
        List<String> varying = varyingKeys(new ArrayList<>(lines.keySet()));
        List<Charts.Series> series = new ArrayList<>();
        Map<String, Integer> drawn = new HashMap<>();
        for (Map.Entry<Map<String, Object>, List<Map<String, Object>>> line : lines.entrySet()) {
            List<Map<String, Object>> points = line.getValue().stream()
                    .sorted((a, b) -> Double.compare(((Number) a.get(axisKey)).doubleValue(), ((Number) b.get(axisKey)).doubleValue()))
                    .toList();
            int n = points.size();
            double[] x = new double[n];
            double[] y = new double[n];
            double[] lo = new double[n];
            double[] hi = new double[n];
            for (int i = 0; i < n; i++) {
                Map<String, Object> p = points.get(i);
                x[i] = ((Number) p.get(axisKey)).doubleValue();
                y[i] = ((Number) p.get(figure)).doubleValue();
                double ci = p.get(figure + "_ci95") instanceof Number c ? c.doubleValue() : 0;
                lo[i] = y[i] - ci;
                hi[i] = y[i] + ci;
            }
            String label = label(line.getKey(), varying);
            String method = String.valueOf(line.getKey().getOrDefault("method", ""));
            // a method's lines share its hue, darker for each further one (another corruption rate, say)
            long sameMethod = lines.keySet().stream().filter(k -> method.equals(String.valueOf(k.getOrDefault("method", "")))).count();
            int variant = drawn.merge(method, 1, Integer::sum) - 1;
            series.add(new Charts.Series(label, Palette.method(method, variant, (int) sameMethod), x, y, lo, hi,
                    method.contains("dropout")));
        }
        String title = study + ": " + figure + " against " + option + " (mean over seeds, 95% band)";
        Charts.savePng(Charts.line(title, option, figure, series, List.of()),
                dir.resolve("sweep-" + figure + "-vs-" + option.replaceAll("[^A-Za-z0-9.+-]", "_") + ".png"));
    }

    /**
     * The chart's lines: each a condition, its rows along the swept option. A condition is the row's
     * settings apart from the swept one and apart from the setting the option sets (sweeping
     * {@code --alpha} moves mixup's alpha along its line, ERM's stays 0).
     */
    static Map<Map<String, Object>, List<Map<String, Object>>> lines(List<Map<String, Object>> rows, String axisKey,
                                                                     String option, String figure, List<?> figureNames) {
        Map<Map<String, Object>, List<Map<String, Object>>> lines = new LinkedHashMap<>();
        String optionSetting = option.replace('-', '_');
        for (Map<String, Object> r : rows) {
            if (r.get(figure) instanceof Number) {
                Map<String, Object> key = Metrics.settingsOf(r, figureNames);
                key.remove(axisKey);
                key.remove(optionSetting);
                lines.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
        }
        return lines;
    }

    private static List<String> varyingKeys(List<Map<String, Object>> lines) {
        List<String> keys = new ArrayList<>();
        for (Map<String, Object> l : lines) {
            for (String k : l.keySet()) {
                if (!keys.contains(k) && lines.stream().anyMatch(o -> !Objects.equals(o.get(k), l.get(k)))) {
                    keys.add(k);
                }
            }
        }
        return keys;
    }

    private static String label(Map<String, Object> settings, List<String> varying) {
        List<String> parts = new ArrayList<>();
        for (String k : varying) {
            Object v = settings.get(k);
            parts.add(k.equals("method") ? String.valueOf(v) : k + "=" + v);
        }
        return parts.isEmpty() ? "all" : String.join(" ", parts);
    }
}
