package org.mixupsuite.speech;

import be.tarsos.dsp.util.fft.FFT;
import be.tarsos.dsp.util.fft.HammingWindow;

/**
 * The paper's input: a normalized log-magnitude spectrogram of a one-second 16 kHz clip, 160
 * frequency bins x 101 frames. Frames are 20 ms Hamming windows every 10 ms, centred on the hop
 * positions with reflect padding (TarsosDSP's AudioDispatcher does not centre and gives 99 frames),
 * so frame t covers t * 10 ms. Bins 0..159 (0 Hz to 7,950 Hz in 50 Hz steps) are kept; the Nyquist
 * bin is dropped. Magnitudes are taken as log(|X| + offset): by default offset 0.001, a floor about
 * 100 dB under a full-scale sine, below any recorded noise, so digital silence (zero-padded clips)
 * stays a mild outlier; at paper scale offset 1, log(1 + |X|), as the common reference code does
 * (see {@link Features}). Each clip is then z-score normalized, so its overall loudness drops out.
 *
 * <p>Not thread-safe (the FFT keeps scratch state): use one instance per thread.
 */
public final class Spectrogram {

    public static final int WINDOW = 320;
    public static final int HOP = 160;
    public static final int BINS = 160;
    public static final int FRAMES = 101;
    /** Clip length in samples: shorter clips are zero-padded at the end, longer ones cut. */
    public static final int CLIP = WavReader.SAMPLE_RATE;

    /** The default offset of the log: a floor about 100 dB under a full-scale sine. */
    public static final double FLOOR = 1e-3;

    private final double offset;
    private final FFT fft = new FFT(WINDOW, new HammingWindow());
    private final float[] padded = new float[CLIP + WINDOW];
    private final float[] frame = new float[WINDOW];

    public Spectrogram() {
        this(FLOOR);
    }

    /** Magnitudes as log(|X| + offset). */
    public Spectrogram(double offset) {
        this.offset = offset;
    }

    /** Hz at the centre of a bin. */
    public static double binHz(int bin) {
        return bin * (double) WavReader.SAMPLE_RATE / WINDOW;
    }

    /** The normalized spectrogram as [bin][frame], flattened row-major (bin 0 = 0 Hz first). */
    public float[] compute(float[] clip) {
        float[] out = new float[BINS * FRAMES];
        computeInto(clip, out);
        return out;
    }

    void computeInto(float[] clip, float[] out) {
        int half = WINDOW / 2;
        int n = Math.min(clip.length, CLIP);
        java.util.Arrays.fill(padded, 0f);
        System.arraycopy(clip, 0, padded, half, n);
        // reflect padding at both ends (the end of a short clip reflects its zero padding)
        for (int i = 1; i <= half; i++) {
            padded[half - i] = padded[half + i];
            padded[half + CLIP - 1 + i] = padded[half + CLIP - 1 - i];
        }
        for (int t = 0; t < FRAMES; t++) {
            System.arraycopy(padded, t * HOP, frame, 0, WINDOW);
            fft.forwardTransform(frame);
            // JTransforms packs Re(DC) in [0] and Re(Nyquist) in [1]: bin 0 is read alone
            out[t] = (float) Math.log(Math.abs(frame[0]) + offset);
            for (int k = 1; k < BINS; k++) {
                out[k * FRAMES + t] = (float) Math.log(fft.modulus(frame, k) + offset);
            }
        }
        normalize(out);
    }

    private static void normalize(float[] v) {
        double sum = 0;
        double sq = 0;
        for (float x : v) {
            sum += x;
            sq += (double) x * x;
        }
        double mean = sum / v.length;
        double std = Math.sqrt(Math.max(0, sq / v.length - mean * mean));
        float inv = std > 1e-8 ? (float) (1 / std) : 0f;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((v[i] - mean) * inv);
        }
    }

    /** Average pooling by whole blocks (trailing bins or frames that do not fill a block are dropped). */
    public static float[] pool(float[] spec, int byBins, int byFrames) {
        if (byBins == 1 && byFrames == 1) {
            return spec;
        }
        int h = BINS / byBins;
        int w = FRAMES / byFrames;
        float[] out = new float[h * w];
        float scale = 1f / (byBins * byFrames);
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                float s = 0;
                for (int a = 0; a < byBins; a++) {
                    for (int b = 0; b < byFrames; b++) {
                        s += spec[(i * byBins + a) * FRAMES + j * byFrames + b];
                    }
                }
                out[i * w + j] = s * scale;
            }
        }
        return out;
    }
}
