package org.mixupsuite.core.run;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * A study as the launcher sees it: a name, its own options, and a plan built from a command line.
 * Study modules register implementations in META-INF/services so that core never depends on them.
 */
public interface Study {

    /** The launcher subcommand and the run folder's parent, e.g. {@code corrupt-labels}. */
    String name();

    /** One line for {@code ./mixup --help}. */
    String summary();

    /**
     * Whether {@code ./mixup demo} runs this study at quick scale. Studies of the paper's headline
     * findings do; side studies (the ablation) and tools (the benchmark) say no.
     */
    default boolean inDemo() {
        return true;
    }

    /**
     * The figures a reader compares first across runs, e.g. {@code top1_error}; written into
     * metrics.json ({@code headline_figures}) so that reports, which read only run folders, follow them.
     * Empty: the report takes each run's first figure.
     */
    default List<String> headlineFigures() {
        return List.of();
    }

    /**
     * For studies with many rows per condition, the settings of the rows a comparison across runs
     * follows, e.g. white-box FGSM at one epsilon; written into metrics.json ({@code comparison_focus}).
     */
    default Map<String, Object> comparisonFocus() {
        return Map.of();
    }

    /** Adds the study's own options (the common ones are added by the launcher). */
    void addOptions(Options options);

    /** Resolves options and scale presets into an experiment, reading its data; bad input throws BadInputException. */
    Experiment<?> plan(CommandLine cmd, RunSettings settings);

    /**
     * Handles options that ask for something other than a new run (e.g. evaluating a finished run on
     * other data) and returns true; returns false, the default, when a run should be planned.
     */
    default boolean runInstead(CommandLine cmd, RunSettings settings, PrintStream out) throws Exception {
        return false;
    }
}
