package org.mixupsuite.core.mixup;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One minibatch: inputs as rows, targets as rows of class probabilities (one-hot before mixing),
 * and the integer labels the rows were drawn with (used by label-aware pairing).
 */
public record Batch(INDArray features, INDArray targets, int[] labels) {

    public int size() {
        return labels.length;
    }
}
