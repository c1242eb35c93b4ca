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

    /** A sample within this many std of a mode is of high quality. */
    static final double RADIUS_STDS = 3;
    /** Grid points across a mode's reach when the chance level is integrated. */
    private static final int CHANCE_POINTS_PER_RADIUS = 100;

    public static double defaultShare(int modes) {
        return 0.25 / modes;
    }

    /**
     * The high-quality fraction a diffuse sampler ({@link ToyDistribution#diffuse}) has in expectation:
     * the share of the modes' bounding box within reach of a mode, integrated on a fine midpoint
     * grid rather than drawn, so that it is the same number whenever it is asked for (claims state
     * their margins from it before any run). Overlapping reaches count once.
     */
    public static double chanceLevel(ToyDistribution data) {
        double[][] modes = data.modes();
        ToyDistribution.Box box = data.box();
        double minX = box.minX(), maxX = box.maxX(), minY = box.minY(), maxY = box.maxY();
        double radius = RADIUS_STDS * data.std();
        int nx = (int) Math.ceil((maxX - minX) / radius * CHANCE_POINTS_PER_RADIUS);
        int ny = (int) Math.ceil((maxY - minY) / radius * CHANCE_POINTS_PER_RADIUS);
        double hx = (maxX - minX) / nx;
        double hy = (maxY - minY) / ny;
        long inside = 0;
        for (int m = 0; m < modes.length; m++) {
            // only the cells around mode m; a point is counted for the first mode that reaches it
            int i0 = Math.max(0, (int) Math.floor((modes[m][0] - radius - minX) / hx));
            int i1 = Math.min(nx - 1, (int) Math.ceil((modes[m][0] + radius - minX) / hx));
            int j0 = Math.max(0, (int) Math.floor((modes[m][1] - radius - minY) / hy));
            int j1 = Math.min(ny - 1, (int) Math.ceil((modes[m][1] + radius - minY) / hy));
            for (int i = i0; i <= i1; i++) {
                double x = minX + (i + 0.5) * hx;
                for (int j = j0; j <= j1; j++) {
                    double y = minY + (j + 0.5) * hy;
                    if (firstReaching(modes, x, y, radius) == m) {
                        inside++;
                    }
                }
            }
        }
        return (double) inside / ((long) nx * ny);
    }

    private static int firstReaching(double[][] modes, double x, double y, double radius) {
        for (int m = 0; m < modes.length; m++) {
            double dx = x - modes[m][0];
            double dy = y - modes[m][1];
            if (dx * dx + dy * dy <= radius * radius) {
                return m;
            }
        }
        return -1;
    }

    /** @param xy samples as rows of (x, y) */
    public static Result measure(float[][] xy, ToyDistribution data, double share) {
        double radius = RADIUS_STDS * data.std();
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
