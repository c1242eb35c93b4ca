package org.mixupsuite.speech;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixupsuite.core.data.ImageSet;
import org.mixupsuite.core.mixup.MixupStrategy;
import org.mixupsuite.core.testing.TestContext;
import org.mixupsuite.core.train.Network;
import org.mixupsuite.core.train.Trainer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * mixup's warm-up as the trainer runs it: the batches a network is fitted on keep one-hot targets
 * during the warm-up epochs and are mixed after them, and a resumed run counts its epochs on.
 */
class SpeechWarmupTest {

    private static final int EXAMPLES = 40;
    private static final int CLASSES = 4;
    private static final int BATCH = 10;
    private static final int WARMUP = 2;
    private static final int EPOCHS = 5;

    @TempDir
    Path tmp;

    /** What one fit saw: the trainer's epoch, the inputs and the targets. */
    record Fit(int epoch, float[] features, float[] targets) {
        boolean oneHot() {
            for (float t : targets) {
                if (t != 0f && t != 1f) {
                    return false;
                }
            }
            return true;
        }
    }

    @Test
    void warmupEpochsFeedUnmixedBatchesAndLaterEpochsMixedOnes() throws IOException {
        List<Fit> mixup = train(MixupStrategy.standard(0.2), WARMUP, tmp.resolve("mixup"), 0);
        for (int epoch = 1; epoch <= EPOCHS; epoch++) {
            List<Fit> fits = epoch(mixup, epoch);
            assertEquals(EXAMPLES / BATCH, fits.size());
            if (epoch <= WARMUP) {
                assertTrue(fits.stream().allMatch(Fit::oneHot), "epoch " + epoch + " is a warm-up epoch: one-hot targets");
            } else {
                assertTrue(fits.stream().anyMatch(f -> !f.oneHot()), "epoch " + epoch + " trains on mixed targets");
            }
        }
        // unmixed means ERM's batches of the same seed, draw for draw (the same rows in the same order)
        List<Fit> erm = train(MixupStrategy.ERM, WARMUP, tmp.resolve("erm"), 0);
        for (int i = 0; i < WARMUP * EXAMPLES / BATCH; i++) {
            assertArrayEquals(erm.get(i).features(), mixup.get(i).features(), "batch " + i);
            assertArrayEquals(erm.get(i).targets(), mixup.get(i).targets(), "batch " + i);
        }
    }

    @Test
    void withoutWarmupMixupMixesFromTheFirstEpoch() throws IOException {
        List<Fit> fits = train(MixupStrategy.standard(0.2), 0, tmp.resolve("none"), 0);
        assertTrue(epoch(fits, 1).stream().anyMatch(f -> !f.oneHot()));
    }

    /** Interrupted in epoch 2 and resumed from the checkpoint of epoch 1, the warm-up still ends after epoch 2. */
    @Test
    void aResumedRunCountsItsWarmupFromTheCheckpoint() throws IOException {
        Path checkpoints = tmp.resolve("resume");
        long interruptAt = EXAMPLES + BATCH;  // one batch into epoch 2
        assertThrows(TestContext.Interrupted.class,
                () -> train(MixupStrategy.standard(0.2), WARMUP, checkpoints, interruptAt));
        List<Fit> resumed = train(MixupStrategy.standard(0.2), WARMUP, checkpoints, 0);
        assertEquals(2, resumed.get(0).epoch(), "resumed after epoch 1");
        assertTrue(epoch(resumed, 2).stream().allMatch(Fit::oneHot), "epoch 2 is still warm-up");
        assertTrue(epoch(resumed, 3).stream().anyMatch(f -> !f.oneHot()), "epoch 3 mixes");
    }

    /** Trains the study's wiring of warm-up and evaluator on a network that records what it is fitted on. */
    private static List<Fit> train(MixupStrategy mixup, int warmup, Path checkpoints, long interruptAfter)
            throws IOException {
        TestContext ctx = new TestContext(11, checkpoints, checkpoints, interruptAfter);
        List<Fit> fits = new ArrayList<>();
        Trainer.EpochEvaluator evaluator = (net, epoch) -> Map.of("val_error", 0.0);
        WarmupMixup.Wired wired = WarmupMixup.wire(mixup, warmup, WarmupMixup.firstEpoch(ctx), evaluator);
        RecordingNetwork net = new RecordingNetwork(fits, WarmupMixup.firstEpoch(ctx));
        Trainer.train(net, data(), new Trainer.Schedule(EPOCHS, BATCH), wired.mixup(), wired.evaluator(), ctx);
        return fits;
    }

    private static List<Fit> epoch(List<Fit> fits, int epoch) {
        return fits.stream().filter(f -> f.epoch() == epoch).toList();
    }

    private static ImageSet data() {
        Random rng = new Random(3);
        float[] pixels = new float[EXAMPLES * 4];
        int[] labels = new int[EXAMPLES];
        for (int i = 0; i < EXAMPLES; i++) {
            labels[i] = i % CLASSES;
            for (int j = 0; j < 4; j++) {
                pixels[i * 4 + j] = rng.nextFloat();
            }
        }
        return new ImageSet(pixels, labels, CLASSES, 1, 2, 2);
    }

    /** A stand-in network: records every fit under the epoch it counts, and checkpoints as an empty file. */
    private static final class RecordingNetwork implements Network {
        private final List<Fit> fits;
        private int epoch;

        RecordingNetwork(List<Fit> fits, int epoch) {
            this.fits = fits;
            this.epoch = epoch;
        }

        @Override
        public double fit(INDArray features, INDArray targets) {
            fits.add(new Fit(epoch, features.dup().data().asFloat(), targets.dup().data().asFloat()));
            return 1.0;
        }

        @Override
        public INDArray output(INDArray features) {
            return Nd4j.zeros(features.rows(), CLASSES);
        }

        @Override
        public INDArray inputGradient(INDArray features, INDArray targets) {
            return Nd4j.zeros(features.shape());
        }

        @Override
        public void save(Path file) throws IOException {
            Files.writeString(file, String.valueOf(epoch));
        }

        @Override
        public Network restore(Path file) throws IOException {
            return new RecordingNetwork(fits, Integer.parseInt(Files.readString(file).trim()));
        }

        @Override
        public void saveModel(Path file) throws IOException {
            save(file);
        }

        @Override
        public long parameterCount() {
            return 0;
        }

        @Override
        public void endEpoch() {
            epoch++;
        }
    }
}
