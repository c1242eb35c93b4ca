package org.mixupsuite.reports;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.mixupsuite.core.BadInputException;
import org.mixupsuite.core.cli.Command;
import org.mixupsuite.core.cli.CommonOptions;
import org.mixupsuite.core.cli.OptionValues;
import org.mixupsuite.core.findings.Findings;
import org.mixupsuite.core.stats.PairedTest;

/**
 * {@code ./mixup check}: compares runs' figures with a baseline's ranges. One line per compared
 * figure, then {@code N passed, N failed}. Exit 0: all within range; 1: a regression; 2: a bad
 * baseline or a study without a run to compare.
 */
public final class CheckCommand implements Command {

    static final Path DEFAULT_BASELINE = Path.of("baselines", "quick.json");

    @Override
    public String name() {
        return "check";
    }

    @Override
    public String summary() {
        return "compare runs' metrics with a baseline file (exit 0 within tolerance, 1 regression, 2 bad input)";
    }

    private static Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("baseline").hasArg().argName("FILE")
                .desc("ranges to check (default baselines/quick.json)").get());
        o.addOption(Option.builder().longOpt("runs").hasArg().argName("DIR")
                .desc("runs folder; the newest finished run of each study (of the baseline's scale) is checked (default reports/runs)").get());
        o.addOption(Option.builder().longOpt("run").hasArg().argName("RUN_DIR")
                .desc("check this run folder instead (repeatable, one per study)").get());
        o.addOption(Option.builder().longOpt("study").hasArg().argName("NAME")
                .desc("check only this study's entries of the baseline (repeatable)").get());
        o.addOption(Option.builder().longOpt("update").hasArg().optionalArg(true).argName("FILE")
                .desc("propose ranges from all finished runs into a NEW file (default <baseline>.proposed-<time>.json)").get());
        o.addOption(Option.builder("h").longOpt("help").desc("print this help").get());
        return o;
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        try {
            CommandLine cmd = CommonOptions.parser().parse(options(), args);
            if (cmd.hasOption("help")) {
                OptionValues.printHelp(out, "./mixup check [options]", summary(), options());
                return 0;
            }
            Path baselineFile = Path.of(cmd.getOptionValue("baseline", DEFAULT_BASELINE.toString()));
            Baseline baseline = Baseline.read(baselineFile);
            if (cmd.hasOption("study")) {
                baseline = baseline.only(List.of(cmd.getOptionValues("study")), baselineFile);
            }
            RunCatalog catalog = RunCatalog.scan(Path.of(cmd.getOptionValue("runs", CommonOptions.DEFAULT_OUT.toString())));
            if (cmd.hasOption("update")) {
                Path target = cmd.getOptionValue("update") != null ? Path.of(cmd.getOptionValue("update"))
                        : BaselineProposal.defaultTarget(baselineFile);
                return BaselineProposal.write(baseline, catalog, target, out);
            }
            return check(baseline, selectRuns(baseline, catalog, cmd.getOptionValues("run")), out);
        } catch (ParseException e) {
            err.println("mixup check: " + e.getMessage() + " (see ./mixup check --help)");
            return 2;
        } catch (BadInputException e) {
            err.println("mixup check: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("mixup check: " + e.getMessage());
            return 1;
        }
    }

    /** The run to compare for each study the baseline names. */
    static Map<String, FinishedRun> selectRuns(Baseline baseline, RunCatalog catalog, String[] explicit) {
        Map<String, FinishedRun> chosen = new LinkedHashMap<>();
        if (explicit != null) {
            for (String dir : explicit) {
                Path p = Path.of(dir);
                String study = p.toAbsolutePath().getParent().getFileName().toString();
                FinishedRun run = RunCatalog.read(study, p).orElseThrow(() -> new BadInputException(p,
                        Files.isDirectory(p) ? RunCatalog.reason(p) : "run folder not found"));
                chosen.put(run.study(), run);
            }
        }
        for (Baseline.Check c : baseline.checks()) {
            if (!chosen.containsKey(c.study())) {
                Optional<FinishedRun> latest = catalog.latest(c.study(), baseline.scale());
                chosen.put(c.study(), latest.orElseThrow(() -> new BadInputException("no finished " + c.study() + " run"
                        + (baseline.scale() != null ? " at scale " + baseline.scale() : "") + " to check")));
            }
        }
        return chosen;
    }

    static int check(Baseline baseline, Map<String, FinishedRun> runs, PrintStream out) {
        int passed = 0;
        int failed = 0;
        for (Baseline.Check c : baseline.checks()) {
            FinishedRun run = runs.get(c.study());
            if (c.isVerdict()) {
                if (verdict(c, run, out)) {
                    passed++;
                } else {
                    failed++;
                }
                continue;
            }
            List<Map<String, Object>> matching = new ArrayList<>();
            for (Map<String, Object> condition : run.conditions()) {
                if (c.matches(condition)) {
                    matching.add(condition);
                }
            }
            String what = c.study() + " " + c.match() + " " + c.figure();
            if (matching.isEmpty()) {
                out.println("FAIL " + what + ": no condition in " + run.id() + " matches");
                failed++;
                continue;
            }
            for (Map<String, Object> condition : matching) {
                Object v = condition.get(c.figure());
                if (!(v instanceof Number n)) {
                    out.println("FAIL " + what + ": no value in " + run.id() + " (status " + condition.get("status") + ")");
                    failed++;
                } else if (c.inRange(n.doubleValue())) {
                    out.println("ok   " + what + " = " + Format.value(n.doubleValue()) + " in " + c.range());
                    passed++;
                } else {
                    out.println("FAIL " + what + " = " + Format.value(n.doubleValue()) + " outside " + c.range()
                            + " (" + run.id() + ")");
                    failed++;
                }
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }

    /**
     * A required verdict, met only by a run with the seeds a verdict needs; or a required direction,
     * the way the run's seeds point, which any run has.
     */
    private static boolean verdict(Baseline.Check c, FinishedRun run, PrintStream out) {
        String what = c.study() + " claim " + c.claim() + (c.direction() ? " direction " : " ") + c.verdict().id();
        Optional<Map<String, Object>> finding = run.findings().stream().filter(f -> c.claim().equals(f.get("id"))).findFirst();
        if (finding.isEmpty()) {
            out.println("FAIL " + what + ": " + run.id() + " has no finding of that id");
            return false;
        }
        Map<String, Object> f = finding.get();
        boolean decided = Findings.decided(f);
        int seeds = f.get("seeds") instanceof Number n ? n.intValue() : 0;
        String measured = " (effect " + Format.value(f.get("effect")) + (f.get("ci95") instanceof Number ? " ± "
                + Format.value(f.get("ci95")) : "") + ", " + seeds + (seeds == 1 ? " seed" : " seeds") + ", " + run.id() + ")";
        if (!c.direction() && !decided) {
            out.println("FAIL " + what + ": " + seeds + (seeds == 1 ? " seed gives" : " seeds give") + " no verdict (a verdict needs "
                    + PairedTest.MIN_SEEDS + "; a baseline for such runs can require a \"direction\")" + measured);
            return false;
        }
        Object got = c.direction() ? f.get("indicative") : f.get("verdict");
        if (c.verdict().id().equals(got)) {
            out.println("ok   " + what + measured);
            return true;
        }
        out.println("FAIL " + what + ": " + got + measured + (f.get("note") instanceof String note ? " " + note : ""));
        return false;
    }
}
