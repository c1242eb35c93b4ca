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

    /**
     * What the launcher, the demo and the reports know of a study, declared by the study itself so
     * that core and reports name none.
     *
     * @param name            the launcher subcommand and the run folder's parent, e.g. {@code corrupt-labels}
     * @param summary         one line for {@code ./mixup --help}
     * @param inDemo          whether {@code ./mixup demo} runs it at quick scale: studies of the paper's
     *                        headline findings do; side studies (the ablation) and tools (the bench) do not
     * @param headlineFigures the figures a reader compares first across runs, e.g. {@code top1_error};
     *                        written into metrics.json ({@code headline_figures}) so that reports, which
     *                        read only run folders, follow them; empty: the report takes each run's first figure
     * @param comparisonFocus for studies with many rows per condition, the settings of the rows a
     *                        comparison across runs follows, e.g. white-box FGSM at one epsilon
     *                        (metrics.json's {@code comparison_focus})
     * @param examples        command lines for {@code --help}, each with what it does after a {@code #}
     */
    record About(String name, String summary, boolean inDemo, List<String> headlineFigures,
                 Map<String, Object> comparisonFocus, List<String> examples) {

        /** A study of the demo with no declared headline figures or focus. */
        public static About of(String name, String summary) {
            return new About(name, summary, true, List.of(), Map.of(), List.of());
        }

        public About headline(String... figures) {
            return new About(name, summary, inDemo, List.of(figures), comparisonFocus, examples);
        }

        public About focus(Map<String, Object> settings) {
            return new About(name, summary, inDemo, headlineFigures, Map.copyOf(settings), examples);
        }

        public About notInDemo() {
            return new About(name, summary, false, headlineFigures, comparisonFocus, examples);
        }

        /** e.g. {@code "./mixup gan --seeds 8   # the ledger's run"}. */
        public About examples(String... lines) {
            return new About(name, summary, inDemo, headlineFigures, comparisonFocus, List.of(lines));
        }
    }

    About about();

    default String name() {
        return about().name();
    }

    default String summary() {
        return about().summary();
    }

    default boolean inDemo() {
        return about().inDemo();
    }

    default List<String> headlineFigures() {
        return about().headlineFigures();
    }

    default Map<String, Object> comparisonFocus() {
        return about().comparisonFocus();
    }

    /** The study's preset at a scale, whose settings {@code --help} lists per scale; null: none to show. */
    default Record preset(Scale scale) {
        return null;
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
