package org.mixupsuite.adversarial;

import org.mixupsuite.core.train.Network;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The fast gradient sign method (Goodfellow et al.) and its iterative form (Kurakin et al.): steps
 * along the sign of the loss gradient with respect to the input, kept within the L-infinity ball of
 * radius epsilon around the clean input and within the valid pixel range [0, 1]. Only the sign of
 * the gradient is used, so DL4J's sum-over-rows gradient needs no rescaling.
 */
public final class FgsmAttack {

    private static final int BATCH = 500;

    private FgsmAttack() {
    }

    /** One step of size epsilon: x + epsilon sign(grad), clipped to [0, 1]. */
    public static INDArray fgsm(Network net, INDArray x, INDArray targets, double epsilon) {
        return iterative(net, x, targets, epsilon, 1);
    }

    /**
     * {@code steps} steps of size epsilon / steps, each followed by projection onto the epsilon-ball
     * around {@code x} and onto [0, 1]; one forward and one backward pass per row and step.
     */
    public static INDArray iterative(Network net, INDArray x, INDArray targets, double epsilon, int steps) {
        INDArray out = x.dup();
        if (epsilon == 0) {
            return out;
        }
        int n = (int) x.rows();
        for (int start = 0; start < n; start += BATCH) {
            int end = Math.min(n, start + BATCH);
            INDArray clean = x.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
            INDArray y = targets.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
            INDArray adv = clean.dup();
            INDArray low = clean.sub(epsilon);
            INDArray high = clean.add(epsilon);
            for (int s = 0; s < steps; s++) {
                INDArray step = Transforms.sign(net.inputGradient(adv, y)).muli(epsilon / steps);
                adv.addi(step);
                adv = Transforms.min(Transforms.max(adv, low, false), high, false);
                adv = Transforms.min(Transforms.max(adv, 0.0, false), 1.0, false);
            }
            out.get(NDArrayIndex.interval(start, end), NDArrayIndex.all()).assign(adv);
        }
        return out;
    }
}
