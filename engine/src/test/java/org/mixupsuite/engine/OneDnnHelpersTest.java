package org.mixupsuite.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.bytedeco.javacpp.Loader;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNSubsamplingHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The suite runs its CNNs on DL4J's oneDNN helpers (see org.nd4j.nativeblas.Nd4jCpu). These tests
 * check that the helpers really engage under the test configuration, the launcher's settings, and
 * that they compute what DL4J's built-in layers compute: the same outputs and the same gradients.
 */
class OneDnnHelpersTest {

    private static final String HELPERS_DISABLE = "org.eclipse.deeplearning4j.helpers.disable";

    /** The layer kinds the speech models use: a 5x5 convolution, max pooling, a padded 3x3 one, batch norm. */
    static MultiLayerNetwork cnn() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(7).weightInit(WeightInit.RELU).updater(new Sgd(0.1)).convolutionMode(ConvolutionMode.Truncate)
                .list()
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(6).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).padding(1, 1).nOut(8).hasBias(false)
                        .activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(5).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(16, 14, 1))
                .build());
        net.init();
        return net;
    }

    private static MultiLayerNetwork withHelpers(boolean on) {
        return withHelpers(on, OneDnnHelpersTest::cnn);
    }

    /** A network built with DL4J's helpers on or off (they are chosen when a layer is made). */
    static MultiLayerNetwork withHelpers(boolean on, Supplier<MultiLayerNetwork> build) {
        String before = System.getProperty(HELPERS_DISABLE);
        System.setProperty(HELPERS_DISABLE, String.valueOf(!on));
        try {
            return build.get();
        } finally {
            if (before == null) {
                System.clearProperty(HELPERS_DISABLE);
            } else {
                System.setProperty(HELPERS_DISABLE, before);
            }
        }
    }

    @Test
    void helpersAreOnUnderTheSuitesJvmSettings() {
        assertEquals("false", System.getProperty(HELPERS_DISABLE), "the test JVM should run as the launcher does");
        Nd4j.create(1); // loads the natives
        assertTrue(Loader.getLoadedLibraries().values().stream().anyMatch(p -> p.contains("linux-x86_64-onednn")),
                "libnd4j should be the oneDNN build, loaded: " + Loader.getLoadedLibraries().values());
        MultiLayerNetwork net = cnn();
        assertInstanceOf(MKLDNNConvHelper.class, net.getLayer(0).getHelper());
        assertInstanceOf(MKLDNNSubsamplingHelper.class, net.getLayer(1).getHelper());
        assertInstanceOf(MKLDNNConvHelper.class, net.getLayer(2).getHelper());
        assertInstanceOf(MKLDNNBatchNormHelper.class, net.getLayer(3).getHelper());
        assertNull(withHelpers(false).getLayer(0).getHelper());
    }

    @Test
    void helpersComputeTheSameOutputsAndGradientsAsDl4jsOwnLayers() {
        MultiLayerNetwork fast = withHelpers(true);
        MultiLayerNetwork plain = withHelpers(false);
        plain.setParams(fast.params().dup());
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.randn(DataType.FLOAT, 12, 16 * 14);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 12, 5);
        for (int i = 0; i < 12; i++) {
            y.putScalar(i, i % 5, 1.0);
        }
        assertClose(plain.output(x, false), fast.output(x, false), "inference outputs");
        assertClose(plain.output(x, true), fast.output(x, true), "training-mode outputs (batch statistics)");

        fast.setInput(x);
        fast.setLabels(y);
        fast.computeGradientAndScore();
        plain.setInput(x);
        plain.setLabels(y);
        plain.computeGradientAndScore();
        assertEquals(plain.score(), fast.score(), 1e-4, "loss");
        assertClose(plain.gradient().gradient(), fast.gradient().gradient(), "parameter gradients");
        assertTrue(fast.gradient().gradient().norm2Number().doubleValue() > 0, "a real gradient, not zeros");

        // one update apiece keeps them together too
        fast.fit(x, y);
        plain.fit(x, y);
        assertClose(plain.params(), fast.params(), "parameters after a step");
    }

    static void assertClose(INDArray expected, INDArray actual, String what) {
        double scale = Math.max(1e-3, expected.norm2Number().doubleValue());
        double diff = expected.sub(actual).norm2Number().doubleValue();
        assertTrue(diff / scale < 1e-4, what + ": relative difference " + diff / scale);
    }
}
