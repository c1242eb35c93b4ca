package org.mixupsuite.corruptlabels;

import java.util.Map;

/**
 * The paper's test errors (%) for this study, PreAct ResNet-18 on CIFAR-10, best epoch / last epoch
 * (Zhang et al. 2018, Table 2), keyed by corruption rate in percent. Drawn as reference lines.
 */
final class PaperFigures {

    record BestLast(double best, double last) {
    }

    static final Map<Integer, BestLast> ERM = Map.of(
            20, new BestLast(12.7, 16.6), 50, new BestLast(18.8, 44.6), 80, new BestLast(36.5, 73.9));
    static final Map<Integer, BestLast> MIXUP = Map.of(
            20, new BestLast(5.9, 6.4), 50, new BestLast(11.3, 12.7), 80, new BestLast(25.3, 30.9));

    /** The alpha and dropout rate behind the paper's mixup and dropout columns, per corruption rate. */
    static final Map<Integer, Double> MIXUP_ALPHA = Map.of(20, 8.0, 50, 32.0, 80, 32.0);
    static final Map<Integer, BestLast> DROPOUT = Map.of(
            20, new BestLast(8.8, 10.4), 50, new BestLast(14.1, 15.5), 80, new BestLast(30.9, 35.1));
    static final Map<Integer, Double> DROPOUT_P = Map.of(20, 0.7, 50, 0.8, 80, 0.8);
    /** mixup + dropout (the ICLR version's rows of Table 2, read from a secondary source: unconfirmed). */
    static final Map<Integer, BestLast> MIXUP_DROPOUT = Map.of(
            20, new BestLast(6.2, 6.2), 50, new BestLast(10.9, 10.9), 80, new BestLast(24.0, 24.8));

    /** The α of the paper's clean CIFAR-10 runs (§3.2, PreAct ResNet-18): the clean-label arm's. */
    static final double CLEAN_ALPHA = 1.0;
    /**
     * mixup + dropout's p: the ICLR version's grid was {0.3, 0.5, 0.7} and which one its rows used is not
     * known, so the middle one.
     */
    static final double COMBINED_P = 0.5;

    /** Table 2's best α at a corruption rate (§3.2's α = 1 on clean labels); between rows, the nearest row's. */
    static double bestAlpha(double rate) {
        return rate == 0 ? CLEAN_ALPHA : MIXUP_ALPHA.get(nearestRow(rate));
    }

    /** Table 2's best dropout p at a corruption rate above 0; between rows, the nearest row's. */
    static double bestDropout(double rate) {
        return DROPOUT_P.get(nearestRow(rate));
    }

    private static int nearestRow(double rate) {
        int pct = (int) Math.round(rate * 100);
        return MIXUP_ALPHA.keySet().stream().min((a, b) -> a.equals(b) ? 0
                : Math.abs(a - pct) != Math.abs(b - pct) ? Integer.compare(Math.abs(a - pct), Math.abs(b - pct))
                : Integer.compare(a, b)).orElseThrow();
    }

    private PaperFigures() {
    }
}
