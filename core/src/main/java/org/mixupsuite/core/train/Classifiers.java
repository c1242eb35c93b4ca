package org.mixupsuite.core.train;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Small classifiers that several studies share. Study-specific architectures live in their study. */
public final class Classifiers {

    private Classifiers() {
    }

    /**
     * LeNet as the benchmarks use it: conv 5x5x20, max-pool 2, conv 5x5x50, max-pool 2, dense 500,
     * softmax; Adam. Takes flat rows of (channels, height, width) images.
     */
    public static MultiLayerNetwork lenet(int channels, int height, int width, int classes, double learningRate,
                                          long seed) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .weightInit(WeightInit.RELU)
                .updater(new Adam(learningRate))
                .list()
                .layer(new ConvolutionLayer.Builder(5, 5).nIn(channels).nOut(20).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(50).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(500).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes)
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build())
                .setInputType(InputType.convolutionalFlat(height, width, channels))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /**
     * A ReLU MLP with softmax output and cross-entropy loss (which accepts mixup's soft targets).
     *
     * @param dropProbability probability of dropping a hidden unit (0 = no dropout). DL4J applies a
     *                        layer's dropOut() to that layer's INPUT and takes the probability of
     *                        KEEPING a unit, so it is set on every layer after the first (whose
     *                        inputs are the hidden units) and never on the first (whose inputs are pixels)
     */
    public static MultiLayerNetwork mlp(int inputs, int[] hidden, int classes, double dropProbability,
                                        double learningRate, long seed) {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .weightInit(WeightInit.RELU)
                .updater(new Adam(learningRate))
                .list();
        int in = inputs;
        for (int i = 0; i < hidden.length; i++) {
            DenseLayer.Builder layer = new DenseLayer.Builder().nIn(in).nOut(hidden[i]).activation(Activation.RELU);
            if (dropProbability > 0 && i > 0) {
                layer.dropOut(1.0 - dropProbability);
            }
            b.layer(i, layer.build());
            in = hidden[i];
        }
        OutputLayer.Builder output = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nIn(in).nOut(classes).activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER);
        if (dropProbability > 0 && hidden.length > 0) {
            output.dropOut(1.0 - dropProbability);
        }
        b.layer(hidden.length, output.build());
        MultiLayerConfiguration conf = b.build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
