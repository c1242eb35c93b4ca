package org.mixupsuite.corruptlabels;

import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * The paper's model for this study: PreAct ResNet-18 (He et al., 2016, identity mappings), four
 * stages of two pre-activation basic blocks (64, 128, 256, 512 channels), SGD with Nesterov momentum
 * 0.9, learning rate 0.1 divided by 10 at epochs 100 and 150, weight decay 1e-4 as L2. Dropout, when
 * asked for, is placed as the paper's §3.4 places it: one layer in every block, after the ReLU
 * between the block's two convolutions.
 */
public final class PreActResNet18 {

    private static final int[] WIDTHS = {64, 128, 256, 512};

    private PreActResNet18() {
    }

    public static ComputationGraph build(int channels, int height, int width, int classes, double dropProbability,
                                         double learningRate, long seed) {
        MapSchedule lr = new MapSchedule(ScheduleType.EPOCH,
                Map.of(0, learningRate, 100, learningRate / 10, 150, learningRate / 100));
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .weightInit(WeightInit.RELU)
                .updater(new Nesterovs(lr, 0.9))
                .l2(1e-4)
                .convolutionMode(ConvolutionMode.Same)
                .graphBuilder()
                .addInputs("in")
                .setInputTypes(InputType.convolutionalFlat(height, width, channels));
        g.addLayer("stem", conv(channels, WIDTHS[0], 3, 1), "in");
        String last = "stem";
        int in = WIDTHS[0];
        for (int stage = 0; stage < WIDTHS.length; stage++) {
            for (int block = 0; block < 2; block++) {
                int stride = stage > 0 && block == 0 ? 2 : 1;
                last = block(g, "s" + stage + "b" + block, last, in, WIDTHS[stage], stride, dropProbability);
                in = WIDTHS[stage];
            }
        }
        g.addLayer("bn_out", new BatchNormalization.Builder().nOut(in).build(), last);
        g.addLayer("relu_out", new ActivationLayer.Builder().activation(Activation.RELU).build(), "bn_out");
        g.addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "relu_out");
        g.addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(in).nOut(classes)
                .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build(), "pool");
        g.setOutputs("out");
        ComputationGraph graph = new ComputationGraph(g.build());
        graph.init();
        return graph;
    }

    /**
     * BN-ReLU-conv-BN-ReLU-[dropout]-conv, with a 1x1 projection of the pre-activated input when the
     * shape changes. DL4J's DropoutLayer takes the probability of keeping a unit.
     */
    private static String block(ComputationGraphConfiguration.GraphBuilder g, String name, String input, int in,
                                int out, int stride, double dropProbability) {
        g.addLayer(name + "_bn1", new BatchNormalization.Builder().nOut(in).build(), input);
        g.addLayer(name + "_relu1", new ActivationLayer.Builder().activation(Activation.RELU).build(), name + "_bn1");
        g.addLayer(name + "_conv1", conv(in, out, 3, stride), name + "_relu1");
        g.addLayer(name + "_bn2", new BatchNormalization.Builder().nOut(out).build(), name + "_conv1");
        g.addLayer(name + "_relu2", new ActivationLayer.Builder().activation(Activation.RELU).build(), name + "_bn2");
        String beforeConv2 = name + "_relu2";
        if (dropProbability > 0) {
            g.addLayer(name + "_drop", new DropoutLayer.Builder(1.0 - dropProbability).build(), beforeConv2);
            beforeConv2 = name + "_drop";
        }
        g.addLayer(name + "_conv2", conv(out, out, 3, 1), beforeConv2);
        String shortcut = input;
        if (stride != 1 || in != out) {
            g.addLayer(name + "_proj", conv(in, out, 1, stride), name + "_relu1");
            shortcut = name + "_proj";
        }
        g.addVertex(name, new ElementWiseVertex(ElementWiseVertex.Op.Add), name + "_conv2", shortcut);
        return name;
    }

    private static ConvolutionLayer conv(int in, int out, int kernel, int stride) {
        return new ConvolutionLayer.Builder(kernel, kernel).stride(stride, stride).nIn(in).nOut(out)
                .hasBias(false).activation(Activation.IDENTITY).build();
    }
}
