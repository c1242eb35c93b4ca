package org.mixupsuite.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
