package org.mixupsuite.core.train;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.util.MathArrays;
import org.mixupsuite.core.data.ImageSet;
import org.mixupsuite.core.data.Rows;
import org.mixupsuite.core.mixup.Batch;
import org.mixupsuite.core.mixup.MixupStrategy;
import org.mixupsuite.core.run.CheckpointStore;
import org.mixupsuite.core.run.ConditionContext;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The classifiers' training on {@link TrainingLoop}: epochs of seeded shuffles, optional mixup, an
 * evaluation after each epoch, a checkpoint after an epoch when the store says one is due, and a
 * stop with status "diverged" when the loss stops being a finite number.
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

        /** Called once training is over (finished, diverged or failed): no more epochs will be asked for. */
        default void close() {
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

                @Override
                public void close() {
                    data.close();
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
        Optional<CheckpointStore.State> saved = TrainingLoop.saved(ctx);
        Network net = TrainingLoop.restore(ctx, saved, Map.of(CheckpointStore.MODEL, initial)).get(CheckpointStore.MODEL);
        try (EpochFeed feed = new EpochFeed(data, ctx, schedule.epochs())) {
            EpochStep epoch = new EpochStep(net, feed, schedule, mixup, evaluator, ctx);
            TrainingLoop.Outcome out = TrainingLoop.run(ctx, saved, schedule.epochs(), epoch,
                    List.of(TrainingLoop.timing("seconds"), epoch, TrainingLoop.checkpoints(ctx.checkpoints(),
                            schedule.epochs(), TrainingLoop.networks(Map.of(CheckpointStore.MODEL, net), Map::of))));
            return new Outcome(net, out.history(), out.diverged(), out.message());
        }
    }

    /**
     * One epoch: a seeded shuffle, minibatches mixed by the strategy, then the evaluator's figures.
     * It reports progress per batch itself (an epoch can take minutes), and listens to the loop for
     * the epochs done before a resume and for its row's data-wait column.
     */
    private static final class EpochStep implements TrainingLoop.Step, TrainingLoop.Listener {
        private final Network net;
        private final EpochFeed feed;
        private final Schedule schedule;
        private final MixupStrategy mixup;
        private final EpochEvaluator evaluator;
        private final ConditionContext ctx;
        private int resumedAfter;
        private ImageSet train;
        private INDArray features;
        private INDArray targets;

        EpochStep(Network net, EpochFeed feed, Schedule schedule, MixupStrategy mixup, EpochEvaluator evaluator,
                  ConditionContext ctx) {
            this.net = net;
            this.feed = feed;
            this.schedule = schedule;
            this.mixup = mixup;
            this.evaluator = evaluator;
            this.ctx = ctx;
        }

        @Override
        public void resumed(CheckpointStore.State state) {
            resumedAfter = state.step();
        }

        @Override
        public void stepEnded(int step, Map<String, Object> row) {
            if (row != null) {
                row.put("data_wait_seconds", feed.waitedSeconds());
            }
        }

        @Override
        public Map<String, Object> run(int epoch) throws TrainingLoop.Diverged {
            ImageSet epochSet = feed.take(epoch);
            if (epochSet != train) {
                train = epochSet;
                features = train.features();
                targets = train.oneHotLabels();
            }
            if (resumedAfter > 0 && epoch == resumedAfter + 1) {
                ctx.progress((long) resumedAfter * train.count());
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
                int[] rows = Arrays.copyOfRange(order, start, Math.min(n, start + schedule.batchSize()));
                int[] labels = new int[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    labels[i] = train.labels()[rows[i]];
                }
                Batch batch = mixup.mix(new Batch(Rows.gather(features, rows), Rows.gather(targets, rows),
                        labels), rng);
                double loss = net.fit(batch.features(), batch.targets());
                if (!Double.isFinite(loss)) {
                    throw new TrainingLoop.Diverged("loss became " + loss + " in epoch " + epoch + " (batch "
                            + (batches + 1) + "); lower the learning rate");
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
            return row;
        }
    }
}
