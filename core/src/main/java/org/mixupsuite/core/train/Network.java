package org.mixupsuite.core.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.mixupsuite.core.run.AtomicFiles;
import org.mixupsuite.core.run.Engine;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The few things the training loop, evaluation and attacks need from a DL4J model, so that a
 * study may use a MultiLayerNetwork or a ComputationGraph (PreAct ResNet) alike.
 */
public interface Network {

    /** One optimizer step on a minibatch with (possibly soft) targets; returns the batch loss. */
    double fit(INDArray features, INDArray targets);

    /** Class probabilities in inference mode (no dropout, batch norm with running statistics). */
    INDArray output(INDArray features);

    /**
     * The gradient of the loss with respect to the inputs, summed over the rows (DL4J's convention),
     * without changing any parameter. DL4J computes it with the forward pass in training mode, so
     * the model must not use dropout or batch normalization for this to be the inference-mode gradient.
     */
    INDArray inputGradient(INDArray features, INDArray targets);

    /** Writes model and updater state, so that training can continue from the file. */
    void save(Path file) throws IOException;

    /** A network of the same kind read back from {@link #save}. */
    Network restore(Path file) throws IOException;

    /**
     * Writes the trained model without its updater state (DL4J's own model zip, half the size), for
     * evaluating or attacking it later ({@link #readModel}); atomically, as every run file.
     */
    void saveModel(Path file) throws IOException;

    /** A model written by {@link #saveModel} (or any DL4J model zip), a MultiLayerNetwork or a ComputationGraph. */
    static Network readModel(Path file) {
        try {
            return of(ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false));
        } catch (IOException | RuntimeException notLayered) {
            try {
                return of(ModelSerializer.restoreComputationGraph(file.toFile(), false));
            } catch (IOException | RuntimeException e) {
                throw new org.mixupsuite.core.BadInputException(file, "not a readable DL4J model: " + e.getMessage(), e);
            }
        }
    }

    long parameterCount();

    /** Marks an epoch as done, so DL4J's epoch-based learning-rate schedules advance (fit(DataSet) does not). */
    void endEpoch();

    static Network of(MultiLayerNetwork net) {
        return Layered.of(net);
    }

    static Network of(ComputationGraph graph) {
        return new Graph(graph);
    }

    /**
     * Adapter for a MultiLayerNetwork. One made only of dense layers (the MLPs, with dropout or
     * without) trains, predicts and takes input gradients through {@link DenseStack}: DL4J's numbers
     * to the bit, without fit's per-call costs. Any other goes through DL4J's fit and output, with
     * parts of its layers computed here in place of oneDNN's helpers: batch norm
     * ({@link JavaBatchNorm}) and max pooling's backprop ({@link JavaMaxPoolingBackprop}) always;
     * during fit, convolutions reuse their forward pass in backprop ({@link ReusedConvolutionForward}),
     * a first-layer convolution skips its unused input gradient ({@link FirstConvolution}) and
     * activation layers' ReLUs backpropagate in Java ({@link JavaReluBackprop}).
     */
    record Layered(MultiLayerNetwork net, DenseStack dense, FirstConvolution firstConvolution,
                   List<ReusedConvolutionForward> reusedForwards, List<JavaReluBackprop.Swap> reluBackprops)
            implements Network {

        static Layered of(MultiLayerNetwork net) {
            if (Engine.current() == Engine.DL4J) {
                return new Layered(net, null, null, List.of(), List.of()); // DL4J as shipped, helpers and all
            }
            if (DenseStack.supports(net)) {
                return new Layered(net, new DenseStack(net), null, List.of(), List.of());
            }
            JavaBatchNorm.install(net.getLayers());
            JavaMaxPoolingBackprop.install(net.getLayers());
            // before FirstConvolution, which then wraps the first layer's reuse
            List<ReusedConvolutionForward> reused = ReusedConvolutionForward.install(net.getLayers());
            return new Layered(net, null, FirstConvolution.install(net).orElse(null), reused,
                    JavaReluBackprop.install(net.getLayers()));
        }

        @Override
        public double fit(INDArray features, INDArray targets) {
            if (dense != null) {
                return dense.fit(features, targets);
            }
            duringFit(true);
            try {
                net.fit(new DataSet(features, targets));
            } finally {
                duringFit(false);
            }
            return net.score();
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
            return dense != null ? dense.output(features) : net.output(features, false);
        }

        @Override
        public INDArray inputGradient(INDArray features, INDArray targets) {
            return dense != null ? dense.inputGradient(features, targets)
                    : net.calculateGradients(features, targets, null, null).getSecond();
        }

        @Override
        public void save(Path file) throws IOException {
            ModelSerializer.writeModel(net, file.toFile(), true);
        }

        @Override
        public Network restore(Path file) throws IOException {
            return Layered.of(ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true));
        }

        @Override
        public void saveModel(Path file) throws IOException {
            AtomicFiles.write(file, out -> ModelSerializer.writeModel(net, out, false));
        }

        @Override
        public long parameterCount() {
            return net.numParams();
        }

        @Override
        public void endEpoch() {
            net.incrementEpochCount();
        }
    }

    /**
     * Adapter for a single-input, single-output ComputationGraph. Its layers keep oneDNN's helpers:
     * the Java batch norm and pooling were measured on the quick-scale CNNs only, single-threaded,
     * and the graph (PreAct ResNet-18) runs at the paper's scale, on many cores.
     */
    record Graph(ComputationGraph graph) implements Network {
        @Override
        public double fit(INDArray features, INDArray targets) {
            graph.fit(new DataSet(features, targets));
            return graph.score();
        }

        @Override
        public INDArray output(INDArray features) {
            return graph.outputSingle(false, features);
        }

        /** DL4J 1.0.0-M2.1 has no calculateGradients for graphs; attacks use MultiLayerNetwork models. */
        @Override
        public INDArray inputGradient(INDArray features, INDArray targets) {
            throw new UnsupportedOperationException("input gradients of a ComputationGraph are not available in "
                    + "DL4J 1.0.0-M2.1; attack a MultiLayerNetwork model");
        }

        @Override
        public void save(Path file) throws IOException {
            ModelSerializer.writeModel(graph, file.toFile(), true);
        }

        @Override
        public Network restore(Path file) throws IOException {
            return new Graph(ModelSerializer.restoreComputationGraph(file.toFile(), true));
        }

        @Override
        public void saveModel(Path file) throws IOException {
            AtomicFiles.write(file, out -> ModelSerializer.writeModel(graph, out, false));
        }

        @Override
        public long parameterCount() {
            return graph.numParams();
        }

        @Override
        public void endEpoch() {
            graph.incrementEpochCount();
        }
    }
}
