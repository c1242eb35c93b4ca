package org.mixupsuite.core.data;

import java.util.Arrays;
import org.apache.commons.math3.random.RandomDataGenerator;
import org.apache.commons.math3.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Labelled images held as one flat row per example, pixels scaled to [0, 1]. Row-major layout
 * matches DL4J's flat convolutional input (channels, height, width), so the same rows feed an MLP
 * or a CNN.
 */
public record ImageSet(float[] pixels, int[] labels, int numClasses, int channels, int height, int width) {

    public ImageSet {
        int featureSize = channels * height * width;
        if (pixels.length != labels.length * featureSize) {
            throw new IllegalArgumentException("pixels hold " + pixels.length + " values, expected "
                    + labels.length + " x " + featureSize);
        }
    }

    public int count() {
        return labels.length;
    }

    public int featureSize() {
        return channels * height * width;
    }

    /** The examples at the given indices, in that order. */
    public ImageSet subset(int[] indices) {
        int d = featureSize();
        float[] out = new float[indices.length * d];
        int[] outLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * d, out, i * d, d);
            outLabels[i] = labels[indices[i]];
        }
        return new ImageSet(out, outLabels, numClasses, channels, height, width);
    }

    /** How many examples {@link #sample} takes for a requested size: all of them for 0 or too many. */
    public int sampleSize(int requested) {
        return requested <= 0 ? count() : Math.min(requested, count());
    }

    /** {@code n} distinct examples drawn at random (all of them, shuffled, when n is 0 or too large). */
    public ImageSet sample(int n, RandomGenerator rng) {
        return subset(new RandomDataGenerator(rng).nextPermutation(count(), sampleSize(n)));
    }

    /** The first {@code n} examples (or all, when there are fewer). */
    public ImageSet head(int n) {
        if (n >= count()) {
            return this;
        }
        int[] idx = new int[n];
        Arrays.setAll(idx, i -> i);
        return subset(idx);
    }

    /** The same images with other labels (for example corrupted ones). */
    public ImageSet withLabels(int[] newLabels) {
        return new ImageSet(pixels, newLabels, numClasses, channels, height, width);
    }

    /** All examples as an n x featureSize matrix. */
    public INDArray features() {
        return Nd4j.create(pixels, new long[] {count(), featureSize()}, 'c');
    }

    /** One-hot targets, n x numClasses. */
    public INDArray oneHotLabels() {
        return oneHot(labels, numClasses);
    }

    public static INDArray oneHot(int[] labels, int numClasses) {
        float[] y = new float[labels.length * numClasses];
        for (int i = 0; i < labels.length; i++) {
            y[i * numClasses + labels[i]] = 1f;
        }
        return Nd4j.create(y, new long[] {labels.length, numClasses}, 'c');
    }
}
