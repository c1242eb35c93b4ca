package org.mixupsuite.core.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mixupsuite.core.findings.Claim;
import org.mixupsuite.core.findings.Finding;
import org.mixupsuite.core.findings.Findings;
import org.mixupsuite.core.stats.Interval;

/**
 * Builds metrics.json's condition list from a run's results: with one seed, one entry per
 * condition and seed; with several, one entry per condition whose figures are means, each with
 * {@code <figure>_mean}, {@code <figure>_ci95} and {@code <figure>_per_seed}.
 */
public final class Metrics {

    /** The settings the contract names; rows of one condition (an attack at each epsilon) add some of them. */
    public static final List<String> CONTRACT_SETTINGS = List.of("model", "method", "alpha", "dropout", "corruption",
            "attack", "epsilon", "box", "dataset");

    /** metrics.json's list of the figure names its rows carry. */
    public static final String FIGURES = "figures";
    /** Keys of a row that are neither settings nor figures: which seeds, and how they ended. */
    private static final List<String> BOOKKEEPING = List.of("seed", "seeds", "status", "status_per_seed", "message");

    private Metrics() {
    }

    /** The keys a row may hold the named figures under: the figure, and with several seeds its _mean, _ci95, _per_seed. */
    public static Set<String> figureKeys(List<?> figures) {
        Set<String> keys = new LinkedHashSet<>();
        for (Object f : figures) {
            for (String suffix : List.of("", "_mean", "_ci95", "_per_seed")) {
                keys.add(f + suffix);
            }
        }
        return keys;
    }

    /** A row's settings: what is left of it without its figures (named in metrics.json's figures) and bookkeeping. */
    public static Map<String, Object> settingsOf(Map<String, Object> row, List<?> figures) {
        Map<String, Object> settings = new LinkedHashMap<>(row);
        settings.keySet().removeAll(figureKeys(figures));
        settings.keySet().removeAll(BOOKKEEPING);
        return settings;
    }

    private static <C extends Condition> List<String> figureNames(RunResults<C> results) {
        Set<String> names = new LinkedHashSet<>();
        results.results().forEach(r -> r.result().metricRows().forEach(row -> names.addAll(row.figures().keySet())));
        return List.copyOf(names);
    }

    /**
     * Per-seed rows (as metrics.json holds them with one seed, from any number of runs) regrouped by
     * their settings into multi-seed rows, with the same keys a multi-seed run writes. Rows are
     * grouped in the order their settings first appear; {@code figures} names the keys that are figures.
     */
    public static List<Map<String, Object>> aggregateRows(List<Map<String, Object>> perSeedRows, List<String> figures) {
        Map<Map<String, Object>, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        for (Map<String, Object> row : perSeedRows) {
            groups.computeIfAbsent(settingsOf(row, figures), k -> new ArrayList<>()).add(row);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        groups.forEach((settings, rows) -> {
            Map<String, Object> c = new LinkedHashMap<>(settings);
            c.put("seeds", rows.stream().map(r -> r.get("seed")).toList());
            putStatus(c, rows.stream().map(r -> r.get("status")).toList(), rows.stream().map(r -> r.get("message")).toList());
            List<Map<String, Object>> perSeedFigures = rows.stream().map(r -> {
                Map<String, Object> f = new LinkedHashMap<>();
                figures.stream().filter(r::containsKey).forEach(name -> f.put(name, r.get(name)));
                return f;
            }).toList();
            putFigures(c, perSeedFigures);
            out.add(c);
        });
        return out;
    }

    public static <C extends Condition> Map<String, Object> document(String study, RunResults<C> results,
                                                                      int seedCount, List<Claim> claims) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("study", study);
        List<Map<String, Object>> conditions = seedCount > 1 ? aggregated(results) : perSeed(results);
        doc.put("conditions", conditions);
        // which keys of a row are figures (the rest are settings), for readers that regroup rows (sweeps)
        doc.put(FIGURES, figureNames(results));
        if (!claims.isEmpty()) {
            doc.put("findings", Findings.evaluate(claims, conditions).stream().map(Finding::toJson).toList());
        }
        return doc;
    }

