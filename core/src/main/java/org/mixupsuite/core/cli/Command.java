package org.mixupsuite.core.cli;

import java.io.PrintStream;

/**
 * A launcher subcommand. Modules that add commands other than studies (report, check, bench)
 * register implementations in META-INF/services.
 */
public interface Command {

    String name();

    String summary();

    /** Runs with the arguments after the command name; returns the exit code (0 done, 1 failed, 2 bad input). */
    int run(String[] args, PrintStream out, PrintStream err);
}
