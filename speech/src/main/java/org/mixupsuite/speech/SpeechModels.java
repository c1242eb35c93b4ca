package org.mixupsuite.speech;

import java.util.List;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.SpatialDropout;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * The paper's two models for spoken keywords, as in the authors' Speech Commands setup: LeNet (two
 * 5x5 convolutions of 20 channels with max pooling, a 1,000-unit layer, dropout) and VGG-11 (eight
 * 3x3 convolutions in the 64-128-256-256-512-512-512-512 pattern, each followed by batch norm and a
 * ReLU, five max-pools, then a 512-unit and the output layer). {@code widthDivisor} narrows every
 * layer of both models alike for the quick scale (convolution channels and hidden units divided by
 * it, rounded up), so that the two keep the paper's shapes relative to each other.
 * Both train with Adam on softmax cross-entropy, which accepts mixup's soft targets.
 */
public final class SpeechModels {

    public static final List<String> NAMES = List.of("lenet", "vgg11");
    /** The paper-scale widths: VGG-11's convolutions (0 = a max-pool) and hidden units, LeNet's channels and hidden units. */
    static final int[] VGG11 = {64, 0, 128, 0, 256, 256, 0, 512, 512, 0, 512, 512, 0};
    static final int VGG11_HIDDEN = 512;
    static final int LENET_CHANNELS = 20;
    static final int LENET_HIDDEN = 1000;

    private SpeechModels() {
    }

    public static String label(String model) {
        return switch (model) {
            case "lenet" -> "LeNet";
            case "vgg11" -> "VGG-11";
            default -> model;
        };
    }

    /** @param dropout LeNet's dropout probability (VGG-11 relies on batch norm instead) */
    public static MultiLayerNetwork build(String model, int height, int width, int classes, int widthDivisor,
                                          double dropout, double learningRate, long seed) {
        return build(model, height, width, classes, widthDivisor, dropout, new Adam(learningRate), seed);
    }

    /** The same model trained with Adam on a learning-rate schedule (the study's step schedule). */
    public static MultiLayerNetwork build(String model, int height, int width, int classes, int widthDivisor,
                                          double dropout, ISchedule learningRate, long seed) {
        return build(model, height, width, classes, widthDivisor, dropout, new Adam(learningRate), seed);
    }

    private static MultiLayerNetwork build(String model, int height, int width, int classes, int widthDivisor,
                                           double dropout, Adam adam, long seed) {
        return switch (model) {
            case "lenet" -> lenet(height, width, classes, widthDivisor, dropout, adam, seed);
            case "vgg11" -> vgg11(height, width, classes, widthDivisor, adam, seed);
            default -> throw new IllegalArgumentException("unknown model " + model);
        };
    }

    /**
     * A layer's width at {@code divisor}: the paper's width divided by it, rounded up so that no layer
     * vanishes (LeNet's 20 channels become 3 at divisor 8; VGG-11's widths divide exactly).
     */
    static int scaledWidth(int paperWidth, int divisor) {
        return (paperWidth + divisor - 1) / divisor;
    }

    private static NeuralNetConfiguration.ListBuilder base(Adam adam, long seed) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .weightInit(WeightInit.RELU)
                .updater(adam)
                .convolutionMode(ConvolutionMode.Truncate)
                .list();
    }

    private static MultiLayerNetwork lenet(int height, int width, int classes, int div, double dropout, Adam adam,
                                           long seed) {
        int channels = scaledWidth(LENET_CHANNELS, div);
        OutputLayer.Builder out = output(classes);
        NeuralNetConfiguration.ListBuilder b = base(adam, seed)
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(channels).activation(Activation.RELU).build())
                .layer(pool())
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(channels).activation(Activation.RELU).build())
                .layer(pool());
        if (dropout > 0) {
            // DL4J's dropout takes the probability of KEEPING a unit and acts on a layer's input: whole
            // pooled maps of the second convolution (PyTorch's Dropout2d), then the dense layer's units.
            // The maps' dropout is a layer of its own: a SubsamplingLayer ignores dropout set on it
            b.layer(new DropoutLayer.Builder(new SpatialDropout(1 - dropout)).build());
            out.dropOut(1 - dropout);
        }
        b.layer(new DenseLayer.Builder().nOut(scaledWidth(LENET_HIDDEN, div)).activation(Activation.RELU).build());
        b.layer(out.build());
        return init(b, height, width);
    }

    private static MultiLayerNetwork vgg11(int height, int width, int classes, int div, Adam adam, long seed) {
        NeuralNetConfiguration.ListBuilder b = base(adam, seed);
        for (int channels : VGG11) {
            if (channels == 0) {
                b.layer(pool());
            } else {
                b.layer(new ConvolutionLayer.Builder(3, 3).padding(1, 1).nOut(scaledWidth(channels, div))
                        .activation(Activation.IDENTITY).hasBias(false).build());
                // DL4J's BatchNormalization layer never applies its configured activation, so the ReLU
                // is a layer of its own (with .activation(RELU) on the batch norm, VGG-11 had none)
                b.layer(new BatchNormalization.Builder().build());
                b.layer(new ActivationLayer.Builder().activation(Activation.RELU).build());
            }
        }
        b.layer(new DenseLayer.Builder().nOut(scaledWidth(VGG11_HIDDEN, div)).activation(Activation.RELU).build());
        b.layer(output(classes).build());
        return init(b, height, width);
    }

    private static SubsamplingLayer pool() {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build();
    }

    private static OutputLayer.Builder output(int classes) {
        return new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes)
                .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER);
    }

    private static MultiLayerNetwork init(NeuralNetConfiguration.ListBuilder b, int height, int width) {
        b.setInputType(InputType.convolutionalFlat(height, width, 1));
        MultiLayerNetwork net = new MultiLayerNetwork(b.build());
        net.init();
        return net;
    }
}
