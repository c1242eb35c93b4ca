package org.mixupsuite.core.findings;

import java.util.Map;

/**
 * One of the paper's claims, stated as a paired comparison that a run can decide: the {@code figure}
 * of the {@code treatment} row against the {@code referenceFigure} of the {@code reference} row,
 * seed by seed. The rows are picked from metrics.json's conditions by their settings (see
 * {@link org.mixupsuite.core.run.RowMatch}); the same row on both sides compares two figures of one
 * condition (e.g. modes covered against modes in all).
 *
 * @param id        stable name used by baselines, e.g. {@code c50-last-error}
 * @param text      the claim in words, as a reader of the paper would put it
 * @param paper     the paper's own figure and setting, e.g. "ERM 44.6 vs mixup 12.7 (CIFAR-10, PreAct ResNet-18, α=32)"
 * @param margin    the smallest difference, in the figure's units, that counts as an effect; used
 *                  when no interval can be formed (one seed) and by {@link Expect#NOT_LOWER}
 */
public record Claim(String id, String text, String paper, Map<String, Object> treatment, String figure,
                    Map<String, Object> reference, String referenceFigure, Expect expect, double margin) {

    /** What the claim says of the paired difference treatment − reference. */
    public enum Expect {
        /** the treatment's figure is lower (e.g. mixup's error below ERM's) */
        LOWER,
        /** the treatment's figure is higher */
        HIGHER,
        /** the treatment's figure is not lower by more than the margin (e.g. k = 3 no better than k = 2) */
        NOT_LOWER
    }

    public Claim {
        treatment = Map.copyOf(treatment);
        reference = Map.copyOf(reference);
        if (margin < 0) {
            throw new IllegalArgumentException("margin must be 0 or more, got " + margin);
        }
    }

    /** A claim on one figure of two conditions. */
    public static Claim of(String id, String text, String paper, Map<String, Object> treatment,
                           Map<String, Object> reference, String figure, Expect expect, double margin) {
        return new Claim(id, text, paper, treatment, figure, reference, figure, expect, margin);
    }
}
