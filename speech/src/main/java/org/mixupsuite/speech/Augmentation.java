package org.mixupsuite.speech;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Per-epoch waveform augmentation in the manner of the Speech Commands baselines: a random time
 * shift, background noise from the data set's noise bank at a random signal-to-noise ratio, and a
 * random level change. Every draw comes from the generator it is given.
 *
 * @param maxShiftMs     shift uniform in [-max, max] ms; the emptied part is silence
 * @param noiseChance    probability that a clip gets background noise
 * @param snrDb          noise SNR uniform in [snrDb[0], snrDb[1]] dB (RMS of clip vs noise)
 * @param gainDb         level change uniform in [gainDb[0], gainDb[1]] dB, then clipped to [-1, 1]
 */
public record Augmentation(double maxShiftMs, double noiseChance, double[] snrDb, double[] gainDb) {

    /** No augmentation (validation and test clips). */
    public static final Augmentation NONE = new Augmentation(0, 0, new double[] {0, 0}, new double[] {0, 0});

    /**
     * The defaults: +-100 ms shift, noise on 80% of clips at 10-30 dB SNR, -6..+6 dB level. (0-20 dB
     * SNR slowed learning so much that the quick scale's few epochs ended far from convergence.)
     */
    public static Augmentation standard() {
        return new Augmentation(100, 0.8, new double[] {10, 30}, new double[] {-6, 6});
    }

    public boolean isNone() {
        return maxShiftMs == 0 && noiseChance == 0 && gainDb[0] == 0 && gainDb[1] == 0;
    }

    /** A new one-second clip; {@code noises} may be empty (then no noise is added). */
    public float[] apply(float[] clip, List<float[]> noises, RandomGenerator rng) {
        int n = Spectrogram.CLIP;
        float[] out = new float[n];
        int max = (int) Math.round(maxShiftMs * WavReader.SAMPLE_RATE / 1000);
        int shift = max == 0 ? 0 : rng.nextInt(2 * max + 1) - max;
        // out[i] = clip[i - shift] where that exists; the rest stays silence
        int first = Math.max(0, shift);
        int end = Math.min(n, clip.length + shift);
        if (end > first) {
            System.arraycopy(clip, first - shift, out, first, end - first);
        }
        if (!noises.isEmpty() && rng.nextDouble() < noiseChance) {
            float[] noise = noises.get(rng.nextInt(noises.size()));
            int start = noise.length > n ? rng.nextInt(noise.length - n) : 0;
            double snr = uniform(rng, snrDb);
            double speech = rms(out, 0, n);
            double bg = rms(noise, start, Math.min(n, noise.length - start));
            if (speech > 0 && bg > 0) {
                float k = (float) (speech / bg * Math.pow(10, -snr / 20));
                for (int i = 0; i < n && start + i < noise.length; i++) {
                    out[i] += k * noise[start + i];
                }
            }
        }
        float gain = (float) Math.pow(10, uniform(rng, gainDb) / 20);
        for (int i = 0; i < n; i++) {
            out[i] = Math.max(-1f, Math.min(1f, out[i] * gain));
        }
        return out;
    }

    public Map<String, Object> describe() {
        return Map.of("max_shift_ms", maxShiftMs, "noise_chance", noiseChance, "snr_db", snrDb, "gain_db", gainDb);
    }

    private static double uniform(RandomGenerator rng, double[] range) {
        return range[0] == range[1] ? range[0] : range[0] + (range[1] - range[0]) * rng.nextDouble();
    }

    private static double rms(float[] x, int from, int count) {
        // four running sums, so that the adds do not wait on one another
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int whole = count - count % 4;
        for (int i = 0; i < whole; i += 4) {
            double a = x[from + i];
            double b = x[from + i + 1];
            double c = x[from + i + 2];
            double d = x[from + i + 3];
            s0 += a * a;
            s1 += b * b;
            s2 += c * c;
            s3 += d * d;
        }
        for (int i = whole; i < count; i++) {
            s0 += (double) x[from + i] * x[from + i];
        }
        double s = (s0 + s1) + (s2 + s3);
        return count == 0 ? 0 : Math.sqrt(s / count);
    }
}
