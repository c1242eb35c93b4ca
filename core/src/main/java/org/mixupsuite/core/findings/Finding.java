package org.mixupsuite.core.findings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A claim decided on one run: the mean of the per-seed paired differences (treatment − reference,
 * in the figure's units), its 95% interval (Student's t over the seeds), and the verdict. With one
 * seed no interval exists: the verdict is {@code inconclusive} and {@code indicative} says which way
 * the single seed points.
 *
 * @param comparison  what was subtracted from what, e.g. "test_error_last: mixup − erm"
 * @param difference  mean paired difference; NaN when the claim could not be evaluated
 * @param ci95        half-width of its 95% interval (NaN with one seed)
 * @param seeds       number of seeds paired
 * @param indicative  the verdict the mean alone points to (the verdict itself when seeds ≥ 2)
 * @param note        why it could not be evaluated, or "1 seed, indicative"; null otherwise
 */
public record Finding(String id, String text, String paper, String comparison, double treatmentMean,
                      double referenceMean, double difference, double ci95, int seeds, List<Double> perSeed,
                      Verdict verdict, Verdict indicative, String note) {

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
        if (note != null) {
            m.put("note", note);
        }
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
