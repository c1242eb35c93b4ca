package org.mixupsuite.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mixupsuite.core.Seeds;

class CifarAugmentationTest {

    /** Two 3 x 3 images with two channels of distinct values. */
    private static ImageSet images() {
        float[] px = new float[2 * 2 * 9];
        for (int i = 0; i < px.length; i++) {
            px[i] = (i * 7 % 19) / 19f;
        }
        return new ImageSet(px, new int[] {0, 1}, 2, 2, 3, 3);
    }

    @Test
    void normalizationGivesEachChannelOfTheTrainingSetMeanZeroAndStdOne() {
        ImageSet train = images();
        float[] out = CifarAugmentation.fittedTo(train, 1).normalized(train).pixels();
        for (int ch = 0; ch < 2; ch++) {
            double sum = 0;
            double sq = 0;
            for (int i = 0; i < 2; i++) {
                for (int k = 0; k < 9; k++) {
                    double v = out[(i * 2 + ch) * 9 + k];
                    sum += v;
                    sq += v * v;
                }
            }
            assertEquals(0, sum / 18, 1e-5, "channel " + ch + " mean");
            assertEquals(1, Math.sqrt(sq / 18), 1e-4, "channel " + ch + " std");
        }
    }

    /** The normalized image shifted by (dy, dx) with zero padding, mirrored first if asked: the expected crops. */
    private static float[] expected(float[] plain, float[] zeroValue, int dy, int dx, boolean flip) {
        float[] out = new float[plain.length];
        for (int ch = 0; ch < 2; ch++) {
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < 3; x++) {
                    int sy = y + dy;
                    int sx = (flip ? 2 - x : x) + dx;
                    out[ch * 9 + y * 3 + x] = sy >= 0 && sy < 3 && sx >= 0 && sx < 3 ? plain[ch * 9 + sy * 3 + sx] : zeroValue[ch];
                }
            }
        }
        return out;
    }

    @Test
    void everyAugmentedImageIsOneOfTheEighteenCropsAndFlipsAndEachComesUp() {
        ImageSet one = images().subset(new int[] {0});
        CifarAugmentation aug = CifarAugmentation.fittedTo(one, 1);
        float[] plain = aug.normalized(one).pixels();
        // a black (zero) pixel after normalization, per channel: what the padding shows
        float[] zero = aug.normalized(new ImageSet(new float[18], new int[] {0}, 2, 2, 3, 3)).pixels();
        float[] zeroValue = {zero[0], zero[9]};
        Map<String, float[]> candidates = new HashMap<>();
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                for (boolean flip : List.of(false, true)) {
                    candidates.put(dy + "," + dx + "," + flip, expected(plain, zeroValue, dy, dx, flip));
                }
            }
        }
        RandomGenerator rng = Seeds.random(3, "augment");
        Map<String, Integer> seen = new HashMap<>();
        for (int draw = 0; draw < 900; draw++) {
            float[] out = aug.augmented(one, rng).pixels();
            String match = candidates.entrySet().stream().filter(e -> java.util.Arrays.equals(e.getValue(), out))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            assertTrue(match != null, "draw " + draw + " is no crop or flip of the image");
            seen.merge(match, 1, Integer::sum);
        }
        assertEquals(18, seen.size(), "every shift and flip occurs: " + seen);
        seen.values().forEach(n -> assertTrue(n > 20 && n < 80, "about 50 each of 900: " + seen));
        assertArrayEquals(one.labels(), aug.augmented(one, rng).labels());
    }
}
