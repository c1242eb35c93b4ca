package org.mixupsuite.gan;

import com.fasterxml.jackson.annotation.JsonValue;
import org.mixupsuite.core.cli.Named;

/** What the generator's step optimizes. */
public enum GeneratorLoss implements Named {
    /** G maximizes D's loss on fakes: the paper's objective. */
    MINIMAX("minimax"),
    /** G minimizes D's loss against the "real" label (Goodfellow et al.'s practical variant). */
    NON_SATURATING("non-saturating");

    private final String label;

    GeneratorLoss(String label) {
        this.label = label;
    }

    @Override
    @JsonValue
    public String label() {
        return label;
    }
}
