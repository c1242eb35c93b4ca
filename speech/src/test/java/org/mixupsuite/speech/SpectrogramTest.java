package org.mixupsuite.speech;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SpectrogramTest {

    private static int peakBin(float[] spec, int frame) {
        int best = 0;
        for (int k = 1; k < Spectrogram.BINS; k++) {
            if (spec[k * Spectrogram.FRAMES + frame] > spec[best * Spectrogram.FRAMES + frame]) {
                best = k;
            }
        }
        return best;
    }

    private static double meanDifference(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += Math.abs(a[i] - b[i]);
        }
        return d / a.length;
    }

    @Test
    void theLogOffsetDecidesWhetherLoudnessDropsOut() {
        // a z-scored log spectrum ignores a gain (log(g|X|) = log g + log|X|) as long as the offset is small
        // next to the magnitudes; log(1 + |X|), the paper scale's, keeps quiet and loud clips apart
        // broadband noise, so that every bin's magnitude lies far above the 1e-3 floor
        java.util.Random noise = new java.util.Random(5);
        float[] quiet = new float[16_000];
        float[] loud = new float[quiet.length];
        for (int i = 0; i < quiet.length; i++) {
            quiet[i] = (float) (0.01 * noise.nextGaussian());
            loud[i] = 10 * quiet[i];
        }
        double floorGap = meanDifference(new Spectrogram().compute(quiet), new Spectrogram().compute(loud));
        double log1pGap = meanDifference(new Spectrogram(1.0).compute(quiet), new Spectrogram(1.0).compute(loud));
        assertTrue(floorGap < 0.03 && log1pGap > 4 * floorGap, "mean difference, 1e-3: " + floorGap + ", log1p: " + log1pGap);
        assertEquals(1.0, ScalePreset.of(org.mixupsuite.core.run.Scale.PAPER).features().logOffset());
        assertEquals(Spectrogram.FLOOR, ScalePreset.of(org.mixupsuite.core.run.Scale.QUICK).features().logOffset());
    }

    /** The same spectrogram from a direct DFT in double precision: window, frames, bins, log and z-score. */
    private static float[] direct(float[] clip, double offset) {
        int half = Spectrogram.WINDOW / 2;
        double[] padded = new double[Spectrogram.CLIP + Spectrogram.WINDOW];
        for (int i = 0; i < Spectrogram.CLIP; i++) {
            padded[half + i] = i < clip.length ? clip[i] : 0;
        }
        for (int i = 1; i <= half; i++) {
            padded[half - i] = padded[half + i];
            padded[half + Spectrogram.CLIP - 1 + i] = padded[half + Spectrogram.CLIP - 1 - i];
        }
        double[] log = new double[Spectrogram.BINS * Spectrogram.FRAMES];
        for (int t = 0; t < Spectrogram.FRAMES; t++) {
            for (int k = 0; k < Spectrogram.BINS; k++) {
                double re = 0;
                double im = 0;
                for (int n = 0; n < Spectrogram.WINDOW; n++) {
                    double hamming = 0.54 - 0.46 * Math.cos(2 * Math.PI * n / (Spectrogram.WINDOW - 1));
                    double x = padded[t * Spectrogram.HOP + n] * hamming;
                    re += x * Math.cos(2 * Math.PI * k * n / Spectrogram.WINDOW);
                    im -= x * Math.sin(2 * Math.PI * k * n / Spectrogram.WINDOW);
                }
                log[k * Spectrogram.FRAMES + t] = Math.log(Math.hypot(re, im) + offset);
            }
        }
        double mean = java.util.Arrays.stream(log).average().orElseThrow();
        double std = Math.sqrt(java.util.Arrays.stream(log).map(v -> (v - mean) * (v - mean)).average().orElseThrow());
        float[] out = new float[log.length];
        for (int i = 0; i < log.length; i++) {
            out[i] = (float) ((log[i] - mean) / std);
        }
        return out;
    }

    @Test
    void matchesADirectTransformOfTheSameFrames() {
        Random r = new Random(11);
        float[] clip = new float[12_000];
        for (int i = 0; i < clip.length; i++) {
            clip[i] = (float) (0.3 * Math.sin(i * 0.07) + 0.05 * r.nextGaussian());
        }
        for (double offset : new double[] {Spectrogram.FLOOR, 1.0}) {
            float[] fast = new Spectrogram(offset).compute(clip);
            float[] slow = direct(clip, offset);
            double worst = 0;
            for (int i = 0; i < fast.length; i++) {
                worst = Math.max(worst, Math.abs(fast[i] - slow[i]));
            }
            // z-scored values of order 1: float rounding reads ~4e-5 here; 1% off in one part of every bin reads 3e-3
            assertTrue(worst < 5e-4, "offset " + offset + ": largest difference " + worst);
        }
    }

    @Test
    void normalizingThePooledBlocksIsPoolingTheNormalizedSpectrogram() {
        Random r = new Random(6);
        float[] clip = new float[16_000];
        for (int i = 0; i < clip.length; i++) {
            clip[i] = (float) (0.2 * Math.sin(i * 0.031) * Math.sin(i * 0.0007) + 0.02 * r.nextGaussian());
        }
        Spectrogram spec = new Spectrogram(Spectrogram.FLOOR);
        for (int[] block : new int[][] {{4, 2}, {1, 1}, {3, 5}}) {
            float[] expected = Spectrogram.pool(spec.compute(clip), block[0], block[1]);
            float[] actual = spec.pooled(clip, block[0], block[1]);
            assertEquals(expected.length, actual.length);
            double worst = 0;
            for (int i = 0; i < expected.length; i++) {
                worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
            }
            assertTrue(worst < 1e-5, block[0] + "x" + block[1] + " blocks: largest difference " + worst);
        }
        // the pooled features of one clip do not depend on the clip computed before
        float[] first = spec.pooled(clip, 4, 2);
        spec.pooled(new float[16_000], 4, 2);
        assertArrayEquals(first, spec.pooled(clip, 4, 2));
    }

    @Test
    void theFloatLogIsMathsLogWithinAMillionth() {
        Random r = new Random(5);
        double worst = 0;
        // log-uniform over float's normal range, and the edges of the mantissa's reduction
        for (int i = 0; i < 200_000; i++) {
            float y = (float) Math.exp((r.nextDouble() * 2 - 1) * 87);
            worst = Math.max(worst, Math.abs(Spectrogram.log(y) - Math.log(y)) / Math.max(1, Math.abs(Math.log(y))));
        }
        float sqrt2 = (float) Math.sqrt(2);
        for (float y : new float[] {1f, Math.nextDown(1f), Math.nextUp(1f), sqrt2, Math.nextDown(sqrt2),
                Math.nextUp(sqrt2), 2f, 0.5f, Float.MIN_NORMAL, Float.MAX_VALUE, 1e-3f, 1.001e-3f}) {
            worst = Math.max(worst, Math.abs(Spectrogram.log(y) - Math.log(y)) / Math.max(1, Math.abs(Math.log(y))));
        }
        assertTrue(worst < 1e-6, "largest difference (relative above 1, absolute below) " + worst);
        assertEquals(Double.NEGATIVE_INFINITY, Spectrogram.log(0f));
        assertEquals(Math.log(Float.MIN_VALUE), Spectrogram.log(Float.MIN_VALUE), 1e-5, "a subnormal");
        assertTrue(Float.isNaN(Spectrogram.log(-1f)) && Float.isNaN(Spectrogram.log(Float.NaN)));
        assertEquals(Float.POSITIVE_INFINITY, Spectrogram.log(Float.POSITIVE_INFINITY));
    }

    @Test
    void instancesOnManyThreadsGiveTheSameBitsAsOne() {
        Random r = new Random(3);
        List<float[]> clips = IntStream.range(0, 24).mapToObj(i -> {
            float[] c = new float[16_000];
            for (int j = 0; j < c.length; j++) {
                c[j] = (float) (0.1 * r.nextGaussian());
            }
            return c;
        }).toList();
        Spectrogram one = new Spectrogram();
        List<float[]> serial = clips.stream().map(one::compute).toList();
        List<float[]> parallel = clips.parallelStream().map(c -> new Spectrogram().compute(c)).toList();
        for (int i = 0; i < clips.size(); i++) {
            assertArrayEquals(serial.get(i), parallel.get(i), "clip " + i);
        }
    }

    @Test
    void oneSecondGives160BinsBy101NormalizedFrames() {
        float[] spec = new Spectrogram().compute(TestWavs.sine(1000, 0.5, 16_000));
        assertEquals(160 * 101, spec.length);
        double sum = 0;
        double sq = 0;
        for (float v : spec) {
            sum += v;
            sq += v * v;
        }
        double mean = sum / spec.length;
        assertEquals(0, mean, 1e-4);
        assertEquals(1, Math.sqrt(sq / spec.length - mean * mean), 1e-3);
    }

    @Test
    void aSinesPeakIsInTheBinOfItsFrequency() {
        Spectrogram s = new Spectrogram();
        // 50 Hz per bin at 16 kHz with a 320-point FFT
        for (double hz : new double[] {250, 1000, 3150, 7000}) {
            float[] spec = s.compute(TestWavs.sine(hz, 0.5, 16_000));
            int expected = (int) Math.round(hz / Spectrogram.binHz(1));
            for (int frame : new int[] {2, 50, 98}) {
                assertEquals(expected, peakBin(spec, frame), hz + " Hz, frame " + frame);
            }
            // the edge frames are half reflection, which bends the sine: the peak may smear by a bin
            assertEquals(expected, peakBin(spec, 0), 1);
            assertEquals(expected, peakBin(spec, 100), 1);
        }
    }

    @Test
    void framesAreCentredOnTheirHop() {
        // a tone that starts at 0.5 s: frame 50 is centred on its onset, frame 47 sees only silence
        float[] clip = new float[16_000];
        float[] tone = TestWavs.sine(2000, 0.5, 8000);
        System.arraycopy(tone, 0, clip, 8000, 8000);
        float[] spec = new Spectrogram().compute(clip);
        int bin = 40;
        assertTrue(spec[bin * 101 + 47] < spec[bin * 101 + 50] - 3, "no energy before the onset");
        assertTrue(spec[bin * 101 + 53] > spec[bin * 101 + 50], "full energy after it");
    }

    @Test
    void shortClipsAreZeroPaddedAndPoolingAveragesBlocks() {
        float[] spec = new Spectrogram().compute(TestWavs.sine(1000, 0.5, 8000));
        assertEquals(160 * 101, spec.length);
        float[] pooled = Spectrogram.pool(spec, 4, 2);
        assertEquals(40 * 50, pooled.length);
        float expected = 0;
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 2; b++) {
                expected += spec[(4 + a) * 101 + 6 + b];
            }
        }
        assertEquals(expected / 8, pooled[1 * 50 + 3], 1e-5);
    }
}
