package org.mixupsuite.core.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.mixupsuite.core.findings.Findings;
import org.mixupsuite.core.run.Json;
import org.mixupsuite.core.stats.PairedTest;

/**
 * {@code ./mixup demo}: the README's main job. Setup, every study that declares itself part of the
 * demo at quick scale (each its own run folder), the report, then the check against
 * baselines/&lt;scale&gt;.json; exits with the check's code, so a regression shows as a failed demo.
 */
final class DemoCommand implements Command {

    private final Map<String, Command> registry;

    DemoCommand(Map<String, Command> registry) {
        this.registry = registry;
    }

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "setup, every study at --scale quick, the report, the baseline check: the README's main job";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        if (List.of(args).contains("--help")) {
            out.println("usage: ./mixup demo [--scale smoke|quick] [--out DIR] [--seed N] [--seeds N] [--engine fast|dl4j]");
            out.println("  --seeds 3 or more gives every study's claims intervals and verdicts (about three times as long)");
            return 0;
        }
        Map<String, String> given = new java.util.HashMap<>(Map.of("--scale", "quick", "--out",
                CommonOptions.DEFAULT_OUT.toString(), "--seed", "0", "--seeds", "1", "--engine", ""));
        for (int i = 0; i < args.length; i += 2) {
            if (!given.containsKey(args[i]) || i + 1 >= args.length) {
                err.println("mixup demo: unknown option or missing value: " + args[i]);
                return 2;
            }
            given.put(args[i], args[i + 1]);
        }
        String scale = given.get("--scale");
        String runs = given.get("--out");
        List<String> studyList = new java.util.ArrayList<>(List.of("--scale", scale, "--out", runs, "--seed", given.get("--seed"),
                "--seeds", given.get("--seeds")));
        if (!given.get("--engine").isEmpty()) {
            studyList.addAll(List.of("--engine", given.get("--engine")));
        }
        String[] studyArgs = studyList.toArray(String[]::new);
        int code = registry.get("setup").run(new String[0], out, err);
        if (code != 0) {
            return code;
        }
        List<Command> studies = registry.values().stream().filter(Command::inDemo).toList();
        for (Command c : studies) {
            if (c instanceof StudyCommand sc) {
                sc.holdFindings();
            }
            out.println("== " + c.name() + " ==");
            code = c.run(studyArgs, out, err);
            if (code != 0) {
                return code;
            }
        }
        Command report = registry.get("report");
        Command check = registry.get("check");
        if (report == null || check == null) {
            out.println("runs are under " + runs);
            return 0;
        }
        out.println("== report ==");
        java.io.ByteArrayOutputStream reportOut = new java.io.ByteArrayOutputStream();
        code = report.run(new String[] {"--runs", runs}, new PrintStream(reportOut, true, StandardCharsets.UTF_8), err);
        String reportText = reportOut.toString(StandardCharsets.UTF_8);
        // the page's "open ..." line is the demo's last word, below the findings, where it cannot scroll away
        String open = reportText.lines().filter(l -> l.startsWith("open ")).findFirst().orElse(null);
        reportText.lines().filter(l -> !l.startsWith("open ")).forEach(out::println);
        if (code != 0) {
            return code;
        }
        Path baseline = SetupCommand.home().resolve("baselines").resolve(scale + ".json");
        if (!Files.isRegularFile(baseline)) {
            out.println("no baseline for scale " + scale + " (" + baseline + "); check skipped");
            printFindings(studies, seedCount(given.get("--seeds")), out);
            printOpen(open, out);
            return 0;
        }
        out.println("== check against baselines/" + baseline.getFileName() + " ==");
        // only what failed, and the count: ./mixup check prints every line
        java.io.ByteArrayOutputStream checkOut = new java.io.ByteArrayOutputStream();
        code = check.run(new String[] {"--baseline", baseline.toString(), "--runs", runs},
                new PrintStream(checkOut, true, StandardCharsets.UTF_8), err);
        checkOut.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("ok ")).forEach(out::println);
        out.println("(each check: ./mixup check --baseline baselines/" + baseline.getFileName() + " --runs " + runs + ")");
        printFindings(studies, seedCount(given.get("--seeds")), out);
        printOpen(open, out);
        return code;
    }

    private static int seedCount(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 1; // the studies have refused it already
        }
    }

    private static void printOpen(String open, PrintStream out) {
        if (open != null) {
            out.println();
            out.println(open);
        }
    }

    /** The demo's last word: every study's claims with their verdicts, as the report's page opens. */
    private static void printFindings(List<Command> studies, int seeds, PrintStream out) {
        out.println();
        out.println("== findings across studies: does the paper's claim hold here? ==");
        out.println(Findings.TABLE_HEADER);
        for (Command c : studies) {
            if (c instanceof StudyCommand sc && sc.lastMetrics() != null) {
                Findings.print(StudyCommand.findings(Json.readObject(sc.lastMetrics())), c.name(), out);
            }
        }
        if (seeds < PairedTest.MIN_SEEDS) {
            out.println("fewer than " + PairedTest.MIN_SEEDS + " seeds give a direction, not a verdict: ./mixup demo --seeds "
                    + PairedTest.MIN_SEEDS + " for verdicts");
        }
    }
}
