package org.mixupsuite.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

class AugmentationTest {

    @Test
    void aShiftMovesTheClipAndLeavesSilenceBehind() {
        // no noise, 0 dB gain: the only change is the shift, drawn first from the generator
        Augmentation shiftOnly = new Augmentation(100, 0, new double[] {0, 0}, new double[] {0, 0});
        int max = 1600;
        boolean early = false;
        boolean late = false;
        for (int clipLength : new int[] {16_000, 8_000}) {
            float[] clip = new float[clipLength];
            for (int i = 0; i < clip.length; i++) {
                clip[i] = (float) Math.sin(i * 0.01) * 0.5f;
            }
            for (long seed = 0; seed < 20; seed++) {
                int shift = new MersenneTwister(seed).nextInt(2 * max + 1) - max;
                float[] out = shiftOnly.apply(clip, List.of(), new MersenneTwister(seed));
                assertEquals(Spectrogram.CLIP, out.length);
                for (int i = 0; i < out.length; i++) {
                    int src = i - shift;
                    float expected = src >= 0 && src < clip.length ? clip[src] : 0f;
                    assertEquals(expected, out[i], "seed " + seed + ", sample " + i + ", shift " + shift);
                }
                early |= shift < 0;
                late |= shift > 0;
            }
        }
        assertTrue(early && late, "both directions drawn");
    }
}
