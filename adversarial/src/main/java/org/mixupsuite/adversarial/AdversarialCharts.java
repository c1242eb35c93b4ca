package org.mixupsuite.adversarial;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mixupsuite.core.charts.Charts;
import org.mixupsuite.core.charts.Palette;
import org.mixupsuite.core.run.MetricRow;
import org.mixupsuite.core.run.RunResults;
import org.mixupsuite.core.stats.Interval;

/** Top-1 error against epsilon, one chart per attack and box, ERM and mixup models overlaid. */
final class AdversarialCharts {

    private AdversarialCharts() {
    }

    static void draw(RunResults<TargetModel> results, List<Double> epsilons, Path dir) throws IOException {
        List<TargetModel> targets = List.copyOf(results.byCondition().keySet());
        for (String attack : AdversarialExperiment.ATTACKS) {
            for (String box : AdversarialExperiment.BOXES) {
                List<Charts.Series> series = new ArrayList<>();
                List<TargetModel> mixups = targets.stream().filter(t -> t.method().equals("mixup")).toList();
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
                    series.add(new Charts.Series(t.label(), Palette.method(t.method(), Math.max(0, mixups.indexOf(t)),
                            Math.max(1, mixups.size())), x, y, lo, hi, false));
                }
                Charts.savePng(Charts.line(attack.toUpperCase() + ", " + box + "-box: top-1 error against epsilon "
                                + "(band: 95% interval over seeds)", "epsilon (pixel scale 0-1)", "top-1 error (%)",
                        series, List.of(new Charts.Reference("chance", 90, Palette.REFERENCE))),
                        dir.resolve("error-vs-epsilon-" + attack + "-" + box + ".png"));
            }
        }
    }

    /** Top-1 error of one target at one attack point, across seeds. */
    static Interval figure(RunResults<TargetModel> results, TargetModel target, String attack, String box, double epsilon) {
        List<Double> values = new ArrayList<>();
        for (RunResults.SeedResult<TargetModel> r : results.byCondition().getOrDefault(target, List.of())) {
            for (MetricRow row : r.result().rows()) {
                if (row.settings().get("attack").equals(attack) && row.settings().get("box").equals(box)
                        && ((Number) row.settings().get("epsilon")).doubleValue() == epsilon
                        && row.figures().get("top1_error") instanceof Number v) {
                    values.add(v.doubleValue());
                }
            }
        }
        return Interval.of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
