package org.mixupsuite.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.mixupsuite.core.train.Network;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Reusing the forward pass in backprop changes no bit of training, for identity and ReLU convolutions. */
class ReusedConvolutionForwardTest {

    /** LeNet's kind (ReLU in the convolution) and VGG's kind (identity, batch norm, ReLU layer). */
    private static MultiLayerNetwork net() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(21).weightInit(WeightInit.RELU).updater(new Adam(1e-2)).convolutionMode(ConvolutionMode.Truncate)
                .list()
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(6).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).padding(1, 1).nOut(8).hasBias(false)
                        .activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(8).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(5).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(16, 14, 1))
                .build());
        net.init();
        return net;
    }

    @Test
    void trainingWithTheReuseIsTheSameBitsAsWithout() {
        FastNetwork reusing = FastNetwork.of(net());
        MultiLayerNetwork plain = net();
        JavaBatchNorm.install(plain.getLayers());
        JavaMaxPoolingBackprop.install(plain.getLayers());
        FastNetwork recomputing = new FastNetwork(new Network.Layered(plain), null, FirstConvolution.install(plain).orElseThrow(),
                List.of(), List.of(), List.of());
        assertEquals(3, reusing.reusedForwards().size(), "every convolution, ReLU or identity, is wrapped");

        Nd4j.getRandom().setSeed(8);
        INDArray x = Nd4j.randn(DataType.FLOAT, 12, 16 * 14);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 12, 5);
        for (int i = 0; i < 12; i++) {
            y.putScalar(i, i % 5, 1.0);
        }
        // the same feature array each step, as a reused batch buffer would be: the weights change between steps
        for (int step = 0; step < 3; step++) {
            assertEquals(recomputing.fit(x, y), reusing.fit(x, y), 0.0, "loss at step " + step);
            assertArrayEquals(recomputing.dl4j().net().params().data().asFloat(), reusing.dl4j().net().params().data().asFloat(),
                    "parameters after step " + step);
        }
        long reused = reusing.reusedForwards().stream().mapToLong(ReusedConvolutionForward::reused).sum();
        assertEquals(3 * 3, reused, "each convolution's forward pass reused once a step");
        // outside fit nothing is reused: an attack's input gradient is computed afresh
        assertArrayEquals(recomputing.inputGradient(x, y).data().asFloat(), reusing.inputGradient(x, y).data().asFloat());
        assertEquals(reused, reusing.reusedForwards().stream().mapToLong(ReusedConvolutionForward::reused).sum());
    }
}
