package org.mixupsuite.core.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * The options every classifier study shares, declared once so their names, descriptions and checks
 * agree across studies; a study adds the ones it has and keeps its own for the rest.
 */
public enum TrainingOption {
    EPOCHS("epochs", "training epochs", false),
    TRAIN_SIZE("train-size", "training examples used, a seeded random subset (0 = all)", true),
    TEST_SIZE("test-size", "test examples evaluated each epoch (0 = all)", true),
    BATCH_SIZE("batch-size", "minibatch size", false),
    HIDDEN("hidden", "width of the MLP's two hidden layers", false);

    private final String name;
    private final String description;
    private final boolean zeroAllowed;

    TrainingOption(String name, String description, boolean zeroAllowed) {
        this.name = name;
        this.description = description;
        this.zeroAllowed = zeroAllowed;
    }

    /** Adds {@code which} to a study's options. */
    public static void add(Options options, TrainingOption... which) {
        for (TrainingOption t : which) {
            options.addOption(OptionValues.valued(t.name, "N", t.description));
        }
    }

    /** The option's value, or {@code fallback} (the preset's) when it is not given. */
    public int value(CommandLine cmd, int fallback) {
        return OptionValues.count(cmd, name, fallback, zeroAllowed);
    }
}
