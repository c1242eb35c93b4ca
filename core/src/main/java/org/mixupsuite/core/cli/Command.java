package org.mixupsuite.core.cli;

import java.io.PrintStream;

/**
 * A launcher subcommand. Modules that add commands other than studies (report, check, bench)
 * register implementations in META-INF/services.
 */
public interface Command {

    String name();

    String summary();

    /** Whether {@code ./mixup demo} runs it between setup and the report (studies say so themselves). */
    default boolean inDemo() {
        return false;
    }

    /** Runs with the arguments after the command name; returns the exit code (0 done, 1 failed, 2 bad input). */
    int run(String[] args, PrintStream out, PrintStream err);
}
