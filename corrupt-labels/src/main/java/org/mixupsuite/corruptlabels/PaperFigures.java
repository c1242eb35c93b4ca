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

    private PaperFigures() {
    }
}
