package org.mixupsuite.gan;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The paper's networks: MLPs with ReLU hidden layers (three of 512 units at paper scale), Adam with
 * its default settings. The generator maps a latent vector to a 2-D point; the discriminator ends in
 * one logit, trained with binary cross-entropy through a sigmoid (which accepts mixup's soft targets).
 */
public final class GanNetworks {

    private GanNetworks() {
    }

    /** Ends in a plain linear layer, not an output layer: G has no loss of its own, only D's gradient. */
    public static MultiLayerNetwork generator(int latent, int hidden, int layers, long seed) {
        return mlp(latent, hidden, layers, new DenseLayer.Builder().nOut(2).activation(Activation.IDENTITY).build(), seed);
    }

    public static MultiLayerNetwork discriminator(int hidden, int layers, long seed) {
        return mlp(2, hidden, layers, new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nOut(1)
                .activation(Activation.SIGMOID).build(), seed);
    }

    private static MultiLayerNetwork mlp(int inputs, int hidden, int layers, FeedForwardLayer out, long seed) {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .weightInit(WeightInit.RELU)
                .updater(new Adam())
                .list();
        int in = inputs;
        for (int i = 0; i < layers; i++) {
            b.layer(new DenseLayer.Builder().nIn(in).nOut(hidden).activation(Activation.RELU).build());
            in = hidden;
        }
        out.setNIn(in);
        b.layer(out);
        MultiLayerNetwork net = new MultiLayerNetwork(b.build());
        net.init();
        return net;
    }
}
