package org.mixupsuite.core.train;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mixupsuite.core.run.Engine;
import org.mixupsuite.core.run.EngineLog;

/** The engines on the class path, and the one networks built now go through. */
public final class Engines {

    private static final List<NetworkEngine> FOUND = ServiceLoader.load(NetworkEngine.class).stream()
            .map(ServiceLoader.Provider::get).toList();

    private Engines() {
    }

    /** The plug-in named {@code id}, if one is on the class path. */
    public static Optional<NetworkEngine> find(String id) {
        return FOUND.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** What config.json lists for a model that DL4J trains as shipped: nothing, or why the engine asked for is absent. */
    static List<String> dl4jReplacements() {
        return Engine.current() != Engine.DL4J && find(Engine.current().id()).isEmpty()
                ? List.of("none: --engine " + Engine.current().id() + " asked, but its module is not on the class path")
                : List.of();
    }

    /** {@code net} through the engine in use ({@link Engine#current()}), or as DL4J ships it. */
    static Network adapt(MultiLayerNetwork net) {
        if (Engine.current() == Engine.DL4J) {
            return new Network.Layered(net);
        }
        // core's own tests, or a class path without the engine module, get DL4J's path (and config.json says so)
        return find(Engine.current().id()).flatMap(e -> e.adapt(net)).orElseGet(() -> new Network.Layered(net));
    }

    /**
     * {@code net} through the fast engine whatever {@code --engine} says, for code that needs
     * {@link Network#backpropAndUpdate} (the GAN's generator step): DL4J 1.0.0-M2.1 cannot apply an
     * external error without restarting Adam's moments (engine/README.md).
     */
    static Network adaptForExternalError(MultiLayerNetwork net) {
        NetworkEngine fast = find(Engine.FAST.id()).orElseThrow(() -> new IllegalStateException(
                "training from an external error needs the fast engine (module engine) on the class path"));
        return fast.adapt(net).filter(Network::takesExternalError).orElseThrow(() -> new IllegalArgumentException(
                "the fast engine cannot train this network from an external error: " + EngineLog.describe(net)));
    }
}
