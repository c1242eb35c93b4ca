package org.mixupsuite.core.data;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.util.MathArrays;

/**
 * The memorization protocol of Zhang et al. (2017), used by the mixup paper: a chosen fraction of
 * training examples gets a label drawn uniformly from all classes. A drawn label can equal the
 * original one, so the share that actually changed is about rate x (1 - 1/classes); the mask marks
 * only the examples whose label really differs, since those are the ones a model must memorize.
 */
public final class LabelCorruption {

    private LabelCorruption() {
    }

    /** Training labels after corruption, and which examples now carry a wrong label. */
    public record CorruptedLabels(int[] labels, boolean[] corrupted, int replaced, int changed) {
        public double changedFraction() {
            return labels.length == 0 ? 0 : (double) changed / labels.length;
        }
    }

    public static CorruptedLabels corrupt(int[] clean, int numClasses, double rate, RandomGenerator rng) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("corruption rate must be in [0, 1], got " + rate);
        }
        int n = clean.length;
        int replaced = (int) Math.round(rate * n);
        int[] order = MathArrays.natural(n);
        MathArrays.shuffle(order, rng);
        int[] labels = clean.clone();
        boolean[] corrupted = new boolean[n];
        int changed = 0;
        for (int i = 0; i < replaced; i++) {
            int idx = order[i];
            labels[idx] = rng.nextInt(numClasses);
            if (labels[idx] != clean[idx]) {
                corrupted[idx] = true;
                changed++;
            }
        }
        return new CorruptedLabels(labels, corrupted, replaced, changed);
    }
}
