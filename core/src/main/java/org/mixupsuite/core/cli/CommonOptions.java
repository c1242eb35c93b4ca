package org.mixupsuite.core.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.mixupsuite.core.BadInputException;
import org.mixupsuite.core.run.RunSettings;
import org.mixupsuite.core.run.Scale;

/** The options every study takes (see the contract) and their parsing into RunSettings. */
public final class CommonOptions {

    public static final Path DEFAULT_OUT = Path.of("reports", "runs");
    /** Saving an MLP with its Adam state after each 0.4 s epoch took ~30% of the quick study's time. */
    static final int DEFAULT_CHECKPOINT_SECONDS = 30;

    private CommonOptions() {
    }

    public static void add(Options options) {
        options.addOption(Option.builder().longOpt("scale").hasArg().argName("smoke|quick|paper")
                .desc("smoke: seconds (tests); quick: minutes on a 2-core CPU; paper: the paper's settings (default quick)").get());
        options.addOption(Option.builder().longOpt("seed").hasArg().argName("N").desc("master seed of the run (default 0)").get());
        options.addOption(Option.builder().longOpt("seeds").hasArg().argName("N")
                .desc("run seeds seed..seed+N-1 and report mean and 95% interval (default 1)").get());
        options.addOption(Option.builder().longOpt("out").hasArg().argName("DIR").desc("runs folder (default reports/runs)").get());
        options.addOption(Option.builder().longOpt("data").hasArg().argName("DIR")
                .desc("the data set's root (default: the embedded default data)").get());
        options.addOption(Option.builder().longOpt("jobs").hasArg().argName("N")
                .desc("conditions trained at once (default: cores / OMP_NUM_THREADS)").get());
        options.addOption(Option.builder().longOpt("checkpoint-every").hasArg().argName("SECONDS")
                .desc("least time between checkpoints of a condition; 0 = every epoch (default 30)").get());
        options.addOption(Option.builder().longOpt("resume").hasArg().argName("RUN_DIR")
                .desc("continue an interrupted run from its checkpoints").get());
        options.addOption(Option.builder().longOpt("verbose")
                .desc("print every condition's figures after the findings (they are always in metrics.json)").get());
        options.addOption(Option.builder().longOpt("engine").hasArg().argName("fast|dl4j")
                .desc("what trains the networks: the suite's fast path (default) or DL4J as shipped; also MIXUP_ENGINE").get());
        options.addOption(Option.builder().longOpt("dry-run")
                .desc("print the resolved settings, the conditions and an estimate of the training time; run nothing").get());
        options.addOption(Option.builder("h").longOpt("help").desc("print this help").get());
    }

    public static RunSettings parse(CommandLine cmd) {
        Scale scale = Scale.parse(cmd.getOptionValue("scale", "quick"));
        long seed = longValue(cmd, "seed", 0);
        int seeds = (int) longValue(cmd, "seeds", 1);
        if (seeds < 1) {
            throw new BadInputException("--seeds: must be at least 1, got " + seeds);
        }
        int jobs = (int) longValue(cmd, "jobs", defaultJobs());
        if (jobs < 1) {
            throw new BadInputException("--jobs: must be at least 1, got " + jobs);
        }
        Path out = outFolder(Path.of(cmd.getOptionValue("out", DEFAULT_OUT.toString())));
        Path data = cmd.hasOption("data") ? Path.of(cmd.getOptionValue("data")) : null;
        int checkpointSeconds = (int) longValue(cmd, "checkpoint-every", DEFAULT_CHECKPOINT_SECONDS);
        if (checkpointSeconds < 0) {
            throw new BadInputException("--checkpoint-every: must be 0 or more seconds, got " + checkpointSeconds);
        }
        return new RunSettings(scale, seed, seeds, out, data, jobs, checkpointSeconds);
    }

    /**
     * The suite's option parser: no abbreviations, so that a mistyped option ({@code --epoch} for
     * {@code --epochs}) is an error rather than silently another option (Commons CLI matches
     * unambiguous prefixes by default).
     */
    public static DefaultParser parser() {
        return DefaultParser.builder().setAllowPartialMatching(false).get();
    }

    /** A runs folder that can be made: refused before any training when a part of its path is a file. */
    static Path outFolder(Path out) {
        for (Path p = out.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new BadInputException("--out: " + out + " cannot be a folder: " + p + " is a file");
            }
        }
        return out;
    }

    /** One condition per core when ND4J runs single-threaded ops, which is fastest for the suite's small models. */
    public static int defaultJobs() {
        int cores = Runtime.getRuntime().availableProcessors();
        int ompThreads = 1;
        String env = System.getenv("OMP_NUM_THREADS");
        if (env != null) {
            try {
                ompThreads = Math.max(1, Integer.parseInt(env.trim()));
            } catch (NumberFormatException e) {
                ompThreads = cores;
            }
        }
        return Math.max(1, cores / ompThreads);
    }

    public static long longValue(CommandLine cmd, String option, long fallback) {
        String v = cmd.getOptionValue(option);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new BadInputException("--" + option + ": '" + v + "' is not a whole number");
        }
    }
}
