package org.mixupsuite.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixupsuite.core.data.ImageSet;
import org.mixupsuite.core.mixup.MixupStrategy;
import org.mixupsuite.core.testing.SyntheticImages;
import org.mixupsuite.core.testing.TestContext;

class TrainerTest {

    @TempDir
    Path tmp;

    private TestContext context(String checkpointFolder) {
        return new TestContext(1, tmp, tmp.resolve(checkpointFolder));
    }

    private static ImageSet synthetic(int n) {
        return SyntheticImages.imageSet(n, 4, 8, 9);
    }

    @Test
    void perEpochDataIsDrawnOncePerEpochFromItsOwnReproducibleGenerator() throws Exception {
        ImageSet train = synthetic(64);
        List<Double> draws = new ArrayList<>();
        Trainer.EpochData data = (epoch, rng) -> {
            draws.add(rng.nextDouble());
            return train;
        };
        TestContext ctx = context("ckpt");
        Trainer.train(Network.of(Classifiers.mlp(64, new int[] {8}, 4, 0, 1e-2, 3)), data, new Trainer.Schedule(3, 16),
                MixupStrategy.ERM, (n, e) -> Map.of(), ctx);
        assertEquals(3, draws.size());
        assertEquals(3L * 64, ctx.progressReported());
        assertEquals(draws.get(1), ctx.random("augment", 2).nextDouble());
        assertNotEquals(draws.get(0), draws.get(1));
    }

    @Test
    void nextEpochsDataMadeAheadOnAnotherThreadTrainsToTheSameNumbers() throws Exception {
        ImageSet train = synthetic(64);
        Map<Boolean, List<String>> threads = new java.util.HashMap<>();
        Map<Boolean, Trainer.Outcome> outcomes = new java.util.HashMap<>();
        for (boolean ahead : new boolean[] {false, true}) {
            List<String> madeOn = java.util.Collections.synchronizedList(new ArrayList<>());
            Trainer.EpochData jittered = (epoch, rng) -> {
                madeOn.add(epoch + ":" + Thread.currentThread().getName());
                float[] px = train.pixels().clone();
                for (int i = 0; i < px.length; i++) {
                    px[i] += (float) (0.05 * rng.nextGaussian());
                }
                return new ImageSet(px, train.labels(), 4, 1, 8, 8);
            };
            Trainer.EpochData data = ahead ? Trainer.EpochData.madeAhead(jittered) : jittered;
            outcomes.put(ahead, Trainer.train(Network.of(Classifiers.mlp(64, new int[] {8}, 4, 0, 1e-2, 3)), data,
                    new Trainer.Schedule(3, 16), MixupStrategy.standard(0.2), (n, e) -> Map.of(),
                    context("ckpt-" + ahead)));
            threads.put(ahead, madeOn);
        }
        String here = Thread.currentThread().getName();
        assertEquals(List.of("1:" + here, "2:" + here, "3:" + here), threads.get(false));
        assertEquals(List.of("1:" + here, "2:next-epoch-data", "3:next-epoch-data"), threads.get(true));
        assertArrayEquals(outcomes.get(false).network().output(train.features()).ravel().toFloatVector(),
                outcomes.get(true).network().output(train.features()).ravel().toFloatVector(), "same draws, same model");
        assertTrue(outcomes.get(true).history().stream().allMatch(row -> row.containsKey("data_wait_seconds")),
                "every epoch records how long the loop waited for its data");
    }

    @Test
    void trainingLowersErrorAndReportsEveryExample() throws Exception {
        ImageSet train = synthetic(256);
        Network net = Network.of(Classifiers.mlp(64, new int[] {32}, 4, 0, 1e-2, 3));
        TestContext ctx = context("ckpt");
        var features = train.features();
        double before = Evaluation.errorPercent(Evaluation.predict(net, features), train.labels());
        Trainer.Outcome out = Trainer.train(net, train, new Trainer.Schedule(5, 32), MixupStrategy.standard(0.2),
                (n, e) -> Map.of("train_error", Evaluation.errorPercent(Evaluation.predict(n, features), train.labels())),
                ctx);
        assertEquals(5, out.history().size());
        assertEquals(5L * 256, ctx.progressReported());
        double after = ((Number) out.history().get(4).get("train_error")).doubleValue();
        assertTrue(after < before && after < 20, "error before " + before + ", after " + after);
    }

    @Test
    void nonFiniteLossStopsWithDivergedAndAMessage() throws Exception {
        ImageSet clean = synthetic(64);
        float[] px = clean.pixels().clone();
        px[3] = Float.NaN;
        ImageSet broken = new ImageSet(px, clean.labels(), 4, 1, 8, 8);
        Network net = Network.of(Classifiers.mlp(64, new int[] {8}, 4, 0, 1e-2, 3));
        List<Integer> evaluated = new ArrayList<>();
        Trainer.Outcome out = Trainer.train(net, broken, new Trainer.Schedule(3, 64), MixupStrategy.ERM,
                (n, e) -> {
                    evaluated.add(e);
                    return Map.of();
                }, context("ckpt"));
        assertTrue(out.diverged());
        assertTrue(out.message().contains("epoch 1"), out.message());
        assertTrue(evaluated.isEmpty(), "no epoch is evaluated after the loss became NaN");
    }
}
