package org.mixupsuite.core.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mixupsuite.core.run.Engine;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One model under both engines from the same start: two copies built alike (same seed, so the
 * same initial parameters), one adapted by {@code --engine fast}, one left to DL4J; their outputs,
 * input gradients and a few training steps compared.
 *
 * <p>The bound. The engines compute the same formulas; what may differ is the order of float32
 * sums (another BLAS kernel, a sum over a channel in Java, a weight gradient summed by patches). A
 * sum of n products in two orders differs by at most about n u times the sum of the terms' magnitudes
 * (u = 2^-24, float32's unit roundoff; Higham, Accuracy and Stability, 3.1), so a layer whose longest
 * reduction is n keeps a relative difference near n u, and a network of d such layers near d n u,
 * where the values do not cancel. Outputs and input gradients before training must agree within
 * {@code 4 d n u} of their largest magnitude (4 for softmax, loss gradient and batch-norm statistics on
 * top of the products). After training steps the parameters move apart by more: Adam divides each
 * gradient by its own running scale, so a rounding difference in a near-zero gradient can move a
 * parameter by up to the learning rate either way. The step check is therefore the same bound on the
 * losses of each step, which the whole network feeds, and at most that share of the parameters
 * differing by more than the bound times the largest parameter change.
 */
public final class EngineAgreement {

    /** float32's unit roundoff. */
    public static final double UNIT_ROUNDOFF = Math.pow(2, -24);

    private EngineAgreement() {
    }

    /** What one comparison found, against its bound. */
    public record Outcome(String model, double bound, double outputDifference, double inputGradientDifference,
                          double[] fastLosses, double[] dl4jLosses, double largestLossDifference,
                          double parametersApartShare, List<String> replacements) {
        @Override
        public String toString() {
            return String.format("%s: bound %.2e; output %.2e, input gradient %.2e, loss %.2e (relative); "
                            + "%.4f of parameters apart beyond the bound; replacements %s", model, bound,
                    outputDifference, inputGradientDifference, largestLossDifference, parametersApartShare, replacements);
        }

        /** Asserts every figure within the bound, with the whole outcome as the message. */
        public void assertAgrees() {
            assertTrue(outputDifference <= bound, this::toString);
            assertTrue(inputGradientDifference <= bound, this::toString);
            assertTrue(largestLossDifference <= bound, this::toString);
            assertTrue(parametersApartShare <= bound, this::toString);
        }
    }

    /**
     * Builds the model twice through {@code build}, adapts one under each engine, compares output and
     * input gradient on {@code x}, then fits both {@code steps} times on ({@code x}, {@code y}).
     * The engine in use is restored afterwards.
     */
    public static Outcome compare(String model, Supplier<MultiLayerNetwork> build, INDArray x, INDArray y, int steps) {
        MultiLayerNetwork fastNet = build.get();
        MultiLayerNetwork dl4jNet = build.get();
        INDArray start = dl4jNet.params().dup();
        Engine before = Engine.current();
        Network fast;
        Network dl4j;
        try {
            Engine.use(Engine.FAST);
            fast = Network.of(fastNet);
            Engine.use(Engine.DL4J);
            dl4j = Network.of(dl4jNet);
        } finally {
            Engine.use(before);
        }
        double bound = bound(dl4jNet);
        double output = relativeDifference(fast.output(x), dl4j.output(x));
        // DL4J takes input gradients in training mode, dropout included: the same masks for both
        Nd4j.getRandom().setSeed(999);
        INDArray fastGradient = fast.inputGradient(x, y);
        Nd4j.getRandom().setSeed(999);
        double inputGradient = relativeDifference(fastGradient, dl4j.inputGradient(x, y));
        double[] fastLosses = new double[steps];
        double[] dl4jLosses = new double[steps];
        double loss = 0;
        for (int s = 0; s < steps; s++) {
            // dropout masks come from ND4J's generator: the same draws for both
            Nd4j.getRandom().setSeed(1000 + s);
            fastLosses[s] = fast.fit(x, y);
            Nd4j.getRandom().setSeed(1000 + s);
            dl4jLosses[s] = dl4j.fit(x, y);
            loss = Math.max(loss, Math.abs(fastLosses[s] - dl4jLosses[s]) / Math.max(Math.abs(dl4jLosses[s]), Float.MIN_NORMAL));
        }
        double moved = dl4jNet.params().sub(start).amaxNumber().doubleValue();
        INDArray apart = fastNet.params().sub(dl4jNet.params());
        double[] gaps = apart.data().asDouble();
        long beyond = 0;
        for (double g : gaps) {
            if (Math.abs(g) > bound * Math.max(moved, Float.MIN_NORMAL)) {
                beyond++;
            }
        }
        Outcome outcome = new Outcome(model, bound, output, inputGradient, fastLosses, dl4jLosses, loss,
                (double) beyond / gaps.length, fast.replacements());
        System.out.println("engine agreement: " + outcome); // the figures, in the test's report
        return outcome;
    }

    /** {@code 4 d n u}: d layers with parameters, n the longest reduction (a layer's fan-in), u the unit roundoff. */
    public static double bound(MultiLayerNetwork net) {
        int depth = 0;
        long longest = 1;
        for (Layer layer : net.getLayers()) {
            if (layer.conf().getLayer() instanceof BaseLayer && layer.numParams() > 0) {
                depth++;
                longest = Math.max(longest, fanIn(layer));
            }
        }
        return 4.0 * depth * longest * UNIT_ROUNDOFF;
    }

    /** A layer's longest sum: its weights' size over its output channels or units. */
    private static long fanIn(Layer layer) {
        INDArray w = layer.getParam("W");
        if (w == null) {
            return 1;
        }
        long[] shape = w.shape();
        // dense [nIn, nOut]; convolution [nOut, nIn, kH, kW]
        return shape.length == 2 ? shape[0] : w.length() / shape[0];
    }

    /** max |a - b| over max |b|. */
    public static double relativeDifference(INDArray a, INDArray b) {
        double scale = Math.max(b.amaxNumber().doubleValue(), Float.MIN_NORMAL);
        return a.castTo(b.dataType()).sub(b).amaxNumber().doubleValue() / scale;
    }
}
