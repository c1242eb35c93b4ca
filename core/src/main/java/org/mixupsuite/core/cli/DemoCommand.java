package org.mixupsuite.core.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./mixup demo}: the README's main job. Setup, every available study at quick scale (each its
 * own run folder), then the report and the baseline check when those commands are available.
 */
final class DemoCommand implements Command {

    private static final List<String> STUDIES = List.of("corrupt-labels", "speech", "adversarial", "gan");

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
        return "setup, then every study at --scale quick, then the report: the README's main job";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        if (List.of(args).contains("--help")) {
            out.println("usage: ./mixup demo [--scale smoke|quick] [--out DIR] [--seed N]");
            return 0;
        }
        List<String> passThrough = new ArrayList<>(List.of("--scale", "quick"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!List.of("--scale", "--out", "--seed").contains(args[i])) {
                err.println("mixup demo: unknown option " + args[i]);
                return 2;
            }
            passThrough.addAll(List.of(args[i], args[i + 1]));
        }
        int code = registry.get("setup").run(new String[0], out, err);
        if (code != 0) {
            return code;
        }
        List<String> skipped = new ArrayList<>();
        for (String study : STUDIES) {
            Command c = registry.get(study);
            if (c == null) {
                skipped.add(study);
                continue;
            }
            out.println("== " + study + " ==");
            code = c.run(passThrough.toArray(String[]::new), out, err);
            if (code != 0) {
                return code;
            }
        }
        if (!skipped.isEmpty()) {
            out.println("not yet available in this version, skipped: " + String.join(", ", skipped));
        }
        Command report = registry.get("report");
        if (report != null) {
            return report.run(new String[0], out, err);
        }
        out.println("runs are under reports/runs/ (the report command is not yet available)");
        return 0;
    }
}
