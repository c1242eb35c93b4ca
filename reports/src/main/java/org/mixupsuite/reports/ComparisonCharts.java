package org.mixupsuite.reports;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mixupsuite.core.charts.Charts;
import org.mixupsuite.core.charts.Palette;

/**
 * Charts that compare the runs of one study: a study's headline figure per condition across runs
 * of the same scale (runs of different scales are not comparable), with the 95% interval over seeds
 * where a run had several. Which figures, and which rows of a study with many, the study declared
 * itself in its newest run's metrics.json; this class names no study.
 */
final class ComparisonCharts {

    private static final int MAX_RUNS = 8;

    private ComparisonCharts() {
    }

    /**
     * Draws, for each scale the study was run at and each headline figure, one line per condition
     * across the runs of that scale (oldest to newest); returns the files written, keyed by caption.
     */
    static Map<String, Path> draw(String study, List<FinishedRun> runs, Path dir) throws IOException {
        Map<String, Path> out = new LinkedHashMap<>();
        Map<String, List<FinishedRun>> byScale = new LinkedHashMap<>();
        runs.forEach(r -> byScale.computeIfAbsent(r.scale(), k -> new ArrayList<>()).add(r));
        for (Map.Entry<String, List<FinishedRun>> scale : byScale.entrySet()) {
            List<FinishedRun> all = scale.getValue();
            if (all.size() < 2) {
                continue; // one run has nothing to be compared with; its own charts show it
            }
            List<FinishedRun> recent = all.subList(Math.max(0, all.size() - MAX_RUNS), all.size());
            Map<String, Object> focus = recent.get(recent.size() - 1).comparisonFocus();
            for (String figure : headline(recent)) {
                List<Charts.Bar> points = points(recent, figure, focus);
                if (points.isEmpty()) {
                    continue;
                }
                String name = figure.replace('_', ' ') + focusWords(focus);
                Path file = dir.resolve(study + "-" + scale.getKey() + "-" + figure.replace('_', '-') + ".png");
                Charts.savePng(Charts.lines(study + ", " + scale.getKey() + " scale: " + name + " per run",
                        "run (oldest to newest; bars: 95% interval over seeds)", axisLabel(figure), points, List.of()), file);
                out.put(name + " at " + scale.getKey() + " scale, one line per condition across runs", file);
            }
        }
        return out;
    }

    private static List<Charts.Bar> points(List<FinishedRun> runs, String figure, Map<String, Object> focus) {
        // colors by method over the union of conditions, so a condition keeps its shade in every run
        List<String> labels = new ArrayList<>();
        Map<String, String> methodOf = new LinkedHashMap<>();
        for (FinishedRun run : runs) {
            for (Map<String, Object> c : run.conditions()) {
                String label = run.label(c);
                if (Baseline.matches(focus, c) && !labels.contains(label)) {
                    labels.add(label);
                    methodOf.put(label, String.valueOf(c.getOrDefault("method", "other")));
                }
            }
        }
        List<Charts.Bar> points = new ArrayList<>();
        for (FinishedRun run : runs) {
            for (Map<String, Object> c : run.conditions()) {
                if (Baseline.matches(focus, c) && c.get(figure) instanceof Number v) {
                    String label = run.label(c);
                    String method = methodOf.get(label);
                    List<String> same = labels.stream().filter(l -> methodOf.get(l).equals(method)).toList();
                    Color color = Palette.method(method, same.indexOf(label), same.size());
                    double ci = c.get(figure + "_ci95") instanceof Number n ? n.doubleValue() : 0;
                    points.add(new Charts.Bar(run.id(), label, color, v.doubleValue(), ci));
                }
            }
        }
        return points;
    }

    private static String focusWords(Map<String, Object> declared) {
        Map<String, Object> focus = new TreeMap<>(declared);
        if (focus.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        focus.forEach((k, v) -> parts.add(k + " " + v));
        return " (" + String.join(", ", parts) + ")";
    }

    private static List<String> headline(List<FinishedRun> runs) {
        List<String> declared = runs.get(runs.size() - 1).headlineFigures();
        if (!declared.isEmpty()) {
            return declared;
        }
        for (FinishedRun r : runs) {
            for (Map<String, Object> c : r.conditions()) {
                for (Map.Entry<String, Object> e : c.entrySet()) {
                    if (e.getValue() instanceof Number && !r.settingKeys().contains(e.getKey())) {
                        return List.of(e.getKey());
                    }
                }
            }
        }
        return List.of();
    }

    static String axisLabel(String figure) {
        if (figure.contains("error")) {
            return figure.replace('_', ' ') + " (%)";
        }
        return figure.replace('_', ' ');
    }
}
