package org.mixupsuite.gan;

/**
 * How well generated samples cover a mixture's modes. A sample is of high quality when it lies
 * within 3 std of some mode; a mode is covered when at least {@code share} of all samples are high-quality
 * samples of that mode (by default a quarter of the share a perfect generator would give it), and
 * reached when at least one sample is. Reached is the looser count: it tells a generator that still
 * visits a mode now and then from one that has collapsed away from it.
 */
public final class ModeCoverage {

    /** Figures for one set of samples. */
    public record Result(int modesCovered, int modesReached, int modesTotal, double highQualityFraction) {
    }

    private ModeCoverage() {
    }

    public static double defaultShare(int modes) {
        return 0.25 / modes;
    }

    /** @param xy samples as rows of (x, y) */
    public static Result measure(float[][] xy, ToyDistribution data, double share) {
        double radius = 3 * data.std();
        int[] perMode = new int[data.modes().length];
        int good = 0;
        for (float[] p : xy) {
            int nearest = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int m = 0; m < data.modes().length; m++) {
                double dx = p[0] - data.modes()[m][0];
                double dy = p[1] - data.modes()[m][1];
                double d = Math.sqrt(dx * dx + dy * dy);
                if (d < best) {
                    best = d;
                    nearest = m;
                }
            }
            if (best <= radius) {
                perMode[nearest]++;
                good++;
            }
        }
        int covered = 0;
        int reached = 0;
        for (int count : perMode) {
            if (count > 0 && count >= share * xy.length) {
                covered++;
            }
            if (count > 0) {
                reached++;
            }
        }
        return new Result(covered, reached, perMode.length, xy.length == 0 ? 0 : (double) good / xy.length);
    }
}
