package org.mixupsuite.adversarial;

import org.apache.commons.math3.random.RandomGenerator;
import org.mixupsuite.core.train.Network;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The fast gradient sign method (Goodfellow et al.), its iterative form (Kurakin et al.) and PGD
 * with a random start (Madry et al.): steps
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
        return projected(net, x, targets, epsilon, steps, epsilon / steps, null);
    }

    /**
     * Projected gradient descent with a random start (Madry et al.): from a point drawn uniformly in
     * the epsilon-ball around {@code x} (and clipped to [0, 1]), {@code steps} steps of
     * {@code stepSize} along the gradient's sign, each projected onto the ball and onto [0, 1].
     */
    public static INDArray pgd(Network net, INDArray x, INDArray targets, double epsilon, int steps, double stepSize,
                               RandomGenerator rng) {
        return projected(net, x, targets, epsilon, steps, stepSize, rng);
    }

    /** Sign steps projected on the epsilon-ball and [0, 1]; from {@code x} itself when {@code start} is null. */
    private static INDArray projected(Network net, INDArray x, INDArray targets, double epsilon, int steps,
                                      double stepSize, RandomGenerator start) {
        INDArray out = x.dup();
        if (epsilon == 0) {
            return out;
        }
        int n = (int) x.rows();
        for (int from = 0; from < n; from += BATCH) {
            int end = Math.min(n, from + BATCH);
            INDArray clean = x.get(NDArrayIndex.interval(from, end), NDArrayIndex.all());
            INDArray y = targets.get(NDArrayIndex.interval(from, end), NDArrayIndex.all());
            INDArray low = clean.sub(epsilon);
            INDArray high = clean.add(epsilon);
            INDArray adv = start == null ? clean.dup() : clip(clean.add(uniform(clean.shape(), epsilon, start)), low, high);
            for (int s = 0; s < steps; s++) {
                adv.addi(Transforms.sign(net.inputGradient(adv, y)).muli(stepSize));
                adv = clip(adv, low, high);
            }
            out.get(NDArrayIndex.interval(from, end), NDArrayIndex.all()).assign(adv);
        }
        return out;
    }

    /** Onto the box [low, high] (the epsilon-ball in L-infinity) and then onto [0, 1]. */
    private static INDArray clip(INDArray adv, INDArray low, INDArray high) {
        INDArray inBall = Transforms.min(Transforms.max(adv, low, false), high, false);
        return Transforms.min(Transforms.max(inBall, 0.0, false), 1.0, false);
    }

    /** Values uniform in [-epsilon, epsilon], drawn from the run's generator (not ND4J's), so a seed fixes them. */
    private static INDArray uniform(long[] shape, double epsilon, RandomGenerator rng) {
        float[] v = new float[(int) (shape[0] * shape[1])];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (epsilon * (2 * rng.nextDouble() - 1));
        }
        return Nd4j.create(v, shape, 'c');
    }
}