    private static <C extends Condition> List<Map<String, Object>> perSeed(RunResults<C> results) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RunResults.SeedResult<C> r : results.results()) {
            for (MetricRow row : r.result().metricRows()) {
                Map<String, Object> c = new LinkedHashMap<>(r.condition().settings());
                c.putAll(row.settings());
                c.put("seed", r.seed());
                c.put("status", r.result().status());
                if (r.result().message() != null) {
                    c.put("message", r.result().message());
                }
                c.putAll(row.figures());
                out.add(c);
            }
        }
        return out;
    }

    private static <C extends Condition> List<Map<String, Object>> aggregated(RunResults<C> results) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<C, List<RunResults.SeedResult<C>>> e : results.byCondition().entrySet()) {
            List<RunResults.SeedResult<C>> runs = e.getValue();
            // rows come in plan order on every seed; a diverged seed has fewer, so go by the longest
            int rowCount = runs.stream().mapToInt(r -> r.result().metricRows().size()).max().orElse(0);
            for (int i = 0; i < rowCount; i++) {
                int index = i;
                List<MetricRow> rows = runs.stream()
                        .map(r -> index < r.result().metricRows().size() ? r.result().metricRows().get(index) : null)
                        .toList();
                MetricRow template = rows.stream().filter(row -> row != null).findFirst().orElseThrow();
                Map<String, Object> c = new LinkedHashMap<>(e.getKey().settings());
                c.putAll(template.settings());
                c.put("seeds", runs.stream().map(RunResults.SeedResult::seed).toList());
                putStatus(c, runs.stream().map(r -> (Object) r.result().status()).toList(),
                        runs.stream().map(r -> (Object) r.result().message()).toList());
                List<Map<String, Object>> perSeedFigures = rows.stream()
                        .map(row -> row == null ? Map.<String, Object>of() : row.figures()).toList();
                putFigures(c, perSeedFigures);
                out.add(c);
            }
        }
        return out;
    }

    /** One status for a condition's seeds: complete if every seed is, else diverged with each seed's and the first message. */
    private static void putStatus(Map<String, Object> c, List<Object> statuses, List<Object> messages) {
        boolean allComplete = statuses.stream().allMatch(ConditionResult.COMPLETE::equals);
        c.put("status", allComplete ? ConditionResult.COMPLETE : ConditionResult.DIVERGED);
        if (!allComplete) {
            c.put("status_per_seed", statuses);
            messages.stream().filter(m -> m != null).findFirst().ifPresent(m -> c.put("message", m));
        }
    }

    /** Each figure's mean, 95% interval and per-seed values (non-numeric figures are copied from the first seed). */
    private static void putFigures(Map<String, Object> c, List<Map<String, Object>> perSeedFigures) {
        List<String> names = new ArrayList<>();
        perSeedFigures.forEach(f -> f.keySet().stream().filter(k -> !names.contains(k)).forEach(names::add));
        for (String figure : names) {
            List<Object> perSeed = perSeedFigures.stream().map(f -> f.get(figure)).toList();
            if (perSeed.stream().anyMatch(v -> v != null && !(v instanceof Number))) {
                c.put(figure, perSeed.get(0));
                continue;
            }
            Interval iv = Interval.of(perSeed.stream().filter(v -> v instanceof Number)
                    .mapToDouble(v -> ((Number) v).doubleValue()).toArray());
            c.put(figure, finiteOrNull(iv.mean()));
            c.put(figure + "_mean", finiteOrNull(iv.mean()));
            c.put(figure + "_ci95", finiteOrNull(iv.ci95()));
            c.put(figure + "_per_seed", perSeed);
        }
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
