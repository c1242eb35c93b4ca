package org.mixupsuite.core.charts;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.mixupsuite.core.train.Calibration;

/**
 * The reliability diagram of a run: accuracy against confidence per bin, one line per condition
 * (its seeds pooled), beside the diagonal of perfect calibration. It reads the bins the study wrote
 * under {@code reliability/<method>/<condition>-seed<N>.csv} ({@link Calibration#file}), so it can
 * be redrawn from the run folder alone. Studies call {@link #drawIfAny} with their other charts.
 */
public final class ReliabilityDiagram {

    public static final String CHART = "reliability.png";

    private ReliabilityDiagram() {
    }

    /** Draws {@value #CHART} when the run wrote any bins; returns whether it did. */
    public static boolean drawIfAny(Path runDirectory) throws IOException {
        Path root = runDirectory.resolve(Calibration.FOLDER);
        if (!Files.isDirectory(root)) {
            return false;
        }
        // method -> condition -> pooled bins: count, confidence sum, right sum
        Map<String, Map<String, double[][]>> pooled = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                String method = root.relativize(f).getName(0).toString();
                String condition = f.getFileName().toString().replaceFirst("-seed-?\\d+\\.csv$", "");
                double[][] bins = pooled.computeIfAbsent(method, m -> new TreeMap<>())
                        .computeIfAbsent(condition, c -> new double[Calibration.BINS][3]);
                try (Reader r = Files.newBufferedReader(f)) {
                    for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                        int b = Integer.parseInt(rec.get("bin"));
                        int n = Integer.parseInt(rec.get("count"));
                        if (n > 0) {
                            bins[b][0] += n;
                            bins[b][1] += n * Double.parseDouble(rec.get("confidence"));
                            bins[b][2] += n * Double.parseDouble(rec.get("accuracy"));
                        }
                    }
                }
            }
        }
        if (pooled.isEmpty()) {
            return false;
        }
        List<Charts.Series> series = new ArrayList<>();
        series.add(new Charts.Series("perfect calibration", Palette.REFERENCE, new double[] {0, 100}, new double[] {0, 100},
                new double[] {Double.NaN, Double.NaN}, new double[] {Double.NaN, Double.NaN}, true));
        for (Map.Entry<String, Map<String, double[][]>> m : pooled.entrySet()) {
            int variant = 0;
            for (Map.Entry<String, double[][]> c : m.getValue().entrySet()) {
                List<double[]> points = new ArrayList<>();
                for (double[] bin : c.getValue()) {
                    if (bin[0] > 0) {
                        points.add(new double[] {bin[1] / bin[0], bin[2] / bin[0]});
                    }
                }
                series.add(Charts.Series.of(c.getKey(), Palette.method(m.getKey(), variant++, m.getValue().size()),
                        points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray()));
            }
        }
        Charts.savePng(Charts.line("Reliability: test accuracy against confidence (" + Calibration.BINS
                + " bins, seeds pooled)", "confidence (top softmax probability, %)", "accuracy (%)", series, List.of()),
                runDirectory.resolve(CHART));
        return true;
    }
}
