package org.mixupsuite.core.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.mixupsuite.core.BadInputException;
import org.mixupsuite.core.findings.Claim;
import org.mixupsuite.core.findings.Findings;
import org.mixupsuite.core.run.Condition;
import org.mixupsuite.core.run.Engine;
import org.mixupsuite.core.run.Experiment;
import org.mixupsuite.core.run.Json;
import org.mixupsuite.core.run.Presets;
import org.mixupsuite.core.run.Scale;
import org.mixupsuite.core.run.RunDirectory;
import org.mixupsuite.core.run.RunResults;
import org.mixupsuite.core.run.RunSettings;
import org.mixupsuite.core.run.Study;
import org.mixupsuite.core.run.StudyRunner;
import org.mixupsuite.core.run.TrainingRates;

/** Runs one study from the command line: parse strictly, plan, run, summarize. */
public final class StudyCommand implements Command {

    private final Study study;
    private boolean verbose;
    private Path lastMetrics;
    /** Set by the demo, which prints every study's findings in one table at its end. */
    private boolean holdFindings;
    private List<Claim> lastClaims = List.of();

    public StudyCommand(Study study) {
        this.study = study;
    }

    @Override
    public String name() {
        return study.name();
    }

    @Override
    public String summary() {
        return study.summary();
    }

    @Override
    public boolean inDemo() {
        return study.inDemo();
    }

