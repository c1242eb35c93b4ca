package org.mixupsuite.core.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Which of an engine's replacements ran, per model, for config.json. A run starts a log
 * ({@link #begin}); the threads it starts afterwards (its conditions) inherit it, so runs side by
 * side in one process (a local sweep's cells) keep their own.
 */
public final class EngineLog {

    private static final InheritableThreadLocal<Map<String, List<String>>> CURRENT = new InheritableThreadLocal<>();

    private EngineLog() {
    }

    /** A fresh log for this thread and the threads it starts from now on; returns it. */
    public static Map<String, List<String>> begin() {
        Map<String, List<String>> log = Collections.synchronizedMap(new TreeMap<>());
        CURRENT.set(log);
        return log;
    }

    /** Records a model built in this run (a later build of the same model replaces it); nothing outside a run. */
    public static void note(String model, List<String> replacements) {
        Map<String, List<String>> log = CURRENT.get();
        if (log != null) {
            log.put(model, List.copyOf(replacements));
        }
    }

    /** A graph's name in the log: its vertex count and parameter count. */
    public static String describe(ComputationGraph graph) {
        return "ComputationGraph of " + graph.getVertices().length + " vertices (" + graph.numParams() + " parameters)";
    }

    /** A model's name in the log: its layers in order, repeats counted, and its parameter count. */
    public static String describe(MultiLayerNetwork net) {
        List<String> parts = new ArrayList<>();
        String previous = null;
        int repeats = 0;
        for (Layer layer : net.getLayers()) {
            String name = layer.conf().getLayer().getClass().getSimpleName();
            if (name.equals(previous)) {
                repeats++;
                continue;
            }
            if (previous != null) {
                parts.add(repeats > 1 ? previous + " x" + repeats : previous);
            }
            previous = name;
            repeats = 1;
        }
        if (previous != null) {
            parts.add(repeats > 1 ? previous + " x" + repeats : previous);
        }
        return String.join(", ", parts) + " (" + net.numParams() + " parameters)";
    }
}
