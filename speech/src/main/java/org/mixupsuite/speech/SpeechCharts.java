package org.mixupsuite.speech;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.mixupsuite.core.charts.Charts;
import org.mixupsuite.core.charts.Heatmap;
import org.mixupsuite.core.charts.ImageGrid;
import org.mixupsuite.core.charts.Palette;
import org.mixupsuite.core.run.RunResults;
import org.mixupsuite.core.stats.Interval;

/**
 * The study's charts: validation error over epochs per model, the final errors as bars beside the
 * paper's, a test confusion matrix per model and method, and one spectrogram per word.
 */
final class SpeechCharts {

    private SpeechCharts() {
    }

    static void draw(RunResults<SpeechCondition> results, SpeechData data, Path dir) throws IOException {
        List<SpeechCondition> all = List.copyOf(results.byCondition().keySet());
        List<String> models = all.stream().map(SpeechCondition::model).distinct().toList();
        List<Charts.Bar> bars = new ArrayList<>();
        for (String model : models) {
            List<SpeechCondition> cells = all.stream().filter(c -> c.model().equals(model)).toList();
            String name = SpeechModels.label(model);
            JFreeChart curves = Charts.line("Validation error over training, " + name + results.intervalNote("band"),
                    "epoch", "validation error (%)", curves(results, cells), List.of());
            ((XYPlot) curves.getPlot()).getDomainAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            Charts.savePng(curves, dir.resolve("validation-error-" + model + ".png"));
            for (SpeechCondition c : cells) {
                Interval val = results.figure(c, "val_error");
                Interval test = results.figure(c, "test_error");
                bars.add(new Charts.Bar(name + " validation", c.methodLabel(), color(c, cells), val.mean(), val.ci95()));
                bars.add(new Charts.Bar(name + " test", c.methodLabel(), color(c, cells), test.mean(), test.ci95()));
                confusion(results, c, data.layout().words(), dir);
            }
        }
        Charts.savePng(Charts.bars("Final error per model and method" + results.intervalNote("bars"), "",
                "error (%)", bars, List.of()), dir.resolve("final-errors.png"));
        spectrograms(data, dir.resolve("spectrograms.png"));
    }

    private static List<Charts.Series> curves(RunResults<SpeechCondition> results, List<SpeechCondition> cells) {
        List<Charts.Series> out = new ArrayList<>();
        for (SpeechCondition c : cells) {
            out.add(Charts.Series.of(c.methodLabel(), color(c, cells), results.steps(c, "epoch"),
                    results.curve(c, "val_error"), false).within(0, 100));
        }
        return out;
    }

    /** The test confusion matrix summed over the seeds whose models are kept. */
    private static void confusion(RunResults<SpeechCondition> results, SpeechCondition c, List<String> words, Path dir)
            throws IOException {
        long[][] sum = null;
        for (var r : results.byCondition().get(c)) {
            Path f = ModelFiles.confusion(dir.resolve(ModelFiles.DIR), c.slug(), r.seed());
            if (Files.isRegularFile(f)) {
                long[][] counts = ModelFiles.readConfusion(f);
                sum = sum == null ? counts : Confusion.add(sum, counts);
            }
        }
        if (sum != null) {
            drawConfusion("Test confusion, " + SpeechModels.label(c.model()) + " " + c.methodLabel(), words, sum,
                    dir.resolve("confusion-" + c.slug() + ".png"));
        }
    }

    static void drawConfusion(String title, List<String> words, long[][] counts, Path file) throws IOException {
        String[] labels = words.toArray(String[]::new);
        Heatmap.savePng(Heatmap.chart(title + String.format(java.util.Locale.ROOT, " (error %.1f%%)",
                        Confusion.errorPercent(counts)), "predicted word", "spoken word", labels, labels,
                Confusion.rowPercent(counts), 100, "% of the spoken word's clips"), labels.length, file);
    }

    /** The first validation clip of every word, as the network sees it before pooling. */
    private static void spectrograms(SpeechData data, Path file) throws IOException {
        List<ImageGrid.Tile> tiles = new ArrayList<>();
        Spectrogram spec = new Spectrogram();
        List<String> words = data.layout().words();
        for (int w = 0; w < words.size(); w++) {
            for (int i = 0; i < data.validation().count(); i++) {
                if (data.validation().labels()[i] == w) {
                    tiles.add(new ImageGrid.Tile(words.get(w), lowAtBottom(spec.compute(data.validation().waveforms()[i]))));
                    break;
                }
            }
        }
        if (!tiles.isEmpty()) {
            ImageGrid.savePng("Normalized log spectrograms, one validation clip per word",
                    "x: time 0-1 s (101 frames of 10 ms); y: frequency 0-8 kHz (160 bins of 50 Hz), low at the bottom",
                    tiles, 6, 1, file);
        }
    }

    private static float[][] lowAtBottom(float[] spec) {
        float[][] rows = new float[Spectrogram.BINS][Spectrogram.FRAMES];
        for (int k = 0; k < Spectrogram.BINS; k++) {
            System.arraycopy(spec, k * Spectrogram.FRAMES, rows[Spectrogram.BINS - 1 - k], 0, Spectrogram.FRAMES);
        }
        return rows;
    }

    private static Color color(SpeechCondition c, List<SpeechCondition> cells) {
        List<SpeechCondition> same = cells.stream().filter(o -> o.method().equals(c.method())).toList();
        return Palette.method(c.method().label(), same.indexOf(c), same.size());
    }
}
