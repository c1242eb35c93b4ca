package org.mixupsuite.gan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.random.Well19937c;
import org.jfree.chart.JFreeChart;
import org.mixupsuite.core.charts.Charts;
import org.mixupsuite.core.charts.Palette;
import org.mixupsuite.core.charts.ScatterGrid;
import org.mixupsuite.core.run.Json;
import org.mixupsuite.core.run.RunResults;

/**
 * The paper's figure (per data set, real points in blue and generated ones in orange at growing
 * iteration counts, ERM and mixup rows, first seed) and modes covered and reached over training per
 * method and mixing form.
 */
final class GanCharts {

    private GanCharts() {
    }

    static void draw(RunResults<GanCondition> results, GanSettings settings, Path dir) throws IOException {
        List<String> datasets = results.byCondition().keySet().stream().map(GanCondition::dataset).distinct().toList();
        long firstSeed = results.results().get(0).seed();
        for (String dataset : datasets) {
            List<GanCondition> cells = results.byCondition().keySet().stream().filter(c -> c.dataset().equals(dataset)).toList();
            ToyDistribution data = ToyDistribution.of(dataset, settings.std());
            List<float[]> real = new ArrayList<>();
            float[][] drawn = data.sample(500, new Well19937c(1)).toFloatMatrix();
            java.util.Collections.addAll(real, drawn);
            List<Integer> iterations = settings.scatterIterations();
            ScatterGrid.Panel[][] panels = new ScatterGrid.Panel[cells.size()][iterations.size()];
            for (int r = 0; r < cells.size(); r++) {
                Path file = dir.resolve(GanExperiment.SAMPLES).resolve(cells.get(r).slug() + "-seed" + firstSeed + ".json");
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                Map<String, Object> byIteration = Json.readObject(file);
                for (int c = 0; c < iterations.size(); c++) {
                    Object points = byIteration.get(String.valueOf(iterations.get(c)));
                    if (points instanceof List<?> list) {
                        panels[r][c] = new ScatterGrid.Panel(List.of(
                                new ScatterGrid.Points("real", Palette.REAL, real),
                                new ScatterGrid.Points("generated", Palette.GENERATED, toPoints(list))));
                    }
                }
            }
            ScatterGrid.savePng(dataset + ": real (blue) and generated (orange) samples over training, seed " + firstSeed,
                    cells.stream().map(GanCondition::label).toList(),
                    iterations.stream().map(i -> "iteration " + i).toList(), panels, 1.6,
                    dir.resolve("samples-" + dataset + ".png"));

            for (String figure : List.of("modes_covered", "modes_reached")) {
                String words = figure.replace('_', ' ');
                List<Charts.Series> curves = new ArrayList<>();
                List<GanCondition> mixups = cells.stream().filter(c -> c.method().mixes()).toList();
                for (GanCondition c : cells) {
                    // one hue per method, a shade per mixing form and alpha, so the forms stay apart
                    curves.add(Charts.Series.of(c.label(), Palette.method(c.method().label(), Math.max(0, mixups.indexOf(c)),
                            c.method().mixes() ? mixups.size() : 1), results.steps(c, "iteration"), results.curve(c, figure), false)
                            .within(0, Double.POSITIVE_INFINITY));
                }
                // chance: the same count for a diffuse sampler over the modes' box, measured in every run
                double chance = cells.stream().mapToDouble(c -> results.figure(c, figure + "_chance").mean())
                        .filter(Double::isFinite).average().orElse(Double.NaN);
                List<Charts.Reference> refs = new ArrayList<>(List.of(new Charts.Reference("all modes", data.modes().length,
                        Palette.REFERENCE)));
                if (Double.isFinite(chance)) {
                    refs.add(new Charts.Reference(String.format(Locale.ROOT, "diffuse sampler (chance): %.1f", chance),
                            chance, Palette.REFERENCE));
                }
                JFreeChart chart = Charts.line(dataset + ": " + words + " over training" + results.intervalNote("band"),
                        "iteration", words + " (of " + data.modes().length + ")", curves, refs);
                // the full count range always: an all-zero curve otherwise gets an axis of +-5e-9
                chart.getXYPlot().getRangeAxis().setRange(0, data.modes().length + 0.5);
                // why a generator whose sample picture traces the modes can still score 0 here
                chart.addSubtitle(new org.jfree.chart.title.TextTitle(figure.startsWith("modes_covered")
                        ? "covered: at least 0.25/" + data.modes().length + " of the samples within 3 std of the mode;"
                                + " samples spread between the modes (see the samples figure) reach them without covering them"
                        : "reached: any sample within 3 std of the mode; a diffuse sampler reaches many",
                        Charts.TICK));
                Charts.savePng(chart, dir.resolve(figure.replace('_', '-') + "-" + dataset + ".png"));
            }
        }
    }

    private static List<float[]> toPoints(List<?> list) {
        List<float[]> out = new ArrayList<>();
        for (Object o : list) {
            List<?> p = (List<?>) o;
            out.add(new float[] {((Number) p.get(0)).floatValue(), ((Number) p.get(1)).floatValue()});
        }
        return out;
    }
}
