package org.mixupsuite.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.mixupsuite.core.train.Network;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class JavaReluBackpropTest {

    private static final JavaReluBackprop JAVA = new JavaReluBackprop();

    private static final float[] SPECIAL = {-0.0f, 0.0f, Float.NaN, -1f, 1f, Float.NEGATIVE_INFINITY,
            Float.POSITIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE, Float.intBitsToFloat(0xffc00001)};

    /** A batch of feature maps, every pair of special input and special error among them. */
    private static INDArray[] inputAndError() {
        Nd4j.getRandom().setSeed(4);
        INDArray in = Nd4j.randn(DataType.FLOAT, 8, 4, 10, 12);
        INDArray eps = Nd4j.randn(DataType.FLOAT, 8, 4, 10, 12);
        int k = 0;
        for (float x : SPECIAL) {
            for (float e : SPECIAL) {
                in.data().put(k, x);
                eps.data().put(k, e);
                k++;
            }
        }
        return new INDArray[] {in, eps};
    }

    @Test
    void backpropIsReluBpToTheBit() {
        INDArray[] ie = inputAndError();
        int[] expected = DenseKernelsTest.bits(new ActivationReLU().backprop(ie[0].dup(), ie[1]).getFirst());
        INDArray copy = ie[0].dup();
        INDArray actual = JAVA.backprop(copy, ie[1]).getFirst();
        assertSame(copy, actual, "written into the copy the layer hands over");
        assertArrayEquals(expected, DenseKernelsTest.bits(actual));
        // an error of another layout goes through ND4J's op, with the same numbers
        assertArrayEquals(expected, DenseKernelsTest.bits(JAVA.backprop(ie[0].dup(), ie[1].dup('f')).getFirst()));
    }

    /** The masks against the comparisons they stand for, on every boundary and a spread of other bit patterns. */
    @Test
    void masksAgreeWithFloatComparisons() {
        Random random = new Random(5);
        int[] edges = {0, 1, 0x7f7fffff, 0x7f800000, 0x7f800001, 0x7fffffff, 0x80000000, 0x80000001, 0xff7fffff,
                0xff800000, 0xff800001, 0xffffffff, Float.floatToRawIntBits(1f), Float.floatToRawIntBits(-1f)};
        for (int i = 0; i < 2_000_000 + edges.length; i++) {
            int b = i < edges.length ? edges[i] : random.nextInt();
            float v = Float.intBitsToFloat(b);
            assertEquals(v > 0f ? -1 : 0, DenseKernels.positiveMask(b), () -> Integer.toHexString(b));
            assertEquals(v < 0f ? -1 : 0, DenseKernels.negativeMask(b), () -> Integer.toHexString(b));
        }
    }

    private static MultiLayerNetwork net() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(3).weightInit(WeightInit.RELU).updater(new Adam(1e-2)).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(6).hasBias(false).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())
                .layer(new ActivationLayer.Builder().activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(4).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(9, 8, 1))
                .build());
        net.init();
        return net;
    }

    @Test
    void fitWithItIsTheSameBitsAndASavedNetworkNamesDl4jsRelu() {
        MultiLayerNetwork plain = net();
        MultiLayerNetwork swapped = net();
        List<JavaReluBackprop.Swap> swaps = JavaReluBackprop.install(swapped.getLayers());
        assertEquals(1, swaps.size(), "the plain ReLU layer, not the tanh one");
        FastNetwork a = new FastNetwork(new Network.Layered(plain), null, null, List.of(), List.of(), List.of());
        FastNetwork b = new FastNetwork(new Network.Layered(swapped), null, null, List.of(), swaps, List.of());
        Nd4j.getRandom().setSeed(6);
        INDArray x = Nd4j.randn(DataType.FLOAT, 10, 72);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 10, 4);
        for (int i = 0; i < 10; i++) {
            y.putScalar(i, i % 4, 1.0);
        }
        for (int step = 0; step < 3; step++) {
            assertEquals(a.fit(x, y), b.fit(x, y), 0.0, "loss at step " + step);
            assertArrayEquals(plain.params().data().asFloat(), swapped.params().data().asFloat(), "step " + step);
        }
        assertSame(ActivationReLU.class, ((ActivationLayer) swapped.getLayer(2).conf().getLayer()).getActivationFn().getClass());
    }
}
