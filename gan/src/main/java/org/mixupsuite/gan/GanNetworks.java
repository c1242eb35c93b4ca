package org.mixupsuite.gan;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.apache.commons.math3.random.RandomGenerator;
import org.deeplearning4j.nn.weights.WeightInit;
import org.mixupsuite.core.Seeds;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The paper's networks: MLPs with ReLU hidden layers (three of 512 units at paper scale), Adam with
 * its default settings. The generator maps a latent vector to a 2-D point; the discriminator ends in
 * one logit, trained with binary cross-entropy through a sigmoid (which accepts mixup's soft targets).
 * Both start as {@link Initialization} says; every draw comes from {@code seed}.
 */
public final class GanNetworks {

    private GanNetworks() {
    }

    /** Ends in a plain linear layer, not an output layer: G has no loss of its own, only D's gradient. */
    public static MultiLayerNetwork generator(int latent, int hidden, int layers, Initialization init, long seed) {
        return mlp(latent, hidden, layers, new DenseLayer.Builder().nOut(2).activation(Activation.IDENTITY).build(),
                init, seed);
    }

    public static MultiLayerNetwork discriminator(int hidden, int layers, Initialization init, long seed) {
        return mlp(2, hidden, layers, new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nOut(1)
                .activation(Activation.SIGMOID).build(), init, seed);
    }

    /** With the presets' init, PyTorch's default (the benchmark builds its networks this way). */
    public static MultiLayerNetwork generator(int latent, int hidden, int layers, long seed) {
        return generator(latent, hidden, layers, Initialization.TORCH_DEFAULT, seed);
    }

    /** With the presets' init, PyTorch's default. */
    public static MultiLayerNetwork discriminator(int hidden, int layers, long seed) {
        return discriminator(hidden, layers, Initialization.TORCH_DEFAULT, seed);
    }

    private static MultiLayerNetwork mlp(int inputs, int hidden, int layers, FeedForwardLayer out, Initialization init,
                                         long seed) {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder()
                .seed(seed)
                // DL4J's UNIFORM is U(-1/sqrt(fan_in), 1/sqrt(fan_in)), PyTorch's nn.Linear weight default
                .weightInit(init == Initialization.TORCH_DEFAULT ? WeightInit.UNIFORM : WeightInit.RELU)
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
        if (init == Initialization.TORCH_DEFAULT) {
            uniformBiases(net, Seeds.random(seed, "bias"));
        }
        return net;
    }

    /**
     * DL4J sets biases to one constant; PyTorch draws them like the weights, U(-1/sqrt(fan_in),
     * 1/sqrt(fan_in)). Written into the network's parameter views, so the flat parameters (and a
     * checkpoint) hold them.
     */
    private static void uniformBiases(MultiLayerNetwork net, RandomGenerator rng) {
        for (int i = 0; i < net.getnLayers(); i++) {
            long fanIn = ((FeedForwardLayer) net.getLayer(i).conf().getLayer()).getNIn();
            double bound = 1 / Math.sqrt(fanIn);
            INDArray bias = net.getLayer(i).getParam("b");
            for (long j = 0; j < bias.length(); j++) {
                bias.putScalar(j, bound * (2 * rng.nextDouble() - 1));
            }
        }
    }
}
