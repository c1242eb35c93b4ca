package org.mixupsuite.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.mixupsuite.engine.OneDnnHelpersTest.assertClose;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** {@link JavaMaxPoolingBackprop} against oneDNN's helper and DL4J's own layer. */
class JavaMaxPoolingBackpropTest {

    /** A convolution without activation (no ties in the pooled maps), a max pooling, then a classifier. */
    private static MultiLayerNetwork pooled(boolean helpers, int kernel, int stride) {
        return OneDnnHelpersTest.withHelpers(helpers, () -> {
            MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                    .seed(9).weightInit(WeightInit.RELU).updater(new Sgd(0.1)).convolutionMode(ConvolutionMode.Truncate)
                    .list()
                    .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.IDENTITY).build())
                    .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                            .kernelSize(kernel, kernel).stride(stride, stride).build())
                    .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build())
                    // 13 x 11 maps after the convolution: odd sizes, so a last row and column are left out
                    .setInputType(InputType.convolutionalFlat(15, 13, 1))
                    .build());
            net.init();
            return net;
        });
    }

    private static float[] gradient(MultiLayerNetwork net, INDArray x, INDArray y) {
        net.setInput(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        return net.gradient().gradient().dup().data().asFloat();
    }

    private static INDArray targets(int rows) {
        INDArray y = Nd4j.zeros(DataType.FLOAT, rows, 3);
        for (int i = 0; i < rows; i++) {
            y.putScalar(i, i % 3, 1.0);
        }
        return y;
    }

    @Test
    void theGradientIsOneDnnsToTheBit() {
        Nd4j.getRandom().setSeed(4);
        INDArray x = Nd4j.randn(DataType.FLOAT, 10, 15 * 13);
        INDArray y = targets(10);
        MultiLayerNetwork oneDnn = pooled(true, 2, 2);
        MultiLayerNetwork java = pooled(true, 2, 2);
        assertEquals(1, JavaMaxPoolingBackprop.install(java.getLayers()));
        assertInstanceOf(JavaMaxPoolingBackprop.class, java.getLayer(1).getHelper());
        float[] expected = gradient(oneDnn, x, y);
        assertArrayEquals(expected, gradient(java, x, y), "every parameter's gradient, the convolution's through the pooling");
        assertArrayEquals(oneDnn.calculateGradients(x, y, null, null).getSecond().data().asFloat(),
                java.calculateGradients(x, y, null, null).getSecond().data().asFloat(), "the input gradient");
    }

    @Test
    void overlappingWindowsAddTheirGradientsAsDl4jDoes() {
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.randn(DataType.FLOAT, 6, 15 * 13);
        INDArray y = targets(6);
        MultiLayerNetwork plain = pooled(false, 3, 2);
        MultiLayerNetwork java = pooled(true, 3, 2);
        assertEquals(1, JavaMaxPoolingBackprop.install(java.getLayers()));
        assertClose(plain.calculateGradients(x, y, null, null).getSecond(),
                java.calculateGradients(x, y, null, null).getSecond(), "input gradient with 3x3 windows at stride 2");
        assertClose(Nd4j.createFromArray(gradient(plain, x, y)), Nd4j.createFromArray(gradient(java, x, y)),
                "parameter gradients with 3x3 windows at stride 2");
    }
}
