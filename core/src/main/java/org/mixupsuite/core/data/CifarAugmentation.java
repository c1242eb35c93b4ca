package org.mixupsuite.core.data;

import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The standard CIFAR-10 training pipeline the paper's PreAct ResNet-18 experiments use (as in the
 * authors' training script): per-channel normalization with the training set's mean and standard
 * deviation, and each epoch a random crop of the image padded by {@code pad} zero pixels on every
 * side and a horizontal flip with probability 1/2. Pixels are channel-major (c, y, x), as ImageSet
 * holds them.
 */
public final class CifarAugmentation {

    private final float[] mean;
    private final float[] std;
    private final int pad;

    private CifarAugmentation(float[] mean, float[] std, int pad) {
        this.mean = mean;
        this.std = std;
        this.pad = pad;
    }

    /** Normalization statistics from {@code train} (per channel), crops padded by {@code pad}. */
    public static CifarAugmentation fittedTo(ImageSet train, int pad) {
        int c = train.channels();
        int plane = train.height() * train.width();
        double[] sum = new double[c];
        double[] sq = new double[c];
        float[] px = train.pixels();
        for (int i = 0; i < train.count(); i++) {
            for (int ch = 0; ch < c; ch++) {
                int base = (i * c + ch) * plane;
                for (int k = 0; k < plane; k++) {
                    double v = px[base + k];
                    sum[ch] += v;
                    sq[ch] += v * v;
                }
            }
        }
        float[] mean = new float[c];
        float[] std = new float[c];
        double n = (double) train.count() * plane;
        for (int ch = 0; ch < c; ch++) {
            mean[ch] = (float) (sum[ch] / n);
            std[ch] = (float) Math.sqrt(Math.max(1e-12, sq[ch] / n - mean[ch] * (double) mean[ch]));
        }
        return new CifarAugmentation(mean, std, pad);
    }

    /** The images normalized per channel, not cropped or flipped (for evaluation). */
    public ImageSet normalized(ImageSet images) {
        return transform(images, null);
    }

    /** Each image normalized, randomly cropped from its zero-padded copy and flipped with probability 1/2. */
    public ImageSet augmented(ImageSet images, RandomGenerator rng) {
        return transform(images, rng);
    }

    private ImageSet transform(ImageSet images, RandomGenerator rng) {
        int c = images.channels();
        int h = images.height();
        int w = images.width();
        float[] in = images.pixels();
        float[] out = new float[in.length];
        for (int i = 0; i < images.count(); i++) {
            // the offset of the crop in the padded image, minus the padding: the shift of the content
            int dy = rng == null ? 0 : rng.nextInt(2 * pad + 1) - pad;
            int dx = rng == null ? 0 : rng.nextInt(2 * pad + 1) - pad;
            boolean flip = rng != null && rng.nextBoolean();
            for (int ch = 0; ch < c; ch++) {
                int base = (i * c + ch) * h * w;
                for (int y = 0; y < h; y++) {
                    int sy = y + dy;
                    for (int x = 0; x < w; x++) {
                        int sx = (flip ? w - 1 - x : x) + dx;
                        // outside the image the padded copy holds zeros, i.e. black before normalization
                        float v = sy >= 0 && sy < h && sx >= 0 && sx < w ? in[base + sy * w + sx] : 0f;
                        out[base + y * w + x] = (v - mean[ch]) / std[ch];
                    }
                }
            }
        }
        return new ImageSet(out, images.labels(), images.numClasses(), c, h, w);
    }

    /** The pipeline and its statistics, for messages and tests. */
    public String describe() {
        return "random crop (zero padding " + pad + ") + horizontal flip p=0.5 per epoch, per-channel normalization "
                + "with the training subset's mean " + Arrays.toString(mean) + " and std " + Arrays.toString(std);
    }
}
