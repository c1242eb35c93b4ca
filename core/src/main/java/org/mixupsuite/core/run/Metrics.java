package org.mixupsuite.core.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mixupsuite.core.stats.Interval;

/**
 * Builds metrics.json's condition list from a run's results: with one seed, one entry per
 * condition and seed; with several, one entry per condition whose figures are means, each with
 * {@code <figure>_mean}, {@code <figure>_ci95} and {@code <figure>_per_seed}.
 */
public final class Metrics {

    private Metrics() {
    }

    public static <C extends Condition> Map<String, Object> document(String study, RunResults<C> results,
                                                                      int seedCount) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("study", study);
        doc.put("conditions", seedCount > 1 ? aggregated(results) : perSeed(results));
        return doc;
    }

    private static <C extends Condition> List<Map<String, Object>> perSeed(RunResults<C> results) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RunResults.SeedResult<C> r : results.results()) {
            Map<String, Object> c = new LinkedHashMap<>(r.condition().settings());
            c.put("seed", r.seed());
            c.put("status", r.result().status());
            if (r.result().message() != null) {
                c.put("message", r.result().message());
            }
            c.putAll(r.result().figures());
            out.add(c);
        }
        return out;
    }

    private static <C extends Condition> List<Map<String, Object>> aggregated(RunResults<C> results) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<C, List<RunResults.SeedResult<C>>> e : results.byCondition().entrySet()) {
            List<RunResults.SeedResult<C>> runs = e.getValue();
            Map<String, Object> c = new LinkedHashMap<>(e.getKey().settings());
            c.put("seeds", runs.stream().map(RunResults.SeedResult::seed).toList());
            List<String> statuses = runs.stream().map(r -> r.result().status()).toList();
            boolean allComplete = statuses.stream().allMatch(ConditionResult.COMPLETE::equals);
            c.put("status", allComplete ? ConditionResult.COMPLETE : ConditionResult.DIVERGED);
            if (!allComplete) {
                c.put("status_per_seed", statuses);
                runs.stream().map(r -> r.result().message()).filter(m -> m != null).findFirst()
                        .ifPresent(m -> c.put("message", m));
            }
            for (String figure : figureNames(runs)) {
                List<Object> perSeed = runs.stream().map(r -> r.result().figures().get(figure)).toList();
                if (perSeed.stream().anyMatch(v -> v != null && !(v instanceof Number))) {
                    c.put(figure, perSeed.get(0));
                    continue;
                }
                Interval iv = results.figure(e.getKey(), figure);
                c.put(figure, finiteOrNull(iv.mean()));
                c.put(figure + "_mean", finiteOrNull(iv.mean()));
                c.put(figure + "_ci95", finiteOrNull(iv.ci95()));
                c.put(figure + "_per_seed", perSeed);
            }
            out.add(c);
        }
        return out;
    }

    private static <C extends Condition> List<String> figureNames(List<RunResults.SeedResult<C>> runs) {
        List<String> names = new ArrayList<>();
        for (RunResults.SeedResult<C> r : runs) {
            for (String k : r.result().figures().keySet()) {
                if (!names.contains(k)) {
                    names.add(k);
                }
            }
        }
        return names;
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
