package org.mixupsuite.reports;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.mixupsuite.core.BadInputException;
import org.mixupsuite.core.run.Json;

/**
 * {@code check --update}: proposes a range for every check of a baseline from the values observed in
 * all finished runs of the baseline's scale (per-seed values where a run has them). The range is the
 * observed span widened by three standard deviations (at least 5% of the mean), so ordinary seed noise
 * passes and a broken method does not. Always written to a new file, never over a baseline.
 */
final class BaselineProposal {

    private BaselineProposal() {
    }

    static Path defaultTarget(Path baseline) {
        String name = baseline.getFileName().toString().replaceFirst("\\.json$", "");
        String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return baseline.resolveSibling(name + ".proposed-" + time + ".json");
    }

    static int write(Baseline baseline, RunCatalog catalog, Path target, PrintStream out) throws IOException {
        if (Files.exists(target)) {
            throw new BadInputException(target, "exists already; --update never overwrites a file, name a new one");
        }
        List<Map<String, Object>> checks = new ArrayList<>();
        for (Baseline.Check c : baseline.checks()) {
            if (c.isVerdict()) {
                // a required verdict is a statement about the paper, not a range to re-fit: kept as it is
                checks.add(new LinkedHashMap<>(Map.of("study", c.study(), "claim", c.claim(),
                        c.direction() ? "direction" : "verdict", c.verdict().id())));
                continue;
            }
            SummaryStatistics stats = new SummaryStatistics();
            int runs = 0;
            for (FinishedRun run : catalog.finished()) {
                if (!run.study().equals(c.study()) || (baseline.scale() != null && !baseline.scale().equals(run.scale()))) {
                    continue;
                }
                for (Map<String, Object> condition : run.conditions()) {
                    if (c.matches(condition)) {
                        runs++;
                        addValues(stats, condition, c.figure());
                    }
                }
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("study", c.study());
            entry.put("match", c.match());
            entry.put("figure", c.figure());
            if (stats.getN() == 0) {
                entry.put("min", c.min());
                entry.put("max", c.max());
                entry.put("note", "no finished run matched; range kept");
            } else {
                double margin = Math.max(3 * stats.getStandardDeviation(), 0.05 * Math.abs(stats.getMean()));
                entry.put("min", round(stats.getMin() - margin));
                entry.put("max", round(stats.getMax() + margin));
                entry.put("observed", Map.of("values", stats.getN(), "runs", runs, "min", round(stats.getMin()),
                        "max", round(stats.getMax()), "mean", round(stats.getMean())));
            }
            checks.add(entry);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        if (baseline.scale() != null) {
            doc.put("scale", baseline.scale());
        }
        doc.put("checks", checks);
        Json.write(target, doc);
        out.println("proposed " + checks.size() + " ranges in " + target + " (review, then replace the baseline by hand)");
        return 0;
    }

    private static void addValues(SummaryStatistics stats, Map<String, Object> condition, String figure) {
        if (condition.get(figure + "_per_seed") instanceof List<?> perSeed) {
            perSeed.stream().filter(v -> v instanceof Number).forEach(v -> stats.addValue(((Number) v).doubleValue()));
        } else if (condition.get(figure) instanceof Number n) {
            stats.addValue(n.doubleValue());
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
