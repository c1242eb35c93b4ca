package org.mixupsuite.gan;

import org.apache.commons.math3.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The paper's two 2-D data sets: a mixture of equally weighted isotropic Gaussians, "ring8" (8 modes
 * evenly on the unit circle) or "grid25" (a 5 x 5 grid over [-1, 1]^2).
 */
public record ToyDistribution(String name, double[][] modes, double std) {

    public static ToyDistribution of(String name, double std) {
        return switch (name) {
            case "ring8" -> new ToyDistribution(name, ring(8), std);
            case "grid25" -> new ToyDistribution(name, grid(5), std);
            default -> throw new IllegalArgumentException("unknown data set '" + name + "' (ring8 or grid25)");
        };
    }

    private static double[][] ring(int n) {
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            double angle = 2 * Math.PI * i / n;
            m[i] = new double[] {Math.cos(angle), Math.sin(angle)};
        }
        return m;
    }

    private static double[][] grid(int side) {
        double[][] m = new double[side * side][];
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                m[i * side + j] = new double[] {-1 + 2.0 * i / (side - 1), -1 + 2.0 * j / (side - 1)};
            }
        }
        return m;
    }

    /**
     * The chance reference: {@code n} points spread uniformly over the modes' bounding box, the
     * samples of a generator that learned where the data lies but nothing of its modes.
     */
    public float[][] diffuse(int n, RandomGenerator rng) {
        Box box = box();
        float[][] out = new float[n][2];
        for (int i = 0; i < n; i++) {
            out[i][0] = (float) (box.minX() + (box.maxX() - box.minX()) * rng.nextDouble());
            out[i][1] = (float) (box.minY() + (box.maxY() - box.minY()) * rng.nextDouble());
        }
        return out;
    }

    /** The modes' bounding box. */
    record Box(double minX, double maxX, double minY, double maxY) {
    }

    Box box() {
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (double[] m : modes) {
            minX = Math.min(minX, m[0]);
            maxX = Math.max(maxX, m[0]);
            minY = Math.min(minY, m[1]);
            maxY = Math.max(maxY, m[1]);
        }
        return new Box(minX, maxX, minY, maxY);
    }

    /** {@code n} samples as an n x 2 matrix: a uniformly chosen mode plus Gaussian noise of std {@code std}. */
    public INDArray sample(int n, RandomGenerator rng) {
        float[] xy = new float[2 * n];
        for (int i = 0; i < n; i++) {
            double[] mode = modes[rng.nextInt(modes.length)];
            xy[2 * i] = (float) (mode[0] + std * rng.nextGaussian());
            xy[2 * i + 1] = (float) (mode[1] + std * rng.nextGaussian());
        }
        return Nd4j.create(xy, new long[] {n, 2}, 'c');
    }
}
