package org.mixupsuite.speech;

import static org.bytedeco.fftw.global.fftw3.FFTW_ESTIMATE;
import static org.bytedeco.fftw.global.fftw3.fftwf_destroy_plan;
import static org.bytedeco.fftw.global.fftw3.fftwf_execute;
import static org.bytedeco.fftw.global.fftw3.fftwf_free;
import static org.bytedeco.fftw.global.fftw3.fftwf_malloc;
import static org.bytedeco.fftw.global.fftw3.fftwf_plan_many_dft_r2c;

import be.tarsos.dsp.util.fft.HammingWindow;
import java.lang.ref.Cleaner;
import org.bytedeco.fftw.global.fftw3.fftwf_plan;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;

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
 * <p>The 101 frames go through one FFTW plan (real to complex, {@code FFTW_ESTIMATE}: the plan, and so
 * every rounding, depends only on the sizes and this machine's CPU, never on timing), in one native
 * call per clip. TarsosDSP gives the Hamming window.
 *
 * <p>Not thread-safe (the plan's buffers are scratch state): use one instance per thread. Its native
 * plan and buffers are freed when the instance is collected.
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

    /** Complex values per frame of a real transform: DC to Nyquist. */
    private static final int SPECTRUM = WINDOW / 2 + 1;
    private static final float[] HAMMING = new HammingWindow().generateCurve(WINDOW);
    private static final Cleaner CLEANER = Cleaner.create();
    /** FFTW's planner (making and destroying plans) is not thread-safe; executing a plan is. */
    private static final Object PLANNER = new Object();

    private final double offset;
    private final float[] padded = new float[CLIP + WINDOW];
    private final float[] frames = new float[FRAMES * WINDOW];
    private final float[] spectra = new float[FRAMES * SPECTRUM * 2];
    private final float[] row = new float[BINS];
    private final Plan plan = new Plan();

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
        return pooled(clip, 1, 1);
    }

    /**
     * {@link #pool} of {@link #compute} in one pass over the log magnitudes: each frame's values are
     * added to their blocks and to the z-score's sums as they are made, and the z-score, being
     * affine, is applied to the block means (mean and deviation still over the whole spectrogram,
     * trailing bins and frames included). Within float's precision of pooling the normalized
     * spectrogram (SpectrogramTest); the separate z-score and pooling passes were 40% of a clip.
     */
    public float[] pooled(float[] clip, int byBins, int byFrames) {
        spectra(clip);
        int h = BINS / byBins;
        int w = FRAMES / byFrames;
        float[] out = new float[h * w];
        float floor = (float) offset;
        // four lanes of each sum, so that the adds do not all wait on one another (BINS, 160, is a multiple of 4)
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        double q0 = 0, q1 = 0, q2 = 0, q3 = 0;
        for (int t = 0; t < FRAMES; t++) {
            int base = t * SPECTRUM * 2;
            for (int k = 0; k < BINS; k += 4) {
                float v0 = logMagnitude(base + 2 * k, floor);
                float v1 = logMagnitude(base + 2 * k + 2, floor);
                float v2 = logMagnitude(base + 2 * k + 4, floor);
                float v3 = logMagnitude(base + 2 * k + 6, floor);
                row[k] = v0;
                row[k + 1] = v1;
                row[k + 2] = v2;
                row[k + 3] = v3;
                s0 += v0;
                s1 += v1;
                s2 += v2;
                s3 += v3;
                q0 += (double) v0 * v0;
                q1 += (double) v1 * v1;
                q2 += (double) v2 * v2;
                q3 += (double) v3 * v3;
            }
            int column = t / byFrames;
            if (column < w) {
                for (int i = 0; i < h; i++) {
                    float block = out[i * w + column];
                    for (int a = 0; a < byBins; a++) {
                        block += row[i * byBins + a];
                    }
                    out[i * w + column] = block;
                }
            }
        }
        int count = BINS * FRAMES;
        double mean = ((s0 + s1) + (s2 + s3)) / count;
        double std = Math.sqrt(Math.max(0, ((q0 + q1) + (q2 + q3)) / count - mean * mean));
        float scale = 1f / (byBins * byFrames);
        float m = (float) mean;
        float inv = std > 1e-8 ? (float) (1 / std) : 0f; // a constant clip reads 0 everywhere
        for (int i = 0; i < out.length; i++) {
            out[i] = (out[i] * scale - m) * inv;
        }
        return out;
    }

    private float logMagnitude(int at, float floor) {
        float re = spectra[at];
        float im = spectra[at + 1];
        return log((float) Math.sqrt(re * re + im * im) + floor);
    }

    /** The clip's frames, Hamming-windowed, through the FFT into {@link #spectra}. */
    private void spectra(float[] clip) {
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
            int from = t * HOP;
            int to = t * WINDOW;
            for (int i = 0; i < WINDOW; i++) {
                frames[to + i] = padded[from + i] * HAMMING[i];
            }
        }
        plan.transform(frames, spectra);
    }

    private static final float LN2 = (float) Math.log(2);
    /** The log's table: the mantissa's top 7 bits pick a centre c in [1, 2), with log(c) and 1 / c. */
    private static final int TABLE_BITS = 7;
    private static final float[] CENTRE = new float[1 << TABLE_BITS];
    private static final float[] LOG_CENTRE = new float[1 << TABLE_BITS];
    private static final float[] INV_CENTRE = new float[1 << TABLE_BITS];

    static {
        for (int i = 0; i < CENTRE.length; i++) {
            double c = 1 + (i + 0.5) / CENTRE.length;
            CENTRE[i] = (float) c;
            LOG_CENTRE[i] = (float) Math.log(c);
            INV_CENTRE[i] = (float) (1 / c);
        }
    }

    /**
     * The natural log in float, within 1e-6 of Math.log (SpectrogramTest): exponent times ln 2, plus
     * log(c) from a table for the centre c nearest the mantissa m, plus log(1 + r) for r = (m - c) / c,
     * |r| < 1/256, as r - r^2/2 + r^3/3 (the next term is below 1e-10). A clip takes 16,160 logs;
     * Math.log took 8-17 ns each, more than the FFT. Zero, subnormals, infinities and NaN go to Math.log.
     */
    static float log(float y) {
        int bits = Float.floatToRawIntBits(y);
        if (bits <= 0x007fffff || bits >= 0x7f800000) {
            return (float) Math.log(y);
        }
        int mantissa = bits & 0x007fffff;
        int i = mantissa >>> (23 - TABLE_BITS);
        float m = Float.intBitsToFloat(mantissa | 0x3f800000); // in [1, 2)
        float r = (m - CENTRE[i]) * INV_CENTRE[i];
        float log1p = r * (1f + r * (-0.5f + r * (1f / 3)));
        return (((bits >> 23) - 127) * LN2 + LOG_CENTRE[i]) + log1p;
    }

    /**
     * One FFTW plan for a clip's {@link #FRAMES} windows of {@link #WINDOW} samples, on buffers from
     * fftwf_malloc (always aligned alike, so the plan chosen never depends on where an allocation fell).
     */
    private final class Plan {
        private final FloatPointer in;
        private final FloatPointer out;
        private final fftwf_plan fft;

        Plan() {
            in = floats(FRAMES * WINDOW);
            out = floats(FRAMES * SPECTRUM * 2);
            synchronized (PLANNER) {
                fft = fftwf_plan_many_dft_r2c(1, new IntPointer(new int[] {WINDOW}), FRAMES, in, null, 1, WINDOW,
                        out, null, 1, SPECTRUM, (int) FFTW_ESTIMATE);
            }
            if (fft == null || fft.isNull()) {
                throw new IllegalStateException("FFTW could not plan " + FRAMES + " real transforms of " + WINDOW);
            }
            CLEANER.register(Spectrogram.this, new Release(fft, in, out));
        }

        void transform(float[] frames, float[] spectra) {
            in.put(frames);
            fftwf_execute(fft);
            out.get(spectra);
        }

        private static FloatPointer floats(int n) {
            FloatPointer p = new FloatPointer(fftwf_malloc(4L * n));
            if (p.isNull()) {
                throw new OutOfMemoryError("fftwf_malloc: " + n + " floats");
            }
            p.capacity(n);
            return p;
        }
    }

    /** Frees a plan and its buffers; holds no reference to the spectrogram, so that it can be collected. */
    private record Release(fftwf_plan fft, FloatPointer in, FloatPointer out) implements Runnable {
        @Override
        public void run() {
            synchronized (PLANNER) {
                fftwf_destroy_plan(fft);
            }
            fftwf_free(in);
            fftwf_free(out);
        }
    }

    /**
     * Average pooling by whole blocks (trailing bins or frames that do not fill a block are dropped) of
     * a spectrogram from {@link #compute}: the definition {@link #pooled} computes in one pass and is
     * tested against.
     */
    public static float[] pool(float[] spec, int byBins, int byFrames) {
        if (byBins == 1 && byFrames == 1) {
            return spec;
        }
        int h = BINS / byBins;
        int w = FRAMES / byFrames;
        float[] out = new float[h * w];
        float scale = 1f / (byBins * byFrames);
        // a block's values are added in the same order as before (bin, then frame), but a row of blocks
        // at a time, so that the blocks' sums run side by side
        for (int i = 0; i < h; i++) {
            int row = i * w;
            for (int a = 0; a < byBins; a++) {
                int from = (i * byBins + a) * FRAMES;
                for (int b = 0; b < byFrames; b++) {
                    for (int j = 0; j < w; j++) {
                        out[row + j] += spec[from + j * byFrames + b];
                    }
                }
            }
            for (int j = 0; j < w; j++) {
                out[row + j] *= scale;
            }
        }
        return out;
    }
}
