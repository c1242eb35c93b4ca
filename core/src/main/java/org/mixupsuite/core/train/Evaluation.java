package org.mixupsuite.core.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Predictions and error rates, computed in inference mode in batches. */
public final class Evaluation {

    /** Rows a pass takes by default. */
    public static final int BATCH = 1000;

    private Evaluation() {
    }

    /** The arg-max class of every row. */
    public static int[] predict(Network net, INDArray features) {
        return predict(net, features, BATCH);
    }

    /** The arg-max class of every row, {@code batchSize} rows at a time (smaller for large CNN inputs). */
    public static int[] predict(Network net, INDArray features, int batchSize) {
        int n = (int) features.rows();
        int[] out = new int[n];
        for (int start = 0; start < n; start += batchSize) {
            int end = Math.min(n, start + batchSize);
            INDArray probs = net.output(features.get(NDArrayIndex.interval(start, end), NDArrayIndex.all()));
            int[] arg = probs.argMax(1).toIntVector();
            System.arraycopy(arg, 0, out, start, arg.length);
        }
        return out;
    }

    /** The network's calibration on these rows ({@link Calibration}), {@code batchSize} rows at a time. */
    public static Calibration calibration(Network net, INDArray features, int[] labels, int batchSize) {
        int n = (int) features.rows();
        double[] confidence = new double[n];
        boolean[] correct = new boolean[n];
        for (int start = 0; start < n; start += batchSize) {
            int end = Math.min(n, start + batchSize);
            float[][] probs = net.output(features.get(NDArrayIndex.interval(start, end), NDArrayIndex.all())).toFloatMatrix();
            for (int i = 0; i < probs.length; i++) {
                int top = 0;
                for (int c = 1; c < probs[i].length; c++) {
                    top = probs[i][c] > probs[i][top] ? c : top;
                }
                confidence[start + i] = probs[i][top];
                correct[start + i] = top == labels[start + i];
            }
        }
        return Calibration.of(confidence, correct);
    }

    /** The same, {@value #BATCH} rows at a time. */
    public static Calibration calibration(Network net, INDArray features, int[] labels) {
        return calibration(net, features, labels, BATCH);
    }

    /**
     * Top-1 and top-k error in % of the network on these rows: a row counts as right at k when its
     * label is among the k most probable classes.
     */
    public static double[] topErrors(Network net, INDArray features, int[] labels, int k) {
        int n = (int) features.rows();
        int wrong1 = 0;
        int wrongK = 0;
        for (int start = 0; start < n; start += BATCH) {
            int end = Math.min(n, start + BATCH);
            float[][] probs = net.output(features.get(NDArrayIndex.interval(start, end), NDArrayIndex.all())).toFloatMatrix();
            for (int i = 0; i < probs.length; i++) {
                int rivals = rivals(probs[i], labels[start + i]);
                wrong1 += rivals >= 1 ? 1 : 0;
                wrongK += rivals >= k ? 1 : 0;
            }
        }
        return new double[] {100.0 * wrong1 / n, 100.0 * wrongK / n};
    }

    /**
     * Classes other than the label scored at least as high as it. A tie counts against the label:
     * when the softmax saturates, many classes share a probability of exactly 0 (or 1), and counting
     * only strictly higher ones would call a label right at k that merely ties with the k-th.
     */
    static int rivals(float[] probs, int label) {
        float mine = probs[label];
        int rivals = 0;
        for (int c = 0; c < probs.length; c++) {
            if (c != label && probs[c] >= mine) {
                rivals++;
            }
        }
        return rivals;
    }

    /**
     * How close to chance a model may stay and still count as having learned: a training error on
     * correctly labelled examples of at least this share of the chance error (90% for ten classes,
     * so 72%) is "did not learn", and no claim may be decided with such an arm.
     */
    public static final double NEAR_CHANCE = 0.8;

    /** Whether a training error (%) on correctly labelled examples is clear of chance for this many classes. */
    public static boolean learned(double trainErrorPercent, int classes) {
        double chance = 100.0 * (1 - 1.0 / classes);
        return trainErrorPercent < NEAR_CHANCE * chance;
    }

    /** Error in % over all rows. */
    public static double errorPercent(int[] predicted, int[] labels) {
        return errorPercent(predicted, labels, null, true);
    }

    /**
     * Error in % over the rows whose mask entry equals {@code select} (all rows when mask is null);
     * NaN when no row is selected.
     */
    public static double errorPercent(int[] predicted, int[] labels, boolean[] mask, boolean select) {
        int wrong = 0;
        int counted = 0;
        for (int i = 0; i < labels.length; i++) {
            if (mask != null && mask[i] != select) {
                continue;
            }
            counted++;
            if (predicted[i] != labels[i]) {
                wrong++;
            }
        }
        return counted == 0 ? Double.NaN : 100.0 * wrong / counted;
    }
}
