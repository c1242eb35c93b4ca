package org.mixupsuite.core.findings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A claim decided on one run: the mean of the per-seed paired differences (treatment − reference,
 * in the figure's units), its 95% interval (Student's t over the seeds), the test's p-value raw and
 * Holm-adjusted across the study's claims, and the verdict ({@link Findings} states the rules). With
 * fewer than {@link org.mixupsuite.core.stats.PairedTest#MIN_SEEDS} seeds there is no verdict: it
 * reads {@code inconclusive} and {@code indicative} says only which way the seeds point.
 *
 * @param comparison  what was subtracted from what, e.g. "test_error_last: mixup − erm"
 * @param difference  mean paired difference; NaN when the claim could not be evaluated
 * @param ci95        half-width of its 95% interval (NaN with one seed)
 * @param seeds       number of seeds paired
 * @param indicative  the way the mean alone points, beyond the margin, whatever the seeds: what a baseline's
 *                    {@code direction} compares
 * @param note        why it could not be evaluated, why there is no verdict, or which seeds diverged; else null
 * @param margin      the smallest effect of interest, in the figure's units
 * @param test        "t" (Student's t) or "signed-rank" (exact Wilcoxon), the test behind p
 * @param p           the deciding test's p-value (NaN with fewer than 3 seeds)
 * @param pAdjusted   p after Holm–Bonferroni over the study's decided claims
 * @param seedsNeeded seeds that would decide the claim at the observed paired spread (80% power at
 *                    Holm's strictest level; {@link Findings}); 0 where not estimated (fewer than 2
 *                    seeds, or decided)
 */
public record Finding(String id, String text, String paper, String comparison, double treatmentMean,
                      double referenceMean, double difference, double ci95, int seeds, List<Double> perSeed,
                      Verdict verdict, Verdict indicative, String note, double margin, String test, double p,
                      double pAdjusted, int seedsNeeded) {

    /** Whether the seeds were enough for a verdict at all. */
    public boolean decided() {
        return seeds >= org.mixupsuite.core.stats.PairedTest.MIN_SEEDS;
    }

    public double low() {
        return difference - ci95;
    }

    public double high() {
        return difference + ci95;
    }

    /** The metrics.json form (contract: id, text, paper figure, effect, interval, seeds, verdict). */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("claim", text);
        m.put("paper", paper);
        m.put("comparison", comparison);
        m.put("treatment_mean", finite(treatmentMean));
        m.put("reference_mean", finite(referenceMean));
        m.put("effect", finite(difference));
        m.put("ci95", finite(ci95));
        m.put("ci_low", seeds > 1 ? finite(low()) : null);
        m.put("ci_high", seeds > 1 ? finite(high()) : null);
        m.put("seeds", seeds);
        m.put("effect_per_seed", perSeed);
        m.put("verdict", verdict.id());
        m.put("indicative", indicative.id());
        m.put("margin", margin);
        m.put("test", test);
        m.put("p", finite(p));
        m.put("p_adjusted", finite(pAdjusted));
        if (seedsNeeded > 0) {
            m.put("seeds_needed", seedsNeeded);
        }
        if (note != null) {
            m.put("note", note);
        }
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
