package org.mixupsuite.core.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.util.MathArrays;
import org.mixupsuite.core.data.ImageSet;
import org.mixupsuite.core.mixup.Batch;
import org.mixupsuite.core.mixup.MixupStrategy;
import org.mixupsuite.core.run.CheckpointStore;
import org.mixupsuite.core.run.ConditionContext;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training loop every image study uses: epochs of seeded shuffles, optional mixup, an
 * evaluation after each epoch, a checkpoint after an epoch when the store says one is due, and a
 * stop with status "diverged"
 * when the loss stops being a finite number.
 *
 * <p>Every epoch's generators are derived from (seed, epoch), so a run resumed from the checkpoint
 * of epoch e draws exactly what the uninterrupted run would have drawn from epoch e + 1 on.
 */
public final class Trainer {

    /** Epoch count and minibatch size. */
    public record Schedule(int epochs, int batchSize) {
    }

    /** Figures measured after an epoch (errors in %), in the order they should appear in history.csv. */
    @FunctionalInterface
    public interface EpochEvaluator {
        Map<String, Double> evaluate(Network net, int epoch);
    }

    /** The trained network, its history, and whether training finished or diverged. */
    public record Outcome(Network network, List<Map<String, Object>> history, boolean diverged, String message) {
    }

    private Trainer() {
    }

    /**
     * The training examples of one epoch. A study that augments its data draws a fresh set for each
     * epoch from {@code rng}, which is derived from (seed, "augment", epoch) and so survives resume.
     */
    @FunctionalInterface
    public interface EpochData {
        ImageSet forEpoch(int epoch, RandomGenerator rng);

        /** Whether the next epoch's examples should be made on another thread while this one trains. */
        default boolean makeAhead() {
            return false;
        }

        /** The same examples, the next epoch's made while this one trains (for sources that take time). */
        static EpochData madeAhead(EpochData data) {
            return new EpochData() {
                @Override
                public ImageSet forEpoch(int epoch, RandomGenerator rng) {
                    return data.forEpoch(epoch, rng);
                }

                @Override
                public boolean makeAhead() {
                    return true;
                }
            };
        }
    }

    /** Trains on the same examples every epoch. */
    public static Outcome train(Network initial, ImageSet train, Schedule schedule, MixupStrategy mixup,
                                EpochEvaluator evaluator, ConditionContext ctx) throws IOException {
        return train(initial, (epoch, rng) -> train, schedule, mixup, evaluator, ctx);
    }

    /** Trains on the examples {@code data} gives for each epoch (e.g. freshly augmented ones). */
    public static Outcome train(Network initial, EpochData data, Schedule schedule, MixupStrategy mixup,
                                EpochEvaluator evaluator, ConditionContext ctx) throws IOException {
        CheckpointStore store = ctx.checkpoints();
        Network net = initial;
        List<Map<String, Object>> history = new ArrayList<>();
        int firstEpoch = 1;
        Optional<CheckpointStore.State> saved = store.loadState();
        if (saved.isPresent()) {
            net = initial.restore(store.modelPath(saved.get(), CheckpointStore.MODEL));
            history.addAll(saved.get().history());
            firstEpoch = saved.get().step() + 1;
            ctx.recordHistory(history);
        }

        try (EpochFeed feed = new EpochFeed(data, ctx, schedule.epochs())) {
            return epochs(net, feed, firstEpoch, history, schedule, mixup, evaluator, ctx);
        }
    }

    private static Outcome epochs(Network net, EpochFeed feed, int firstEpoch, List<Map<String, Object>> history,
                                  Schedule schedule, MixupStrategy mixup, EpochEvaluator evaluator,
                                  ConditionContext ctx) throws IOException {
        CheckpointStore store = ctx.checkpoints();
        ImageSet train = null;
        INDArray features = null;
        INDArray targets = null;
        for (int epoch = firstEpoch; epoch <= schedule.epochs(); epoch++) {
            long started = System.nanoTime();
            ImageSet epochSet = feed.take(epoch);
            if (epochSet != train) {
                train = epochSet;
                features = train.features();
                targets = train.oneHotLabels();
            }
            if (epoch == firstEpoch && firstEpoch > 1) {
                ctx.progress((long) (firstEpoch - 1) * train.count());
            }
            int n = train.count();
            RandomGenerator rng = ctx.random("epoch", epoch);
            // dropout draws from ND4J's (thread-local) generator: reseed it per epoch for resumable determinism
            Nd4j.getRandom().setSeed(ctx.derivedSeed("nd4j", epoch));
            int[] order = MathArrays.natural(n);
            MathArrays.shuffle(order, rng);
            double lossSum = 0;
            int batches = 0;
            for (int start = 0; start < n; start += schedule.batchSize()) {
                int[] rows = java.util.Arrays.copyOfRange(order, start, Math.min(n, start + schedule.batchSize()));
                int[] labels = new int[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    labels[i] = train.labels()[rows[i]];
                }
                Batch batch = mixup.mix(new Batch(Nd4j.pullRows(features, 1, rows), Nd4j.pullRows(targets, 1, rows),
                        labels), rng);
                double loss = net.fit(batch.features(), batch.targets());
                if (!Double.isFinite(loss)) {
                    String message = "loss became " + loss + " in epoch " + epoch + " (batch " + (batches + 1)
                            + "); lower the learning rate";
                    return new Outcome(net, history, true, message);
                }
                lossSum += loss;
                batches++;
                ctx.progress(rows.length);
            }
            net.endEpoch();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("epoch", epoch);
            row.put("train_loss", lossSum / batches);
            row.putAll(evaluator.evaluate(net, epoch));
            row.put("seconds", (System.nanoTime() - started) / 1e9);
            row.put("data_wait_seconds", feed.waitedSeconds());
            history.add(row);
            ctx.recordHistory(history);
            // the last epoch needs no checkpoint: the runner saves the condition's result right after
            if (epoch < schedule.epochs() && store.due()) {
                store.save(epoch, net, history, Map.of());
            }
        }
        return new Outcome(net, history, false, null);
    }
}
