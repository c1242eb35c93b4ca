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
        for (int i = 0; i < n; i++) {
            int src = i - shift;
            if (src >= 0 && src < clip.length) {
                out[i] = clip[src];
            }
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
        double s = 0;
        for (int i = 0; i < count; i++) {
            s += (double) x[from + i] * x[from + i];
        }
        return count == 0 ? 0 : Math.sqrt(s / count);
    }
}
