package org.mixupsuite.sweep;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.mixupsuite.core.BadInputException;
import org.mixupsuite.core.cli.Command;
import org.mixupsuite.core.cli.CommonOptions;
import org.mixupsuite.core.cli.OptionValues;
import org.mixupsuite.core.cli.StudyCommand;
import org.mixupsuite.core.run.Engine;
import org.mixupsuite.core.run.Json;
import org.mixupsuite.core.run.RunDirectory;
import org.mixupsuite.core.run.Scale;
import org.mixupsuite.core.run.Study;
import org.mixupsuite.core.run.TrainingRates;

/**
 * {@code ./mixup sweep --study NAME --grid GRID [options] [-- study options]}: a grid of study
 * settings x seeds, each cell a Spark task running the study's own code, into one sweep run folder.
 */
public final class SweepCommand implements Command {

    /** Options a cell's command line is built from; a grid may not sweep them. */
    private static final Set<String> OWN = Set.of("seed", "seeds", "out", "resume", "scale", "jobs", "engine", "help");

    @Override
    public String name() {
        return "sweep";
    }

    @Override
    public String summary() {
        return "a grid of study settings x seeds run as Spark tasks (local or a cluster), aggregated into one run";
    }

    static Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("study").hasArg().argName("NAME").desc("the study every cell runs").get());
        o.addOption(Option.builder().longOpt("grid").hasArg().argName("FILE|INLINE")
                .desc("a JSON file {\"alpha\": [1, 8, 32], ...} or inline \"alpha=1,8,32 corruption=0.5\" (default: seeds only)").get());
        o.addOption(Option.builder().longOpt("scale").hasArg().argName("smoke|quick|paper").desc("every cell's scale (default quick)").get());
        o.addOption(Option.builder().longOpt("seed").hasArg().argName("N").desc("first seed (default 0)").get());
        o.addOption(Option.builder().longOpt("seeds").hasArg().argName("N").desc("seeds per grid point (default 3)").get());
        o.addOption(Option.builder().longOpt("out").hasArg().argName("DIR")
                .desc("runs folder, shared by every executor (default reports/runs)").get());
        o.addOption(Option.builder().longOpt("master").hasArg().argName("URL")
                .desc("Spark master (default local[N,attempts], N = cores / OMP_NUM_THREADS; spark-submit's when submitted)").get());
        o.addOption(Option.builder().longOpt("retries").hasArg().argName("N")
                .desc("times Spark retries a cell that fails during its run before it is recorded as failed (default 1)").get());
        o.addOption(Option.builder().longOpt("resume").hasArg().argName("SWEEP_DIR")
                .desc("re-run only the cells of a sweep that have no finished run").get());
        o.addOption(Option.builder().longOpt("engine").hasArg().argName("fast|dl4j")
                .desc("what trains every cell's networks (default fast; also MIXUP_ENGINE, read where the sweep starts)").get());
        o.addOption(Option.builder().longOpt("dry-run").desc("print the cells and an estimate of their hours; run nothing").get());
        o.addOption(Option.builder().longOpt("executors").hasArg().argName("N")
                .desc("--dry-run: also estimate the sweep on N executors of one task slot each").get());
        o.addOption(Option.builder().longOpt("rates").hasArg().argName("FILE")
                .desc("measured training rates for --dry-run (default: the bench's, recorded on the 2-core machine)").get());
        o.addOption(Option.builder("h").longOpt("help").desc("print this help").get());
        return o;
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        Options options = options();
        try {
            CommandLine cmd = CommonOptions.parser().parse(options, args);
            if (cmd.hasOption("help")) {
                OptionValues.printHelp(out, "./mixup sweep --study NAME [--grid GRID] [options] [-- study options]",
                        summary(), options);
                return 0;
            }
            Path resume = cmd.hasOption("resume") ? Path.of(cmd.getOptionValue("resume")) : null;
            List<String> replayed = Arrays.asList(args);
            if (resume != null) {
                replayed = storedArgs(resume);
                cmd = CommonOptions.parser().parse(options, replayed.toArray(String[]::new));
            }
            SweepPlan plan = plan(cmd);
            if (cmd.hasOption("dry-run")) {
                Path rates = cmd.hasOption("rates") ? Path.of(cmd.getOptionValue("rates")) : null;
                int executors = (int) OptionValues.number(cmd, "executors", 0);
                if (executors < 0 || cmd.hasOption("executors") && executors < 1) {
                    throw new BadInputException("--executors: must be at least 1, got " + cmd.getOptionValue("executors"));
                }
                new Estimate(TrainingRates.load(rates)).print(plan, executors, out);
                return 0;
            }
            return new SweepRun(plan, resume, replayed, out).execute();
        } catch (ParseException e) {
            err.println("mixup sweep: " + e.getMessage() + " (see ./mixup sweep --help)");
            return 2;
        } catch (BadInputException e) {
            err.println("mixup sweep: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("mixup sweep: failed: " + e);
            return 1;
        }
    }

    /** The cells of a sweep from its command line, every swept option checked against the study's own. */
    static SweepPlan plan(CommandLine cmd) {
        if (!cmd.hasOption("study")) {
            throw new BadInputException("--study is required (one of " + studyNames() + ")");
        }
        Study study = CellTask.study(cmd.getOptionValue("study"));
        Options studyOptions = new StudyCommand(study).options();
        Grid grid = cmd.hasOption("grid") ? Grid.parse(cmd.getOptionValue("grid")) : Grid.empty();
        for (String option : grid.axes().keySet()) {
            if (OWN.contains(option)) {
                throw new BadInputException("--grid: '" + option + "' is set by the sweep itself (--" + option + "), not swept");
            }
            if (!studyOptions.hasLongOption(option)) {
                throw new BadInputException("--grid: the " + study.name() + " study has no option --" + option
                        + " (see ./mixup " + study.name() + " --help)");
            }
        }
        List<String> extra = cmd.getArgList();
        for (String a : extra) {
            if (a.startsWith("--") && OWN.contains(a.substring(2))) {
                throw new BadInputException("'" + a + "' after -- : give it to the sweep itself");
            }
        }
        Scale scale = Scale.parse(cmd.getOptionValue("scale", "quick"));
        long seed = CommonOptions.longValue(cmd, "seed", 0);
        int seeds = (int) CommonOptions.longValue(cmd, "seeds", 3);
        if (seeds < 1) {
            throw new BadInputException("--seeds: must be at least 1, got " + seeds);
        }
        int retries = (int) CommonOptions.longValue(cmd, "retries", 1);
        if (retries < 0) {
            throw new BadInputException("--retries: must be 0 or more, got " + retries);
        }
        Path out = Path.of(cmd.getOptionValue("out", CommonOptions.DEFAULT_OUT.toString()));
        // one condition at a time in a cell: Spark's slots are what runs cells side by side
        // the engine named in every cell's command line: an executor's environment need not carry MIXUP_ENGINE
        List<String> fixed = new ArrayList<>(List.of("--scale", scale.id(), "--jobs", "1",
                "--engine", Engine.resolve(cmd.getOptionValue("engine")).id()));
        fixed.addAll(extra);
        return new SweepPlan(study.name(), grid, scale, seed, seeds, out, cmd.getOptionValue("master"), retries + 1, fixed);
    }

    private static String studyNames() {
        return String.join(", ", java.util.ServiceLoader.load(Study.class).stream()
                .map(p -> p.get().name()).sorted().toList());
    }

    private static List<String> storedArgs(Path dir) {
        RunDirectory run = new RunDirectory(dir);
        if (!Files.isRegularFile(run.config()) || !Files.isRegularFile(dir.resolve(SweepRun.SWEEP))) {
            throw new BadInputException(dir, "not a sweep folder (no " + RunDirectory.CONFIG + " and " + SweepRun.SWEEP + ")");
        }
        Map<String, Object> config = Json.readObject(run.config());
        if (!(config.get("args") instanceof List<?> list)) {
            throw new BadInputException(run.config(), "has no \"args\" list to resume from");
        }
        return list.stream().map(String::valueOf).toList();
    }
}
