package org.mixupsuite.core.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.mixupsuite.core.run.AtomicFiles;
import org.mixupsuite.core.run.EngineLog;
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

    /**
     * One training step from an error given from outside instead of a loss: {@code outputError} is
     * the gradient of some loss at the output of the last {@link #forward} call, summed over its
     * rows; the updater runs at {@code iteration}. Only networks from {@link #withExternalError} take it.
     */
    default void backpropAndUpdate(INDArray outputError, int iteration) {
        throw new UnsupportedOperationException("this network takes no external error; build it with Network.withExternalError");
    }

    /**
     * The training-mode forward pass (dropout applied) that a following {@link #backpropAndUpdate}
     * back-propagates through; the returned array may be a buffer reused by the next call.
     */
    default INDArray forward(INDArray features) {
        throw new UnsupportedOperationException("this network takes no external error; build it with Network.withExternalError");
    }

    /** Whether {@link #forward} and {@link #backpropAndUpdate} work. */
    default boolean takesExternalError() {
        return false;
    }

    /** What this network computes in place of DL4J's own code (empty: DL4J as shipped), for config.json. */
    default List<String> replacements() {
        return List.of();
    }

    /** {@code net} through the engine in use (--engine, MIXUP_ENGINE; {@link Engines}). */
    static Network of(MultiLayerNetwork net) {
        Network n = Engines.adapt(net);
        EngineLog.note(EngineLog.describe(net), n instanceof Layered ? Engines.dl4jReplacements() : n.replacements());
        return n;
    }

    /**
     * {@code net} through the fast engine whatever the engine in use, so that it can learn from an
     * external error (the GAN's generator): DL4J 1.0.0-M2.1's updater restarts Adam's moments on that path.
     */
    static Network withExternalError(MultiLayerNetwork net) {
        Network n = Engines.adaptForExternalError(net);
        EngineLog.note(EngineLog.describe(net), n.replacements());
        return n;
    }

    static Network of(ComputationGraph graph) {
        EngineLog.note(EngineLog.describe(graph), List.of());
        return new Graph(graph);
    }

    /** Adapter for a MultiLayerNetwork as DL4J ships it: its fit, output and calculateGradients. */
    record Layered(MultiLayerNetwork net) implements Network {

        @Override
        public double fit(INDArray features, INDArray targets) {
            net.fit(new DataSet(features, targets));
            return net.score();
        }

        @Override
        public INDArray output(INDArray features) {
            return net.output(features, false);
        }

        @Override
        public INDArray inputGradient(INDArray features, INDArray targets) {
            return net.calculateGradients(features, targets, null, null).getSecond();
        }

        @Override
        public void save(Path file) throws IOException {
            ModelSerializer.writeModel(net, file.toFile(), true);
        }

        @Override
        public Network restore(Path file) throws IOException {
            return Network.of(ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true));
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
     * Adapter for a single-input, single-output ComputationGraph, always DL4J's own: no engine
     * replaces parts of a graph (PreAct ResNet-18 runs at the paper's scale, on many cores, where
     * the fast engine's single-threaded kernels were never measured).
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
            return Network.of(ModelSerializer.restoreComputationGraph(file.toFile(), true));
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
