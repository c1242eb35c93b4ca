package org.mixupsuite.engine;

import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mixupsuite.core.train.Network;
import org.mixupsuite.core.train.NetworkEngine;

/** The suite's fast path as an engine plug-in ({@code --engine fast}, the default); README.md lists its parts. */
public final class FastEngine implements NetworkEngine {

    @Override
    public String id() {
        return "fast";
    }

    @Override
    public Optional<Network> adapt(MultiLayerNetwork net) {
        return Optional.of(FastNetwork.of(net));
    }
}
