package org.mixupsuite.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.mixupsuite.core.train.Classifiers;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.GaussianDropout;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class DenseStackTest {

    private static MultiLayerNetwork net(int in, FeedForwardLayer last, Activation hidden, double dropout, long seed) {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder().seed(seed).weightInit(WeightInit.RELU)
                .updater(new Adam(1e-2)).list();
        DenseLayer.Builder first = new DenseLayer.Builder().nIn(in).nOut(16).activation(hidden);
        if (dropout > 0) {
            first.dropOut(1 - dropout);
        }
        b.layer(first.build());
        b.layer(new DenseLayer.Builder().nIn(16).nOut(16).activation(Activation.RELU).build());
        last.setNIn(16);
        b.layer(last);
        MultiLayerNetwork n = new MultiLayerNetwork(b.build());
        n.init();
        return n;
    }

    private static MultiLayerNetwork discriminator(long seed) {
        return net(2, new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nOut(1).activation(Activation.SIGMOID).build(),
                Activation.RELU, 0, seed);
    }

    private static MultiLayerNetwork classifier(long seed) {
        return net(5, new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build(),
                Activation.RELU, 0, seed);
    }

    private static double maxAbsDiff(INDArray a, INDArray b) {
        return a.sub(b).amaxNumber().doubleValue();
    }

    /** Soft targets in [0, 1], as mixup makes them; rows of {@code classes > 1} sum to 1. */
    private static INDArray softTargets(int rows, int classes) {
        INDArray t = Nd4j.rand(DataType.FLOAT, rows, classes).addi(0.05);
        return classes == 1 ? t.divi(1.1) : t.diviColumnVector(t.sum(1).reshape(rows, 1));
    }

    /*
     * Bit-for-bit comparisons with DL4J use DenseStack in DL4J's layout: the same calls with the
     * same arguments, so the same kernels on any CPU. The fast layout sums the hidden products
     * through another BLAS entry (W^T x^T into a transposed view), which on some CPUs (AMD Zen)
     * picks a kernel that rounds differently; it is held to a bound from float arithmetic instead
     * (fastLayoutIsDl4jWithinFloatRounding).
     */
    private static void assertFitsLikeDl4j(MultiLayerNetwork reference, MultiLayerNetwork bound, int inputs, int classes) {
        DenseStack stack = new DenseStack(bound, true);
        INDArray atStart = reference.params().dup();
        Nd4j.getRandom().setSeed(11);
        for (int step = 0; step < 30; step++) {
            int rows = step % 2 == 0 ? 32 : 24; // two batch sizes: one buffer set each
            INDArray x = Nd4j.rand(DataType.FLOAT, rows, inputs).subi(0.5);
            INDArray y = softTargets(rows, classes);
            reference.fit(x, y);
            double score = stack.fit(x, y);
            assertEquals(reference.score(), score, 0.0, "score at step " + step);
        }
        // the same calls in the same order: the same numbers, to the bit
        assertEquals(0.0, maxAbsDiff(reference.params(), bound.params()), "parameters apart");
        assertTrue(maxAbsDiff(reference.params(), atStart) > 1e-3,
                "training did not move the parameters");
        assertEquals(reference.getIterationCount(), bound.getIterationCount());
        INDArray probe = Nd4j.rand(DataType.FLOAT, 7, inputs);
        assertEquals(0.0, maxAbsDiff(reference.output(probe), stack.output(probe)), "outputs differ");
    }

    @Test
    void fitIsDl4jsFitStepForStepForASigmoidDiscriminator() {
        assertFitsLikeDl4j(discriminator(3), discriminator(3), 2, 1);
    }

    @Test
    void fitIsDl4jsFitStepForStepForASoftmaxClassifier() {
        assertFitsLikeDl4j(classifier(3), classifier(3), 5, 3);
    }

    /**
     * The corrupt-labels study's dropout MLP (dropout on the hidden units, the inputs of every layer
     * after the first): the masks are drawn by DL4J's op from the global generator in fit's order,
     * so from the same seed the two runs draw the same masks and reach the same numbers.
     */
    @Test
    void fitWithDropoutIsDl4jsFitDrawForDraw() {
        MultiLayerNetwork reference = Classifiers.mlp(5, new int[] {16, 16}, 3, 0.4, 1e-2, 8);
        MultiLayerNetwork bound = Classifiers.mlp(5, new int[] {16, 16}, 3, 0.4, 1e-2, 8);
        MultiLayerNetwork otherDraws = Classifiers.mlp(5, new int[] {16, 16}, 3, 0.4, 1e-2, 8);
        Nd4j.getRandom().setSeed(21);
        List<INDArray[]> batches = new java.util.ArrayList<>();
        for (int step = 0; step < 30; step++) {
            int rows = step % 2 == 0 ? 32 : 24;
            batches.add(new INDArray[] {Nd4j.rand(DataType.FLOAT, rows, 5).subi(0.5), softTargets(rows, 3)});
        }
        double[] scores = new double[batches.size()];
        Nd4j.getRandom().setSeed(22);
        for (int step = 0; step < batches.size(); step++) {
            reference.fit(batches.get(step)[0], batches.get(step)[1]);
            scores[step] = reference.score();
        }
        DenseStack stack = new DenseStack(bound, true);
        Nd4j.getRandom().setSeed(22);
        for (int step = 0; step < batches.size(); step++) {
            assertEquals(scores[step], stack.fit(batches.get(step)[0], batches.get(step)[1]), 0.0, "score at step " + step);
        }
        assertEquals(0.0, maxAbsDiff(reference.params(), bound.params()), "parameters apart");
        // the masks matter: other draws give other parameters
        DenseStack other = new DenseStack(otherDraws, true);
        Nd4j.getRandom().setSeed(23);
        for (INDArray[] batch : batches) {
            other.fit(batch[0], batch[1]);
        }
        assertTrue(maxAbsDiff(reference.params(), otherDraws.params()) > 1e-4, "dropout drew nothing");
        INDArray probe = Nd4j.rand(DataType.FLOAT, 7, 5);
        assertEquals(0.0, maxAbsDiff(reference.output(probe), stack.output(probe)), "inference outputs differ");
        // rows of a larger array, as the evaluation hands them over
        INDArray rows = Nd4j.rand(DataType.FLOAT, 1200, 5).get(NDArrayIndex.interval(100, 1100), NDArrayIndex.all());
        assertEquals(0.0, maxAbsDiff(reference.output(rows), stack.output(rows)), "inference outputs on a view differ");
        INDArray y = softTargets(7, 3);
        Nd4j.getRandom().setSeed(24);
        INDArray expected = reference.calculateGradients(probe, y, null, null).getSecond();
        Nd4j.getRandom().setSeed(24);
        INDArray got = stack.inputGradient(probe, y);
        assertEquals(0.0, maxAbsDiff(expected, got), "input gradients apart");
    }

    @Test
    void inputGradientIsDl4jsAndLeavesTheParametersAlone() {
        MultiLayerNetwork reference = discriminator(4);
        MultiLayerNetwork bound = discriminator(4);
        for (int i = 0; i < 5; i++) { // away from the initial weights, where ReLUs are less uniform
            INDArray x = Nd4j.rand(DataType.FLOAT, 16, 2);
            INDArray y = softTargets(16, 1);
            reference.fit(x, y);
            bound.fit(x, y);
        }
        INDArray before = bound.params().dup();
        INDArray x = Nd4j.rand(DataType.FLOAT, 20, 2).subi(0.5);
        INDArray y = Nd4j.ones(DataType.FLOAT, 20, 1);
        INDArray expected = reference.calculateGradients(x, y, null, null).getSecond();
        INDArray got = new DenseStack(bound, true).inputGradient(x, y);
        assertTrue(expected.amaxNumber().doubleValue() > 1e-4, "a vanishing gradient would prove nothing");
        assertEquals(0.0, maxAbsDiff(expected, got), "input gradients apart");
        assertEquals(before, bound.params());
    }

    /**
     * A generator's step: the error comes from outside (its discriminator), and Adam must keep its
     * moments from step to step. Checked against Adam written out in doubles on DL4J's own gradients.
     * (DL4J 1.0.0-M2.1's updater, handed such a gradient by {@code backpropGradient}, starts Adam's
     * moments from zero at every step: measured, and the reason the GAN no longer goes through it.)
     */
    @Test
    void backpropAndUpdateIsAdamWithItsMomentsKept() {
        MultiLayerNetwork gradients = net(2, new DenseLayer.Builder().nOut(2).activation(Activation.IDENTITY).build(),
                Activation.RELU, 0, 5);
        MultiLayerNetwork bound = net(2, new DenseLayer.Builder().nOut(2).activation(Activation.IDENTITY).build(),
                Activation.RELU, 0, 5);
        DenseStack stack = new DenseStack(bound); // the GAN's layout: compared within 1e-5 below
        double[] params = bound.params().toDoubleVector();
        double[] m = new double[params.length];
        double[] v = new double[params.length];
        double lr = 1e-2;
        Nd4j.getRandom().setSeed(12);
        int rows = 24;
        for (int it = 1; it <= 6; it++) {
            INDArray z = Nd4j.randn(DataType.FLOAT, rows, 2);
            INDArray error = Nd4j.randn(DataType.FLOAT, rows, 2);
            gradients.setParams(Nd4j.create(params, new long[] {1, params.length}).castTo(DataType.FLOAT));
            gradients.setInput(z);
            List<INDArray> acts = gradients.feedForward(true, false);
            INDArray out = stack.forward(z);
            // the reference runs on parameters rounded from doubles: equal to float rounding, not to the bit
            assertTrue(maxAbsDiff(acts.get(acts.size() - 1), out) < 1e-5, "forward differs at step " + it);
            double[] g = gradients.backpropGradient(error, LayerWorkspaceMgr.noWorkspaces()).getFirst().gradient()
                    .dup().toDoubleVector();
            gradients.clear();
            // DL4J's Adam: bias correction at iteration + 1
            double alpha = lr * Math.sqrt(1 - Math.pow(0.999, it + 1)) / (1 - Math.pow(0.9, it + 1));
            for (int i = 0; i < params.length; i++) {
                double gi = g[i] / rows;
                m[i] = 0.9 * m[i] + 0.1 * gi;
                v[i] = 0.999 * v[i] + 0.001 * gi * gi;
                params[i] -= alpha * m[i] / (Math.sqrt(v[i]) + 1e-8);
            }
            stack.backpropAndUpdate(error, it);
        }
        INDArray expected = Nd4j.create(params, new long[] {1, params.length}).castTo(DataType.FLOAT);
        assertTrue(maxAbsDiff(expected, bound.params()) < 1e-5,
                "parameters apart from Adam's by " + maxAbsDiff(expected, bound.params()));
    }

    /**
     * Subnormal first moments (a dead unit's: m decays by 0.9 a step, v by 0.999) are set to zero at a
     * flush step, and no parameter notices. Both sides are DenseStack in its fast layout, so they run
     * the same kernels: one holds subnormal moments at the flush step, the other zeros in their place;
     * the steps must then be the same to the bit and leave the same state.
     *
     * <p>This test once compared DenseStack with DL4J's fit after planting 3e-39 in every 7th value of
     * the whole state, second moments included, and on AMD Zen the parameters ended 0.39 apart. That
     * was not the flush: a subnormal v under a normal m (a state Adam never reaches) makes the step
     * m / (sqrt(v) + eps) about 30 m / |g|, steps of 0.05 to 104 at a learning rate of 0.01, and
     * 1 / |g| turns the two engines' last-bit differences in a small gradient into 0.4% of a 104
     * step. With DL4J's layout on both sides the same test gives 0.
     */
    @Test
    void flushesSubnormalAdamStateWithoutChangingTheStep() {
        MultiLayerNetwork subnormal = discriminator(6);
        MultiLayerNetwork zeroed = discriminator(6);
        DenseStack withSubnormals = new DenseStack(subnormal);
        DenseStack withZeros = new DenseStack(zeroed);
        Nd4j.getRandom().setSeed(13);
        INDArray x = Nd4j.rand(DataType.FLOAT, 32, 2).subi(0.5);
        INDArray y = softTargets(32, 1);
        for (int i = 0; i < DenseStack.FLUSH_EVERY; i++) { // the next step is a flush step
            withSubnormals.fit(x, y);
            withZeros.fit(x, y);
        }
        assertEquals(0.0, maxAbsDiff(subnormal.params(), zeroed.params()), "one engine, one data: the same steps");
        INDArray subnormalState = subnormal.getUpdater().getStateViewArray();
        INDArray zeroedState = zeroed.getUpdater().getStateViewArray();
        long firstMoments = subnormal.numParams(); // Adam's state view: all m, then all v
        for (long i = 0; i < firstMoments; i += 7) { // every 7th first moment subnormal, or zero
            subnormalState.putScalar(i, 3e-39);
            zeroedState.putScalar(i, 0.0);
        }
        assertTrue(countSubnormal(subnormalState) > 0, "the planted moments must be subnormal floats");
        withSubnormals.fit(x, y);
        withZeros.fit(x, y);
        assertEquals(0, countSubnormal(subnormalState), "subnormal moments left in Adam's state");
        assertEquals(zeroed.params(), subnormal.params(), "the flushed moments changed a parameter");
        assertEquals(zeroedState, subnormalState, "the flushed state is not the zeroed one");
        for (int i = 0; i < 3; i++) {
            withSubnormals.fit(x, y);
            withZeros.fit(x, y);
        }
        assertEquals(zeroed.params(), subnormal.params(), "the steps after the flush differ");
    }

    private static long countSubnormal(INDArray values) {
        INDArray abs = org.nd4j.linalg.ops.transforms.Transforms.abs(values, true);
        return abs.gt(0).castTo(DataType.FLOAT).mul(abs.lt(Float.MIN_NORMAL).castTo(DataType.FLOAT)).sumNumber().longValue();
    }

    /**
     * The fast layout against DL4J's own output, untrained and after 30 steps of its own fit: every
     * output within twice the float32 error bound of the same forward pass. Per layer, z = x W + b
     * computed in float with any summation order lies within gamma(K + 1) (|x| |W| + |b|) of the exact
     * value, plus |W| applied to its input's error (gamma(n) = n u / (1 - n u), u = 2^-24, K inputs:
     * Higham, Accuracy and Stability, 3.1); a ReLU does not grow an error. Two implementations are
     * each within that bound, so within twice it of each other; the output activation's slope is at
     * most 1/4 (sigmoid) or 1/2 (softmax, per output), and its own rounding adds a few ulps (8 u).
     */
    @Test
    void fastLayoutIsDl4jWithinFloatRounding() {
        for (MultiLayerNetwork net : List.of(discriminator(7), classifier(7))) {
            int inputs = (int) net.layerInputSize(0);
            int classes = (int) net.layerSize(net.getnLayers() - 1);
            DenseStack stack = new DenseStack(net);
            Nd4j.getRandom().setSeed(14);
            INDArray probe = Nd4j.rand(DataType.FLOAT, 64, inputs).subi(0.5);
            assertWithinForwardBound(net, stack, probe);
            INDArray before = net.params().dup();
            for (int step = 0; step < 30; step++) {
                stack.fit(Nd4j.rand(DataType.FLOAT, 32, inputs).subi(0.5), softTargets(32, classes));
            }
            assertTrue(maxAbsDiff(net.params(), before) > 1e-3, "training did not move the parameters");
            assertWithinForwardBound(net, stack, probe);
        }
    }

    private static void assertWithinForwardBound(MultiLayerNetwork net, DenseStack stack, INDArray x) {
        double u = Math.ulp(1.0f) / 2;
        double[][] a = x.toDoubleMatrix();
        double[][] error = new double[a.length][a[0].length]; // the input is exact
        for (int l = 0; l < net.getnLayers(); l++) {
            double[][] w = net.getLayer(l).getParam("W").toDoubleMatrix();
            double[] b = net.getLayer(l).getParam("b").toDoubleVector();
            int k = w.length;
            double gamma = (k + 1) * u / (1 - (k + 1) * u);
            boolean last = l == net.getnLayers() - 1;
            double[][] z = new double[a.length][b.length];
            double[][] zError = new double[a.length][b.length];
            for (int r = 0; r < a.length; r++) {
                for (int c = 0; c < b.length; c++) {
                    double sum = b[c];
                    double magnitude = Math.abs(b[c]);
                    double propagated = 0;
                    for (int i = 0; i < k; i++) {
                        sum += a[r][i] * w[i][c];
                        magnitude += Math.abs(a[r][i] * w[i][c]);
                        propagated += error[r][i] * Math.abs(w[i][c]);
                    }
                    z[r][c] = last ? sum : Math.max(0, sum);
                    zError[r][c] = gamma * magnitude + propagated;
                }
            }
            a = z;
            error = zError;
        }
        double slope = a[0].length == 1 ? 0.25 : 0.5;
        INDArray expected = net.output(x);
        INDArray got = stack.output(x);
        for (int r = 0; r < a.length; r++) {
            double worst = 0;
            for (double e : error[r]) {
                worst = Math.max(worst, e);
            }
            for (int c = 0; c < a[r].length; c++) {
                double p = expected.getDouble(r, c);
                double bound = slope * 2 * worst + 8 * u * Math.abs(p);
                assertTrue(Math.abs(got.getDouble(r, c) - p) <= bound,
                        "output " + r + "," + c + ": " + got.getDouble(r, c) + " vs DL4J's " + p + ", bound " + bound);
            }
        }
    }

    @Test
    void refusesLayersItDoesNotImplementAndSaysWhich() {
        MultiLayerNetwork tanh = net(2, new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nOut(1)
                .activation(Activation.SIGMOID).build(), Activation.TANH, 0, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DenseStack(tanh));
        assertTrue(e.getMessage().contains("layer 0") && e.getMessage().toLowerCase().contains("tanh"), e.getMessage());
        MultiLayerNetwork gaussian = net(2, new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nOut(1)
                .activation(Activation.SIGMOID).dropOut(new GaussianDropout(0.5)).build(), Activation.RELU, 0, 1);
        e = assertThrows(IllegalArgumentException.class, () -> new DenseStack(gaussian));
        assertTrue(e.getMessage().contains("layer 2") && e.getMessage().contains("dropout"), e.getMessage());
        MultiLayerNetwork reluLast = net(2, new DenseLayer.Builder().nOut(2).activation(Activation.RELU).build(),
                Activation.RELU, 0, 1);
        e = assertThrows(IllegalArgumentException.class, () -> new DenseStack(reluLast));
        assertTrue(e.getMessage().contains("layer 2") && e.getMessage().contains("linear"), e.getMessage());
    }
}
