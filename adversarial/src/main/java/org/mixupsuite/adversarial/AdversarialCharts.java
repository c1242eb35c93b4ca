package org.mixupsuite.adversarial;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.mixupsuite.core.charts.Charts;
import org.mixupsuite.core.charts.ImageGrid;
import org.mixupsuite.core.charts.Palette;
import org.mixupsuite.core.data.ImageSet;
import org.mixupsuite.core.run.MetricRow;
import org.mixupsuite.core.run.RunResults;
import org.mixupsuite.core.run.SettingText;
import org.mixupsuite.core.stats.Interval;
import org.mixupsuite.core.train.Evaluation;
import org.mixupsuite.core.train.Network;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Top-1 error against epsilon, one chart per attack and box, ERM and mixup models overlaid; and a
 * picture of adversarial examples per model.
 */
final class AdversarialCharts {

    private AdversarialCharts() {
    }

    static void draw(RunResults<TargetModel> results, List<Attack> attacks, List<Double> epsilons, Path dir)
            throws IOException {
        List<TargetModel> targets = List.copyOf(results.byCondition().keySet());
        for (Attack a : attacks) {
            String attack = a.label();
            for (String box : AdversarialExperiment.BOXES) {
                List<Charts.Series> series = new ArrayList<>();
                List<TargetModel> mixups = targets.stream().filter(t -> t.method().mixes()).toList();
                for (TargetModel t : targets) {
                    double[] x = new double[epsilons.size()];
                    double[] y = new double[x.length];
                    double[] lo = new double[x.length];
                    double[] hi = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        Interval iv = figure(results, t, attack, box, epsilons.get(i));
                        x[i] = epsilons.get(i);
                        y[i] = iv.mean();
                        lo[i] = iv.low();
                        hi[i] = iv.high();
                    }
                    series.add(new Charts.Series(t.label(), Palette.method(t.method().label(), Math.max(0, mixups.indexOf(t)),
                            Math.max(1, mixups.size())), x, y, lo, hi, false));
                }
                JFreeChart chart = Charts.line(attack.toUpperCase() + ", " + box + "-box: top-1 error against epsilon"
                                + results.intervalNote("band"), "epsilon (pixel scale 0-1)", "top-1 error (%)",
                        series, List.of(new Charts.Reference("chance", 90, Palette.REFERENCE)));
                Charts.markX(chart, new Charts.Reference("paper's ε = 4/255", AdversarialStudy.PAPER_EPSILON, Palette.REFERENCE));
                Charts.savePng(chart, dir.resolve("error-vs-epsilon-" + attack + "-" + box + ".png"));
            }
        }
    }

    private static final int PICTURED = 6;

    /**
     * A picture of the first test images: clean, the perturbation (scaled to its own range) and the
     * adversarial image, with the model's predictions, for one white-box FGSM strength.
     */
    static void examples(TargetModel target, Network net, ImageSet clean, INDArray adversarial, double epsilon, Path dir)
            throws IOException {
        int n = Math.min(PICTURED, clean.count());
        int[] cleanPred = Evaluation.predict(net, clean.features().get(NDArrayIndex.interval(0, n), NDArrayIndex.all()));
        INDArray adv = adversarial.get(NDArrayIndex.interval(0, n), NDArrayIndex.all());
        int[] advPred = Evaluation.predict(net, adv);
        float[][] x = clean.features().get(NDArrayIndex.interval(0, n), NDArrayIndex.all()).toFloatMatrix();
        float[][] xa = adv.toFloatMatrix();
        List<ImageGrid.Tile> tiles = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] delta = new float[x[i].length];
            for (int j = 0; j < delta.length; j++) {
                delta[j] = xa[i][j] - x[i][j];
            }
            tiles.add(new ImageGrid.Tile("true " + clean.labels()[i] + ", pred " + cleanPred[i], image(x[i], clean),
                    ImageGrid.Shading.GREY_UNIT));
            tiles.add(new ImageGrid.Tile("perturbation", image(delta, clean), ImageGrid.Shading.SIGNED));
            tiles.add(new ImageGrid.Tile("adversarial: pred " + advPred[i], image(xa[i], clean), ImageGrid.Shading.GREY_UNIT));
        }
        // two examples a row, at four screen pixels a pixel: the six fit a page's width in three rows
        ImageGrid.savePng(target.label() + ": white-box FGSM, ε " + SettingText.number(epsilon),
                "clean | perturbation (blue −ε, white 0, red +ε) | adversarial, in grey", tiles, 6, 4,
                dir.resolve("adversarial-examples-" + target.slug() + ".png"));
    }

    private static float[][] image(float[] row, ImageSet shape) {
        float[][] out = new float[shape.height()][shape.width()];
        for (int r = 0; r < shape.height(); r++) {
            System.arraycopy(row, r * shape.width(), out[r], 0, shape.width());
        }
        return out;
    }

    /** Top-1 error of one target at one attack point, across seeds. */
    static Interval figure(RunResults<TargetModel> results, TargetModel target, String attack, String box, double epsilon) {
        List<Double> values = new ArrayList<>();
        for (RunResults.SeedResult<TargetModel> r : results.byCondition().getOrDefault(target, List.of())) {
            for (MetricRow row : r.result().rows()) {
                // the matched strength's rows name no epsilon (it differs per seed): not on these curves
                if (row.settings().get("attack").equals(attack) && row.settings().get("box").equals(box)
                        && row.settings().get("epsilon") instanceof Number e && e.doubleValue() == epsilon
                        && row.figures().get("top1_error") instanceof Number v) {
                    values.add(v.doubleValue());
                }
            }
        }
        return Interval.of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
