package org.mixupsuite.gan;

import org.mixupsuite.core.cli.Named;

/** What the generator's step optimizes. */
public enum GeneratorLoss implements Named {
    /** G maximizes D's loss on fakes: the paper's objective. */
    MINIMAX,
    /** G minimizes D's loss against the "real" label (Goodfellow et al.'s practical variant). */
    NON_SATURATING
}
