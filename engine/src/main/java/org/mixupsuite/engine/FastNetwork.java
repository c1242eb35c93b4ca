package org.mixupsuite.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.mixupsuite.core.train.Network;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A MultiLayerNetwork through the fast engine. One made only of dense layers (the MLPs, with
 * dropout or without, the GAN's two networks) trains, predicts, takes input gradients and external
 * errors through {@link DenseStack}. Any other goes through DL4J's fit and output, with parts of its
 * layers computed here in place of oneDNN's helpers: batch norm ({@link JavaBatchNorm}) and max
 * pooling's backprop ({@link JavaMaxPoolingBackprop}) always; during fit, convolutions reuse their
 * forward pass in backprop ({@link ReusedConvolutionForward}), a first-layer convolution skips its
 * unused input gradient ({@link FirstConvolution}) and activation layers' ReLUs backpropagate in
 * Java ({@link JavaReluBackprop}). Saving, restoring and the rest are DL4J's ({@link Network.Layered}).
 */
record FastNetwork(Network.Layered dl4j, DenseStack dense, FirstConvolution firstConvolution,
                   List<ReusedConvolutionForward> reusedForwards, List<JavaReluBackprop.Swap> reluBackprops,
                   List<String> replacements) implements Network {

    static FastNetwork of(MultiLayerNetwork net) {
        Network.Layered dl4j = new Network.Layered(net);
        if (DenseStack.supports(net)) {
            return new FastNetwork(dl4j, new DenseStack(net), null, List.of(), List.of(),
                    List.of("DenseStack: fit, output, input gradient and external-error updates"));
        }
        List<String> ran = new ArrayList<>();
        count(ran, "JavaBatchNorm: batch norm forward and backward", JavaBatchNorm.install(net.getLayers()));
        count(ran, "JavaMaxPoolingBackprop: max pooling's backprop", JavaMaxPoolingBackprop.install(net.getLayers()));
        // before FirstConvolution, which then wraps the first layer's reuse
        List<ReusedConvolutionForward> reused = ReusedConvolutionForward.install(net.getLayers());
        count(ran, "ReusedConvolutionForward: backprop reuses the forward pass's im2col", reused.size());
        FirstConvolution first = FirstConvolution.install(net).orElse(null);
        count(ran, "FirstConvolution: no input gradient for the first layer", first == null ? 0 : 1);
        List<JavaReluBackprop.Swap> relus = JavaReluBackprop.install(net.getLayers());
        count(ran, "JavaReluBackprop: activation layers' ReLU backprop", relus.size());
        return new FastNetwork(dl4j, null, first, reused, relus, List.copyOf(ran));
    }

    private static void count(List<String> ran, String what, int layers) {
        if (layers > 0) {
            ran.add(what + " (" + layers + (layers == 1 ? " layer)" : " layers)"));
        }
    }

    @Override
    public double fit(INDArray features, INDArray targets) {
        if (dense != null) {
            return dense.fit(features, targets);
        }
        duringFit(true);
        try {
            return dl4j.fit(features, targets);
        } finally {
            duringFit(false);
        }
    }

    private void duringFit(boolean on) {
        if (firstConvolution != null) {
            firstConvolution.skipInputGradient(on);
        }
        for (ReusedConvolutionForward r : reusedForwards) {
            r.duringFit(on);
        }
        for (JavaReluBackprop.Swap s : reluBackprops) {
            s.duringFit(on);
        }
    }

    @Override
    public INDArray output(INDArray features) {
        return dense != null ? dense.output(features) : dl4j.output(features);
    }

    @Override
    public INDArray inputGradient(INDArray features, INDArray targets) {
        return dense != null ? dense.inputGradient(features, targets) : dl4j.inputGradient(features, targets);
    }

    @Override
    public boolean takesExternalError() {
        return dense != null;
    }

    @Override
    public INDArray forward(INDArray features) {
        // only a DenseStack takes external errors; the interface's default says so for the rest
        return takesExternalError() ? dense.forward(features) : Network.super.forward(features);
    }

    @Override
    public void backpropAndUpdate(INDArray outputError, int iteration) {
        if (takesExternalError()) {
            dense.backpropAndUpdate(outputError, iteration);
        } else {
            Network.super.backpropAndUpdate(outputError, iteration);
        }
    }

    @Override
    public void save(Path file) throws IOException {
        dl4j.save(file);
    }

    @Override
    public Network restore(Path file) throws IOException {
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
        // a network that learned from external errors must keep that way whatever --engine says
        return dense != null ? Network.withExternalError(restored) : Network.of(restored);
    }

    @Override
    public void saveModel(Path file) throws IOException {
        dl4j.saveModel(file);
    }

    @Override
    public long parameterCount() {
        return dl4j.parameterCount();
    }

    @Override
    public void endEpoch() {
        dl4j.endEpoch();
    }
}
