package org.mixupsuite.core.train;

import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Code that trains a DL4J network in place of parts of DL4J's own, found on the class path through
 * {@link java.util.ServiceLoader} as studies and commands are. The suite ships one, {@code fast}
 * (module engine/); without it every network runs as DL4J ships it, which is also what
 * {@code --engine dl4j} asks for. An engine's numbers must match DL4J's within float32 rounding:
 * each study's engine-agreement test holds it to that.
 */
public interface NetworkEngine {

    /** The name {@code --engine} and MIXUP_ENGINE use. */
    String id();

    /**
     * {@code net} trained, evaluated and differentiated by this engine, or empty where it has nothing
     * to replace in it (DL4J's own adapter is used then). The network's parameters stay in {@code net},
     * so its checkpoints and model files are DL4J's.
     */
    Optional<Network> adapt(MultiLayerNetwork net);
}
