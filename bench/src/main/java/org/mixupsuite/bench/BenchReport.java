package org.mixupsuite.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mixupsuite.core.charts.Charts;
import org.mixupsuite.core.charts.Palette;
import org.mixupsuite.core.run.AtomicFiles;
import org.mixupsuite.core.run.RunResults;
import org.mixupsuite.core.stats.Interval;

/**
 * The benchmark's Markdown table (one row per DL4J figure, beside its PyTorch peer and the ratio),
 * the targets checked against the measured figures, and two charts: the rates, and DL4J /
 * PyTorch per workload.
 */
final class BenchReport {

    /** The targets: mixup costs at most 3% more per step, features at least 5x training, FGSM at least 1x. */
    static final double MIXUP_RATIO_MAX = 1.03;
    static final double PIPELINE_RATIO_MIN = 5;
    static final double FGSM_RATIO_MIN = 1;

    private BenchReport() {
    }

    /** Suffix of the peer's figure for the plain PyTorch loop (examples_per_s_plain). */
    static final String PLAIN = "_plain";

    static void write(RunResults<Workload> results, Path dir) throws IOException {
        String md = table(results) + "\n" + targets(results) + shippedTable(results);
        AtomicFiles.write(dir.resolve("bench.md"), md.getBytes(StandardCharsets.UTF_8));
        List<Charts.Bar> rates = new ArrayList<>();
        List<Charts.Bar> ratios = new ArrayList<>();
        for (Workload w : dl4j(results)) {
            if (w.figure().endsWith("_ratio")) {
                continue;
            }
            String category = w.workload().label() + " (" + unit(w.figure()) + "), " + w.threads() + "t";
            Interval mine = results.figure(w, w.figure());
            rates.add(new Charts.Bar(category, "DL4J (this suite)", Palette.MIXUP, mine.mean(), mine.ci95()));
            Optional<Interval> theirs = peer(results, w);
            if (theirs.isPresent()) {
                rates.add(new Charts.Bar(category, "PyTorch peer", Palette.REFERENCE, theirs.get().mean(), theirs.get().ci95()));
                ratios.add(new Charts.Bar(w.workload().label() + ", " + w.threads() + "t", "DL4J / PyTorch", Palette.MIXUP,
                        mine.mean() / theirs.get().mean(), 0));
            }
        }
        if (!rates.isEmpty()) {
            Charts.savePng(Charts.bars("Throughput per workload (bars: 95% interval over repeats)", "workload",
                    "per second", rates, List.of()), dir.resolve("throughput.png"));
        }
        if (!ratios.isEmpty()) {
            Charts.savePng(Charts.bars("DL4J / PyTorch, same workload and threads (1 = as fast)", "workload",
                    "DL4J rate / PyTorch rate", ratios, List.of(new Charts.Reference("as fast", 1, Palette.REFERENCE))),
                    dir.resolve("dl4j-vs-pytorch.png"));
        }
    }

    /**
     * One row per DL4J figure, in plan order. Two PyTorch columns where the peer measured both: the
     * same work as the suite (random-gather batches, soft targets), the fair comparison of engines;
     * and the plain loop a PyTorch user writes (contiguous slices, integer labels), what someone who
     * switches would see.
     */
    static String table(RunResults<Workload> results) {
        StringBuilder md = new StringBuilder("| workload | figure | threads | DL4J | PyTorch | DL4J / PyTorch "
                + "| PyTorch plain loop | DL4J / plain |\n|---|---|---|---|---|---|---|---|\n");
        for (Workload w : dl4j(results)) {
            Interval mine = results.figure(w, w.figure());
            Optional<Interval> theirs = peer(results, w);
            String ratio = theirs.isEmpty() || w.figure().endsWith("_ratio") ? ""
                    : String.format(Locale.ROOT, "%.2f", mine.mean() / theirs.get().mean());
            Optional<Interval> plain = peer(results, w, w.figure() + PLAIN);
            md.append("| ").append(w.workload().label()).append(" | ").append(w.figure().replace('_', ' ')).append(" | ")
                    .append(w.threads()).append(" | ").append(format(mine)).append(" | ")
                    .append(theirs.map(BenchReport::format).orElse(w.workload().hasPeer() ? "not measured" : "no peer"))
                    .append(" | ").append(ratio).append(" | ").append(plain.map(BenchReport::format).orElse(""))
                    .append(" | ").append(plain.map(p -> String.format(Locale.ROOT, "%.2f", mine.mean() / p.mean())).orElse(""))
                    .append(" |\n");
        }
        return md.toString();
    }

    /**
     * With {@code --shipped}: per workload the fast engine's figure, DL4J's as shipped, and the
     * speed-up (fast / shipped), both measured in this run.
     */
    static String shippedTable(RunResults<Workload> results) {
        StringBuilder md = new StringBuilder("\n| workload | figure | threads | fast engine | DL4J as shipped | speed-up |\n"
                + "|---|---|---|---|---|---|\n");
        boolean any = false;
        for (Workload w : dl4j(results)) {
            Workload shipped = new Workload(w.workload(), Workload.Framework.DL4J_SHIPPED, w.threads());
            if (!results.byCondition().containsKey(shipped) || w.figure().endsWith("_ratio")) {
                continue;
            }
            any = true;
            Interval fast = results.figure(w, w.figure());
            Interval dl4j = results.figure(shipped, w.figure());
            md.append("| ").append(w.workload().label()).append(" | ").append(w.figure().replace('_', ' ')).append(" | ")
                    .append(w.threads()).append(" | ").append(format(fast)).append(" | ").append(format(dl4j)).append(" | ")
                    .append(fixed(fast.mean() / dl4j.mean())).append(" |\n");
        }
        return any ? md.toString() : "";
    }

