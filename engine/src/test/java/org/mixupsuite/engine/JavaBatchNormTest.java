package org.mixupsuite.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mixupsuite.engine.OneDnnHelpersTest.assertClose;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** {@link JavaBatchNorm} against DL4J's own batch-norm layer (helpers off): outputs, gradients, running statistics. */
class JavaBatchNormTest {

    /** Two VGG-style blocks (convolution, batch norm, ReLU), one with odd-sized planes, then pooling. */
    private static MultiLayerNetwork blocks(boolean helpers) {
        return OneDnnHelpersTest.withHelpers(helpers, () -> {
            MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                    .seed(3).weightInit(WeightInit.RELU).updater(new Adam(1e-2)).convolutionMode(ConvolutionMode.Truncate)
                    .list()
                    .layer(new ConvolutionLayer.Builder(3, 3).padding(1, 1).nOut(6).hasBias(false)
                            .activation(Activation.IDENTITY).build())
                    .layer(new BatchNormalization.Builder().build())
                    .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())
                    .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                    .layer(new ConvolutionLayer.Builder(3, 3).padding(1, 1).nOut(8).hasBias(false)
                            .activation(Activation.IDENTITY).build())
                    .layer(new BatchNormalization.Builder().build())
                    .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())
                    .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(5).activation(Activation.SOFTMAX).build())
                    .setInputType(InputType.convolutionalFlat(14, 10, 1))
                    .build());
            net.init();
            return net;
        });
    }

    private static INDArray inputs(int rows, long seed) {
        Nd4j.getRandom().setSeed(seed);
        // an offset and a scale per example, so the batch statistics are far from 0 and 1
        return Nd4j.randn(DataType.FLOAT, rows, 14 * 10).muli(3).addi(2);
    }

    private static INDArray targets(int rows) {
        INDArray y = Nd4j.zeros(DataType.FLOAT, rows, 5);
        for (int i = 0; i < rows; i++) {
            y.putScalar(i, (i * 3) % 5, 1.0);
        }
        return y;
    }

    @Test
    void outputsAndGradientsAreDl4jsOwnLayers() {
        MultiLayerNetwork reference = blocks(false);
        MultiLayerNetwork java = blocks(true);
        assertEquals(reference.params(), java.params(), "the same seed, the same start");
        assertEquals(2, JavaBatchNorm.install(java.getLayers()));
        assertInstanceOf(JavaBatchNorm.class, java.getLayer(1).getHelper());
        assertInstanceOf(JavaBatchNorm.class, java.getLayer(5).getHelper());

        INDArray x = inputs(12, 1);
        INDArray y = targets(12);
        assertClose(reference.output(x, true), java.output(x, true), "training-mode outputs (batch statistics)");
        assertClose(reference.output(x, false), java.output(x, false), "inference outputs (running statistics)");

        reference.setInput(x);
        reference.setLabels(y);
        reference.computeGradientAndScore();
        java.setInput(x);
        java.setLabels(y);
        java.computeGradientAndScore();
        assertEquals(reference.score(), java.score(), 1e-5, "loss");
        for (String name : new String[] {BatchNormalizationParamInitializer.GAMMA, BatchNormalizationParamInitializer.BETA}) {
            INDArray g = java.gradient().getGradientFor("1_" + name);
            assertTrue(g.norm2Number().doubleValue() > 1e-6, name + " has a gradient");
            assertClose(reference.gradient().getGradientFor("1_" + name), g, "first batch norm's " + name + " gradient");
        }
        // every parameter: the convolution below a batch norm gets its gradient through the input gradient
        assertClose(reference.gradient().gradient(), java.gradient().gradient(), "all parameter gradients");
        assertClose(reference.calculateGradients(x, y, null, null).getSecond(),
                java.calculateGradients(x, y, null, null).getSecond(), "the network's input gradient");
    }

    @Test
    void trainingMovesTheRunningStatisticsAsDl4jDoes() {
        MultiLayerNetwork reference = blocks(false);
        FastNetwork java = FastNetwork.of(blocks(true));
        assertInstanceOf(JavaBatchNorm.class, java.dl4j().net().getLayer(5).getHelper());
        INDArray startMean = java.dl4j().net().getLayer(1).getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN).dup();
        INDArray x = inputs(12, 2);
        INDArray y = targets(12);
        INDArray fewer = x.get(NDArrayIndex.interval(0, 7), NDArrayIndex.all()).dup();
        INDArray fewerTargets = y.get(NDArrayIndex.interval(0, 7), NDArrayIndex.all()).dup();
        INDArray other = inputs(9, 3);
        for (int step = 0; step < 5; step++) {
            boolean small = step == 2;
            reference.fit(small ? fewer : x, small ? fewerTargets : y);
            java.fit(small ? fewer : x, small ? fewerTargets : y);
            // evaluation between steps, as the training loop does, must not disturb the next step
            assertClose(reference.output(other, false), java.output(other), "inference after step " + step);
            assertClose(reference.params(), java.dl4j().net().params(), "parameters after step " + step);
        }
        INDArray mean = java.dl4j().net().getLayer(1).getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN);
        assertTrue(mean.sub(startMean).norm2Number().doubleValue() > 0.1, "the running mean moved: " + mean);
    }
}
