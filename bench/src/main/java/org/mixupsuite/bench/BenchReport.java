package org.mixupsuite.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mixupsuite.core.charts.Charts;
import org.mixupsuite.core.charts.Palette;
import org.mixupsuite.core.run.AtomicFiles;
import org.mixupsuite.core.run.RunResults;
import org.mixupsuite.core.stats.Interval;

/** The benchmark's chart (examples/s, DL4J beside PyTorch) and its Markdown table with the ratios. */
final class BenchReport {

    private BenchReport() {
    }

    static void write(RunResults<Workload> results, Path dir) throws IOException {
        List<Charts.Bar> bars = new ArrayList<>();
        StringBuilder md = new StringBuilder("| workload | threads | DL4J | PyTorch | DL4J / PyTorch |\n|---|---|---|---|---|\n");
        for (Workload w : results.byCondition().keySet()) {
            if (!w.framework().equals("dl4j")) {
                continue;
            }
            Workload peer = new Workload(w.workload(), "pytorch", w.threads());
            boolean hasPeer = results.byCondition().containsKey(peer);
            String figure = w.workload().equals("mlp-mixup-ratio") ? "mixup_erm_step_ratio" : "examples_per_s";
            Interval mine = results.figure(w, figure);
            Interval theirs = hasPeer ? results.figure(peer, figure) : null;
            md.append("| ").append(w.workload()).append(" (").append(figure.replace('_', ' ')).append(") | ")
                    .append(w.threads()).append(" | ").append(format(mine)).append(" | ")
                    .append(theirs == null ? "not measured" : format(theirs)).append(" | ")
                    .append(theirs == null || figure.contains("ratio") ? "" : String.format(Locale.ROOT, "%.2f", mine.mean() / theirs.mean()))
                    .append(" |\n");
            if (figure.equals("examples_per_s")) {
                String category = w.workload() + ", " + w.threads() + " thread" + (w.threads() > 1 ? "s" : "");
                bars.add(new Charts.Bar(category, "DL4J (this suite)", Palette.MIXUP, mine.mean(), mine.ci95()));
                if (theirs != null) {
                    bars.add(new Charts.Bar(category, "PyTorch peer", Palette.REFERENCE, theirs.mean(), theirs.ci95()));
                }
            }
        }
        AtomicFiles.write(dir.resolve("bench.md"), md.toString().getBytes(StandardCharsets.UTF_8));
        if (!bars.isEmpty()) {
            Charts.savePng(Charts.bars("Training throughput, batch 128 (bars: 95% interval over repeats)", "workload",
                    "examples per second", bars, List.of()), dir.resolve("throughput.png"));
        }
    }

    private static String format(Interval v) {
        String mean = v.mean() >= 100 ? String.format(Locale.ROOT, "%,.0f", v.mean()) : String.format(Locale.ROOT, "%.3f", v.mean());
        return v.n() > 1 ? mean + " ± " + (v.ci95() >= 100 ? String.format(Locale.ROOT, "%,.0f", v.ci95())
                : String.format(Locale.ROOT, "%.3f", v.ci95())) : mean;
    }
}
