package org.mixupsuite.core.train;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mixupsuite.core.run.AtomicFiles;
import org.mixupsuite.core.run.ConditionContext;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How well a classifier's confidence (its top softmax probability) matches its accuracy, as Guo et
 * al. (ICML 2017) measure it: the predictions are put into equal-width confidence bins, and the
 * expected calibration error is the bins' |accuracy − mean confidence| weighted by their share of
 * the predictions. A follow-up literature claim (Thulasidasan et al., NeurIPS 2019) is that mixup
 * lowers it against ERM; the bins are what a reliability diagram draws.
 *
 * @param ece        expected calibration error in % (0: confidence equals accuracy in every bin)
 * @param counts     predictions per bin
 * @param confidence mean confidence per bin in % (NaN for an empty bin)
 * @param accuracy   accuracy per bin in % (NaN for an empty bin)
 */
public record Calibration(double ece, int[] counts, double[] confidence, double[] accuracy) {

    /** Guo et al.'s number of bins. */
    public static final int BINS = 15;

    /** From each prediction's confidence (in [0, 1]) and whether it was right. */
    public static Calibration of(double[] confidences, boolean[] correct) {
        int[] counts = new int[BINS];
        double[] confidenceSum = new double[BINS];
        double[] rightSum = new double[BINS];
        for (int i = 0; i < confidences.length; i++) {
            // bins (k/15, (k+1)/15]; a confidence of 0 (impossible for a softmax) joins the first
            int bin = Math.max(0, Math.min(BINS - 1, (int) Math.ceil(confidences[i] * BINS) - 1));
            counts[bin]++;
            confidenceSum[bin] += confidences[i];
            rightSum[bin] += correct[i] ? 1 : 0;
        }
        double[] confidence = new double[BINS];
        double[] accuracy = new double[BINS];
        double ece = 0;
        for (int b = 0; b < BINS; b++) {
            confidence[b] = counts[b] == 0 ? Double.NaN : 100 * confidenceSum[b] / counts[b];
            accuracy[b] = counts[b] == 0 ? Double.NaN : 100 * rightSum[b] / counts[b];
            if (counts[b] > 0) {
                ece += (double) counts[b] / confidences.length * Math.abs(accuracy[b] - confidence[b]);
            }
        }
        return new Calibration(confidences.length == 0 ? Double.NaN : ece, counts, confidence, accuracy);
    }

    /** Where a condition's bins for one seed go: {@code reliability/<method>/<condition>-seed<N>.csv}. */
    public static Path file(Path runDirectory, String method, String condition, long seed) {
        return runDirectory.resolve(FOLDER).resolve(method).resolve(condition + "-seed" + seed + ".csv");
    }

    /** The folder of a run that holds the bins. */
    public static final String FOLDER = "reliability";

    /**
     * The trained network's calibration on a study's test rows, its bins written for the run's
     * reliability diagram; {@code method} names the colour the diagram draws it in (erm, mixup, ...).
     */
    public static Calibration measure(ConditionContext ctx, String method, String condition, Network net,
                                      INDArray features, int[] labels, int batchSize) throws IOException {
        Calibration c = Evaluation.calibration(net, features, labels, batchSize);
        c.write(file(ctx.runDirectory(), method, condition, ctx.seed()));
        return c;
    }

    /**
     * The bins as a CSV file ({@code bin, low, high, count, confidence, accuracy}, in %), written
     * atomically: one file per condition and seed under the run's {@value #FOLDER} folder, which
     * {@code core.charts.ReliabilityDiagram} draws.
     */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.DEFAULT.builder()
                    .setHeader("bin", "low", "high", "count", "confidence", "accuracy").get());
            for (int b = 0; b < BINS; b++) {
                csv.printRecord(b, 100.0 * b / BINS, 100.0 * (b + 1) / BINS, counts[b],
                        Double.isNaN(confidence[b]) ? "" : confidence[b], Double.isNaN(accuracy[b]) ? "" : accuracy[b]);
            }
            csv.flush();
        });
    }
}
