package org.mixupsuite.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mixupsuite.engine.OneDnnHelpersTest.assertClose;
import static org.mixupsuite.engine.OneDnnHelpersTest.cnn;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class FirstConvolutionTest {

    private static final int ROWS = 12;

    private static INDArray inputs() {
        Nd4j.getRandom().setSeed(11);
        return Nd4j.randn(DataType.FLOAT, ROWS, 16 * 14);
    }

    private static INDArray targets() {
        INDArray y = Nd4j.zeros(DataType.FLOAT, ROWS, 5);
        for (int i = 0; i < ROWS; i++) {
            y.putScalar(i, i % 5, 1.0);
        }
        return y;
    }

    private static INDArray gradient(MultiLayerNetwork net, INDArray x, INDArray y) {
        net.setInput(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        return net.gradient().gradient().dup();
    }

    @Test
    void skippingTheInputGradientKeepsEveryParameterGradient() {
        INDArray x = inputs();
        INDArray y = targets();
        MultiLayerNetwork reference = cnn();
        MultiLayerNetwork skipping = cnn();
        assertEquals(reference.params(), skipping.params(), "the same seed, the same start");
        FirstConvolution first = FirstConvolution.install(skipping).orElseThrow();
        assertInstanceOf(FirstConvolution.class, skipping.getLayer(0).getHelper());

        INDArray expected = gradient(reference, x, y);
        first.skipInputGradient(true);
        INDArray skipped = gradient(skipping, x, y);
        first.skipInputGradient(false);
        // the first layer's weights by im2col and one product, as DL4J's own layer: the same sums in another order
        assertClose(expected, skipped, "parameter gradients with the skip");
        INDArray firstWeights = skipping.gradient().getGradientFor("0_W");
        assertNotNull(firstWeights);
        assertTrue(firstWeights.norm2Number().doubleValue() > 0, "the first layer's weight gradient is made");
        assertClose(reference.gradient().getGradientFor("0_W"), firstWeights, "first layer's weight gradient");
        assertClose(reference.gradient().getGradientFor("0_b"), skipping.gradient().getGradientFor("0_b"),
                "first layer's bias gradient");

        // off, backprop is oneDNN's again: the same bits, input gradient included
        assertArrayEquals(expected.data().asFloat(), gradient(skipping, x, y).data().asFloat(),
                "without the skip, the helper's own gradients");
        assertArrayEquals(reference.calculateGradients(x, y, null, null).getSecond().data().asFloat(),
                skipping.calculateGradients(x, y, null, null).getSecond().data().asFloat(), "input gradients");
    }

    @Test
    void networkFitSkipsItAndTrainsAsDl4jsFit() {
        INDArray x = inputs();
        INDArray y = targets();
        MultiLayerNetwork reference = cnn();
        FastNetwork net = FastNetwork.of(cnn());
        assertNotNull(net.firstConvolution(), "a first convolution is taken over");
        for (int step = 0; step < 3; step++) {
            reference.fit(x, y);
            net.fit(x, y);
        }
        assertClose(reference.params(), net.dl4j().net().params(), "parameters after three steps");
        // fit leaves the skip off: an attack's input gradient is the whole one
        INDArray inputGradient = net.inputGradient(x, y);
        assertTrue(inputGradient.norm2Number().doubleValue() > 0, "a real input gradient");
        assertClose(reference.calculateGradients(x, y, null, null).getSecond(), inputGradient, "input gradient after fit");
    }

    /** VGG-11's first layer: a padded 3x3 convolution without bias, then batch norm. */
    private static MultiLayerNetwork paddedFirstLayer() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(5).weightInit(WeightInit.RELU).updater(new Adam(1e-2)).convolutionMode(ConvolutionMode.Truncate)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).padding(1, 1).nOut(4).hasBias(false)
                        .activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(5).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(16, 14, 1))
                .build());
        net.init();
        return net;
    }

    @Test
    void paddingAndAChangingBatchSizeKeepTheSteps() {
        INDArray x = inputs();
        INDArray y = targets();
        INDArray fewer = x.get(NDArrayIndex.interval(0, 5), NDArrayIndex.all()).dup();
        INDArray fewerTargets = y.get(NDArrayIndex.interval(0, 5), NDArrayIndex.all()).dup();
        MultiLayerNetwork reference = paddedFirstLayer();
        FastNetwork net = FastNetwork.of(paddedFirstLayer());
        assertNotNull(net.firstConvolution());
        // full batches, a short last one, full again: the scratch arrays are made again when the shape changes
        for (int step = 0; step < 4; step++) {
            boolean small = step == 2;
            reference.fit(small ? fewer : x, small ? fewerTargets : y);
            net.fit(small ? fewer : x, small ? fewerTargets : y);
            assertClose(reference.params(), net.dl4j().net().params(), "parameters after step " + step);
        }
    }
}