    public Options options() {
        Options options = new Options();
        CommonOptions.add(options);
        study.addOptions(options);
        return options;
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        Options options = options();
        try {
            CommandLine cmd = CommonOptions.parser().parse(options, args);
            if (cmd.hasOption("help")) {
                OptionValues.printHelp(out, "./mixup " + name() + " [options]", summary(), options);
                printDefaults(out);
                return 0;
            }
            if (!cmd.getArgList().isEmpty()) {
                throw new BadInputException("unexpected argument '" + cmd.getArgList().get(0) + "'");
            }
            RunDirectory run;
            List<String> replayed;
            if (cmd.hasOption("resume")) {
                run = RunDirectory.forResume(Path.of(cmd.getOptionValue("resume")));
                replayed = storedArgs(run);
                List<String> withJobs = new ArrayList<>(replayed);
                if (cmd.hasOption("jobs")) {
                    withJobs.addAll(List.of("--jobs", cmd.getOptionValue("jobs")));
                }
                cmd = CommonOptions.parser().parse(options, withJobs.toArray(String[]::new));
            } else {
                run = null;
                replayed = Arrays.asList(args);
            }
            RunSettings settings = CommonOptions.parse(cmd);
            Engine.use(Engine.resolve(cmd.getOptionValue("engine")));
            verbose = cmd.hasOption("verbose");
            if (study.runInstead(cmd, settings, out)) {
                return 0;
            }
            Experiment<?> experiment = study.plan(cmd, settings);
            if (cmd.hasOption("dry-run")) {
                dryRun(experiment, settings, out);
                return 0;
            }
            return execute(experiment, settings, run, replayed, out, err);
        } catch (ParseException e) {
            err.println("mixup " + name() + ": " + e.getMessage() + " (see ./mixup " + name() + " --help)");
            return 2;
        } catch (BadInputException e) {
            err.println("mixup " + name() + ": " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("mixup " + name() + ": failed: " + e);
            return 1;
        }
    }

    private <C extends Condition> int execute(Experiment<C> experiment, RunSettings settings, RunDirectory resumeDir,
                                              List<String> args, PrintStream out, PrintStream err) throws Exception {
        RunDirectory run = resumeDir != null ? resumeDir : RunDirectory.create(settings.out(), name(), settings.seed());
        StudyRunner<C> runner = new StudyRunner<>(name(), experiment, settings, run, out, err);
        if (resumeDir == null) {
            runner.writeConfig(args);
        }
        out.println(name() + ": " + experiment.conditions().size() + " conditions x " + settings.seedCount()
                + " seed(s), scale " + settings.scale().id() + ", " + settings.jobs() + " at once");
        out.println("run folder: " + run.dir());
        out.println("  if interrupted: ./mixup " + name() + " --resume " + run.dir());
        RunResults<C> results;
        try {
            results = runner.execute();
        } catch (Exception e) {
            out.println("run stopped; resume it with: ./mixup " + name() + " --resume " + run.dir());
            throw e;
        }
        Map<String, Object> declared = new LinkedHashMap<>();
        if (!study.headlineFigures().isEmpty()) {
            declared.put("headline_figures", study.headlineFigures());
        }
        if (!study.comparisonFocus().isEmpty()) {
            declared.put("comparison_focus", study.comparisonFocus());
        }
        Map<String, Object> metrics = runner.finish(results, declared);
        Set<String> settingKeys = new HashSet<>();
        experiment.conditions().forEach(c -> settingKeys.addAll(c.settings().keySet()));
        if (verbose || experiment.claims().isEmpty()) {
            Summary.print(metrics, settingKeys, out);
        }
        List<Map<String, Object>> findings = findings(metrics);
        if (!findings.isEmpty() && holdFindings) {
            out.println(findings.size() + " findings: in the table at the end");
        } else if (!findings.isEmpty()) {
            out.println(Findings.TABLE_HEADER);
            Findings.print(findings, null, out);
        }
        lastMetrics = run.metrics();
        lastClaims = experiment.claims();
        out.println("wrote " + run.metrics());
        if (!verbose) {
            out.println("  every condition's figures are there (or run with --verbose)");
        }
        return 0;
    }

    /**
     * The settings each scale gives when an option is not given (one line per setting, smoke /
     * quick / paper), then the study's examples.
     */
    private void printDefaults(PrintStream out) {
        if (study.preset(Scale.QUICK) != null) {
            out.println();
            out.println("defaults by scale (smoke | quick | paper); an option given replaces them:");
            Map<String, Object> smoke = Presets.components(study.preset(Scale.SMOKE));
            Map<String, Object> quick = Presets.components(study.preset(Scale.QUICK));
            Map<String, Object> paper = Presets.components(study.preset(Scale.PAPER));
            for (String key : quick.keySet()) {
                String line = String.format(java.util.Locale.ROOT, "  %-16s %s | %s | %s", key, text(smoke.get(key)),
                        text(quick.get(key)), text(paper.get(key)));
                out.println(line.length() <= Findings.LINE_WIDTH ? line : line.substring(0, Findings.LINE_WIDTH - 1) + "…");
            }
        }
        if (!study.about().examples().isEmpty()) {
            out.println();
            out.println("examples:");
            study.about().examples().forEach(e -> out.println("  " + e));
        }
    }

    private static String text(Object v) {
        if (v instanceof Double d) {
            return org.mixupsuite.core.run.SettingText.number(d);
        }
        if (v instanceof Enum<?> e) { // as the options spell it
            return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
        if (v instanceof List<?> list) {
            return list.isEmpty() ? "(see its option)" : String.join(",", list.stream().map(StudyCommand::text).toList());
        }
        return String.valueOf(v);
    }

    /**
     * What a run would do, without doing it: the settings config.json would record, the conditions,
     * the claims, and hours of training from the bench's measured rates (training only: evaluation,
     * attacks and checkpoints come on top).
     */
    private void dryRun(Experiment<?> experiment, RunSettings settings, PrintStream out) {
        out.println(name() + " (dry run): scale " + settings.scale().id() + ", seeds " + settings.seed() + ".."
                + (settings.seed() + settings.seedCount() - 1) + ", " + settings.jobs() + " at once");
        out.println("settings:");
        try {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(experiment.settings()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("settings are not JSON: " + e.getMessage(), e);
        }
        out.println(experiment.conditions().size() + " conditions:");
        experiment.conditions().forEach(c -> out.println("  " + c.slug()));
        List<String> claims = experiment.claims().stream().map(Claim::id).toList();
        if (!claims.isEmpty()) {
            out.println(claims.size() + " claims: " + String.join(", ", claims));
        }
        TrainingRates rates = TrainingRates.load(null);
        List<TrainingRates.Work> work = TrainingRates.work(experiment);
        for (String device : rates.devices()) {
            double hours = rates.hours(name(), settings.scale().id(), device, work) * settings.seedCount();
            out.println(Double.isNaN(hours) ? "estimate on " + device + ": no measured rate for this study's models"
                    : String.format(java.util.Locale.ROOT, "estimate on %s: %.1f min of training one condition after another,"
                    + " ~%.1f min with %d at once", device, hours * 60, hours * 60 / Math.max(1, settings.jobs()), settings.jobs()));
        }
    }

    /** Leaves the findings table to the caller (the demo prints one for all studies). */
    void holdFindings() {
        holdFindings = true;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> findings(Map<String, Object> metrics) {
        Object f = metrics.get("findings");
        return f instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    /** The metrics.json of the run this command finished last, or null. */
    public Path lastMetrics() {
        return lastMetrics;
    }

    /** The claims the run this command finished last tested (empty before any), e.g. for a sweep to decide them across runs. */
    public List<Claim> lastClaims() {
        return lastClaims;
    }

    @SuppressWarnings("unchecked")
    private static List<String> storedArgs(RunDirectory run) {
        Object args = Json.readObject(run.config()).get("args");
        if (!(args instanceof List<?> list)) {
            throw new BadInputException(run.config(), "has no \"args\" list to resume from");
        }
        List<String> out = new ArrayList<>();
        for (Object a : list) {
            out.add(String.valueOf(a));
        }
        return out;
    }
}