    /** The targets, each with the measured figure and whether it is met; workloads not run are left out. */
    static String targets(RunResults<Workload> results) {
        StringBuilder md = new StringBuilder("| target | measured | met |\n|---|---|---|\n");
        find(results, Workload.Task.MLP_MIXUP_RATIO).ifPresent(w -> {
            double r = results.figure(w, "mixup_erm_step_ratio").mean();
            md.append(row("mixup / ERM step time (MLP, interleaved) <= " + MIXUP_RATIO_MAX, fixed(r), r <= MIXUP_RATIO_MAX));
            // runs made before these figures existed lack them
            if (results.figure(w, "mix_share_of_erm_step").n() > 0) {
                double median = results.figure(w, "mixup_erm_step_ratio_median").mean();
                double share = results.figure(w, "mix_share_of_erm_step").mean();
                md.append(row("the same, median over blocks of ten steps", fixed(median), median <= MIXUP_RATIO_MAX));
                md.append(row("mixup's own operations (partner rows, two weighted sums) / ERM step <= "
                        + percent(MIXUP_RATIO_MAX - 1), percent(share), share <= MIXUP_RATIO_MAX - 1));
            }
        });
        find(results, Workload.Task.SPEECH_PIPELINE).ifPresent(w -> {
            double r = results.figure(w, "pipeline_train_ratio").mean();
            md.append(row("speech features (augmented) clips/s >= " + fixed(PIPELINE_RATIO_MIN) + " x LeNet training examples/s",
                    fixed(r) + " x (" + format(results.figure(w, "clips_per_s")) + " vs "
                            + format(results.figure(w, "train_examples_per_s")) + ")", r >= PIPELINE_RATIO_MIN));
            for (Workload.Task model : List.of(Workload.Task.SPEECH_LENET, Workload.Task.SPEECH_VGG)) {
                find(results, model).ifPresent(m -> {
                    double q = results.figure(w, "clips_per_s").mean() / results.figure(m, "examples_per_s").mean();
                    md.append(row("speech features clips/s >= " + fixed(PIPELINE_RATIO_MIN) + " x " + model
                            + " training examples/s (its own process, " + m.threads() + " thread)",
                            fixed(q) + " x", q >= PIPELINE_RATIO_MIN));
                });
            }
            md.append("| share of the loop's time waiting for features, the epoch featurized up front (as the study does) | ")
                    .append(percent(results.figure(w, "data_wait_share").mean())).append(" | |\n");
            md.append("| the same, next batches featurized on another thread | ")
                    .append(percent(results.figure(w, "data_wait_share_prefetch").mean())).append(" | |\n");
        });
        find(results, Workload.Task.FGSM).ifPresent(w -> {
            double r = results.figure(w, "fgsm_train_ratio").mean();
            md.append(row("FGSM examples/s >= " + fixed(FGSM_RATIO_MIN) + " x training examples/s (same MLP)",
                    fixed(r) + " x (" + format(results.figure(w, "fgsm_examples_per_s")) + " vs "
                            + format(results.figure(w, "train_examples_per_s")) + ")", r >= FGSM_RATIO_MIN));
        });
        return md.toString();
    }

    private static List<Workload> dl4j(RunResults<Workload> results) {
        return results.byCondition().keySet().stream().filter(w -> w.framework() == Workload.Framework.DL4J).toList();
    }

    private static Optional<Workload> find(RunResults<Workload> results, Workload.Task workload) {
        return dl4j(results).stream().filter(w -> w.workload() == workload).findFirst();
    }

    private static Optional<Interval> peer(RunResults<Workload> results, Workload w) {
        return peer(results, w, w.figure());
    }

    /** The peer's {@code figure} for the same workload and threads, if it measured it. */
    private static Optional<Interval> peer(RunResults<Workload> results, Workload w, String figure) {
        Workload p = new Workload(w.workload(), Workload.Framework.PYTORCH, w.threads());
        if (!results.byCondition().containsKey(p)) {
            return Optional.empty();
        }
        Interval i = results.figure(p, figure);
        return i.n() > 0 ? Optional.of(i) : Optional.empty();
    }

    private static String row(String target, String measured, boolean met) {
        return "| " + target + " | " + measured + " | " + (met ? "yes" : "**no**") + " |\n";
    }

    private static String unit(String figure) {
        return switch (figure) {
            case "iterations_per_s" -> "iterations/s";
            case "clips_per_s" -> "clips/s";
            default -> "examples/s";
        };
    }

    private static String fixed(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    private static String format(Interval v) {
        String mean = v.mean() >= 100 ? String.format(Locale.ROOT, "%,.0f", v.mean()) : String.format(Locale.ROOT, "%.3f", v.mean());
        return v.n() > 1 ? mean + " ± " + (v.ci95() >= 100 ? String.format(Locale.ROOT, "%,.0f", v.ci95())
                : String.format(Locale.ROOT, "%.3f", v.ci95())) : mean;
    }
}
