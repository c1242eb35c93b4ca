package org.mixupsuite.core.run;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The suite's progress bar: one per run, with rate and ETA, shared by parallel conditions; redrawn
 * in place on a terminal's stderr, else (a log file, a sweep cell's log) a line now and then.
 */
final class Progress {

    private Progress() {
    }

    static ProgressBar bar(String task, long total, PrintStream sink) {
        boolean terminal = sink == System.err && System.console() != null;
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(Math.max(total, 1))
                .setStyle(ProgressBarStyle.ASCII)
                // in a log file (CI, nohup) a redrawn bar is one endless line: print a line now and then instead
                .setUpdateIntervalMillis(terminal ? 1000 : 30_000)
                .showSpeed()
                .setConsumer(terminal ? new ConsoleProgressBarConsumer(sink)
                        : new DelegatingProgressBarConsumer(sink::println, 100))
                .build();
    }
}
