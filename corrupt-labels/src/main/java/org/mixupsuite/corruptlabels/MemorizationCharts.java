package org.mixupsuite.corruptlabels;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mixupsuite.core.charts.Charts;
import org.mixupsuite.core.charts.Palette;
import org.mixupsuite.core.run.RunResults;
import org.mixupsuite.core.stats.Interval;

/**
 * The study's charts, one set per corruption rate: test error over epochs, the memorization curve
 * (training error on corrupted labels), and best-vs-last test error with the paper's figures.
 */
final class MemorizationCharts {

    private MemorizationCharts() {
    }

    static void draw(RunResults<MemorizationCondition> results, List<Double> corruptions, Path dir) throws IOException {
        for (double rate : corruptions) {
            int pct = (int) Math.round(rate * 100);
            List<MemorizationCondition> cells = results.byCondition().keySet().stream()
                    .filter(c -> c.corruption() == rate).toList();
            if (cells.isEmpty()) {
                continue;
            }
            String suffix = String.format(Locale.ROOT, "c%02d", pct);
            Charts.savePng(Charts.line("Test error over training, " + pct + "% corrupted labels", "epoch",
                    "test error (%)", curves(results, cells, "test_error", false), List.of()),
                    dir.resolve("test-error-" + suffix + ".png"));

            List<Charts.Series> memorization = new ArrayList<>(curves(results, cells, "train_error_corrupted", false));
            memorization.addAll(curves(results, cells, "train_error_real", true));
            Charts.savePng(Charts.line("Memorization: training error on corrupted (solid) and real (dashed) labels, "
                            + pct + "% corrupted", "epoch", "training error (%)", memorization, List.of()),
                    dir.resolve("memorization-" + suffix + ".png"));

            List<Charts.Bar> bars = new ArrayList<>();
            for (MemorizationCondition c : cells) {
                Color color = color(c, cells);
                Interval best = results.figure(c, "test_error_best");
                Interval last = results.figure(c, "test_error_last");
                bars.add(new Charts.Bar("best epoch", c.methodLabel(), color, best.mean(), best.ci95()));
                bars.add(new Charts.Bar("last epoch", c.methodLabel(), color, last.mean(), last.ci95()));
            }
            Charts.savePng(Charts.bars("Test error at the best and the last epoch, " + pct
                            + "% corrupted" + results.intervalNote("bars"), "", "test error (%)", bars,
                    paperReferences(pct)), dir.resolve("best-vs-last-" + suffix + ".png"));
        }
    }

    private static List<Charts.Series> curves(RunResults<MemorizationCondition> results,
                                              List<MemorizationCondition> cells, String column, boolean dashed) {
        List<Charts.Series> out = new ArrayList<>();
        for (MemorizationCondition c : cells) {
            String name = c.methodLabel() + (dashed ? " (real labels)" : "");
            out.add(Charts.Series.of(name, color(c, cells), results.steps(c, "epoch"), results.curve(c, column), dashed).within(0, 100));
        }
        return out;
    }

    /** The method's palette color; several alphas or dropout rates of one method get shades of it. */
    private static Color color(MemorizationCondition c, List<MemorizationCondition> cells) {
        List<MemorizationCondition> same = cells.stream().filter(o -> o.method().equals(c.method())).toList();
        return Palette.method(c.method().label(), same.indexOf(c), same.size());
    }

    private static List<Charts.Reference> paperReferences(int pct) {
        List<Charts.Reference> refs = new ArrayList<>();
        PaperFigures.BestLast erm = PaperFigures.ERM.get(pct);
        PaperFigures.BestLast mixup = PaperFigures.MIXUP.get(pct);
        if (erm != null) {
            refs.add(new Charts.Reference("paper ERM best " + erm.best() + " (CIFAR-10, PreAct ResNet-18)", erm.best(),
                    Palette.ERM, false));
            refs.add(new Charts.Reference("paper ERM last " + erm.last(), erm.last(), Palette.ERM, true));
        }
        if (mixup != null) {
            refs.add(new Charts.Reference("paper mixup α=" + MemorizationCondition.number(PaperFigures.MIXUP_ALPHA.get(pct))
                    + " best " + mixup.best(), mixup.best(), Palette.MIXUP, false));
            refs.add(new Charts.Reference("paper mixup last " + mixup.last(), mixup.last(), Palette.MIXUP, true));
        }
        return refs;
    }
}
