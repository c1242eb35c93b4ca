package org.mixupsuite.core.run;

import java.util.List;
import java.util.Locale;
import org.mixupsuite.core.BadInputException;

/**
 * Which code trains the suite's DL4J networks. {@code fast} (the default) puts the suite's own
 * kernels in place of parts of DL4J 1.0.0-M2.1 (core/train: DenseStack for dense-only networks,
 * Java batch norm, max-pooling backprop and ReLU backprop, reused convolution forwards, a first
 * convolution without its unused input gradient); {@code dl4j} leaves every network to DL4J as
 * shipped, as a reference and a way around a suspected fault in the fast path. Chosen by
 * {@code --engine} or the MIXUP_ENGINE environment variable; config.json records it.
 */
public enum Engine {
    FAST, DL4J;

    private static volatile Engine current = FAST;

    /** The engine networks built now use. */
    public static Engine current() {
        return current;
    }

    /** Set once per run, before its networks are built. */
    public static void use(Engine engine) {
        current = engine;
    }

    /** --engine's value if given, else MIXUP_ENGINE, else fast. */
    public static Engine resolve(String option) {
        if (option != null) {
            return parse(option, "--engine");
        }
        String env = System.getenv("MIXUP_ENGINE");
        return env == null || env.isBlank() ? FAST : parse(env.trim(), "MIXUP_ENGINE");
    }

    static Engine parse(String text, String source) {
        for (Engine e : values()) {
            if (e.id().equals(text)) {
                return e;
            }
        }
        throw new BadInputException(source + ": '" + text + "' is not fast or dl4j");
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the engine computes in place of DL4J's own code, for config.json. */
    public List<String> replacements() {
        return this == DL4J ? List.of() : List.of(
                "DenseStack: fit, output and input gradient of dense-only networks (DL4J's arithmetic, no per-call overhead)",
                "JavaBatchNorm: batch norm forward and backward (DL4J ignores a batch-norm layer's activation)",
                "JavaMaxPoolingBackprop: max pooling's backprop",
                "ReusedConvolutionForward: convolutions reuse their forward pass in backprop",
                "FirstConvolution: a first-layer convolution skips its unused input gradient",
                "JavaReluBackprop: activation layers' ReLU backprop");
    }
}
