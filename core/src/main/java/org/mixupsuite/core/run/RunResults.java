package org.mixupsuite.core.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mixupsuite.core.stats.Interval;

/** Every condition's result on every seed, in plan order, with helpers to summarize across seeds. */
public record RunResults<C extends Condition>(List<SeedResult<C>> results) {

    /** One condition on one seed. */
    public record SeedResult<C extends Condition>(C condition, long seed, ConditionResult result) {
    }

    /** The results grouped by condition, in plan order. */
    /** How many seeds the run holds (distinct seeds over all its results). */
    public int seedCount() {
        return (int) results.stream().mapToLong(SeedResult::seed).distinct().count();
    }

    /**
     * The words a chart's title ends with: what its band or bars show over this run's seeds, or that
     * one seed has none ({@code kind}: "band" or "bars").
     */
    public String intervalNote(String kind) {
        int n = seedCount();
        return n < 2 ? " (one seed: no interval)" : " (" + kind + ": 95% interval over " + n + " seeds)";
    }

    public Map<C, List<SeedResult<C>>> byCondition() {
        Map<C, List<SeedResult<C>>> out = new LinkedHashMap<>();
        for (SeedResult<C> r : results) {
            out.computeIfAbsent(r.condition(), k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    /** A figure of one condition across its seeds (non-finite and missing values left out). */
    public Interval figure(C condition, String figure) {
        List<SeedResult<C>> runs = byCondition().getOrDefault(condition, List.of());
        double[] values = runs.stream()
                .map(r -> r.result().figures().get(figure))
                .filter(v -> v instanceof Number)
                .mapToDouble(v -> ((Number) v).doubleValue())
                .toArray();
        return Interval.of(values);
    }

    /**
     * A history column of one condition per step (e.g. test error per epoch), across seeds: step k's
     * interval is over the seeds that reached step k.
     */
    public List<Interval> curve(C condition, String column) {
        List<List<Double>> perStep = new ArrayList<>();
        for (SeedResult<C> r : byCondition().getOrDefault(condition, List.of())) {
            List<Map<String, Object>> rows = r.result().history();
            for (int k = 0; k < rows.size(); k++) {
                while (perStep.size() <= k) {
                    perStep.add(new ArrayList<>());
                }
                Object v = rows.get(k).get(column);
                if (v instanceof Number num) {
                    perStep.get(k).add(num.doubleValue());
                }
            }
        }
        List<Interval> out = new ArrayList<>();
        for (List<Double> values : perStep) {
            out.add(Interval.of(values.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return out;
    }

    /** The step values (e.g. epoch numbers) of a condition's history column {@code stepColumn}, from its first seed. */
    public double[] steps(C condition, String stepColumn) {
        List<SeedResult<C>> runs = byCondition().getOrDefault(condition, List.of());
        if (runs.isEmpty()) {
            return new double[0];
        }
        return runs.get(0).result().history().stream()
                .mapToDouble(row -> ((Number) row.get(stepColumn)).doubleValue()).toArray();
    }
}
