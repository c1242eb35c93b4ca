package org.mixupsuite.core.train;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
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
     * A ReLU MLP with softmax output and cross-entropy loss (which accepts mixup's soft targets).
     *
     * @param dropProbability probability of dropping a hidden unit (0 = no dropout); DL4J's own
     *                        dropOut() takes the probability of KEEPING a unit, hence the conversion
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
            if (dropProbability > 0) {
                layer.dropOut(1.0 - dropProbability);
            }
            b.layer(i, layer.build());
            in = hidden[i];
        }
        b.layer(hidden.length, new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nIn(in).nOut(classes).activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build());
        MultiLayerConfiguration conf = b.build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
