package org.mixupsuite.speech;

/** Confusion-matrix arithmetic: counts[true class][predicted class]. */
final class Confusion {

    private Confusion() {
    }

    static long[][] counts(int[] predicted, int[] labels, int classes) {
        long[][] c = new long[classes][classes];
        for (int i = 0; i < labels.length; i++) {
            c[labels[i]][predicted[i]]++;
        }
        return c;
    }

    static long[][] add(long[][] a, long[][] b) {
        long[][] out = new long[a.length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                out[i][j] = a[i][j] + b[i][j];
            }
        }
        return out;
    }

    /** Accuracy in % of each true class; NaN for a class with no example. */
    static double[] accuracyPerClass(long[][] c) {
        double[] acc = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            long row = 0;
            for (long v : c[i]) {
                row += v;
            }
            acc[i] = row == 0 ? Double.NaN : 100.0 * c[i][i] / row;
        }
        return acc;
    }

    /** Each row as % of its examples (rows with no example stay 0), for the heat map. */
    static double[][] rowPercent(long[][] c) {
        double[][] out = new double[c.length][c.length];
        for (int i = 0; i < c.length; i++) {
            long row = 0;
            for (long v : c[i]) {
                row += v;
            }
            for (int j = 0; j < c.length && row > 0; j++) {
                out[i][j] = 100.0 * c[i][j] / row;
            }
        }
        return out;
    }

    /** Error in % over all examples. */
    static double errorPercent(long[][] c) {
        long all = 0;
        long right = 0;
        for (int i = 0; i < c.length; i++) {
            for (int j = 0; j < c.length; j++) {
                all += c[i][j];
            }
            right += c[i][i];
        }
        return all == 0 ? Double.NaN : 100.0 * (all - right) / all;
    }
}
