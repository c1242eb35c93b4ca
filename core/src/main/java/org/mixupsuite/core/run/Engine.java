package org.mixupsuite.core.run;

import java.util.Locale;
import org.mixupsuite.core.BadInputException;

/**
 * Which code trains the suite's DL4J networks. {@code fast} (the default) is the engine module's
 * plug-in (engine/README.md lists what it computes in place of DL4J 1.0.0-M2.1's code, and why);
 * {@code dl4j} leaves every network to DL4J as shipped, as a reference and a way around a suspected
 * fault in the fast path. Chosen by {@code --engine} or the MIXUP_ENGINE environment variable;
 * config.json records it, and per model which replacements ran ({@link EngineLog}).
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
}
