package org.mixupsuite.speech;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;
import org.mixupsuite.core.mixup.Batch;
import org.mixupsuite.core.mixup.MixupStrategy;
import org.mixupsuite.core.run.ConditionContext;
import org.mixupsuite.core.train.Trainer;
import org.mixupsuite.core.train.TrainingLoop;

/**
 * mixup after a warm-up (§3.3): the first {@code warmupEpochs} epochs train on the batches as they
 * are ("speeds up initial convergence"), every later one on mixed batches. The trainer hands a
 * strategy no epoch number, so this one learns it from the epoch's end: {@link #counting} wraps the
 * per-epoch evaluator, which the trainer calls after every epoch. During warm-up nothing is drawn
 * from the epoch's generator, so mixup's warm-up epochs are ERM's epochs of the same seed, draw for draw.
 */
final class WarmupMixup implements MixupStrategy {

    private final MixupStrategy mixup;
    private final int warmupEpochs;
    private int epoch;

    /**
     * @param firstEpoch the epoch training starts with: 1, or the one after a resumed checkpoint's
     */
    WarmupMixup(MixupStrategy mixup, int warmupEpochs, int firstEpoch) {
        this.mixup = mixup;
        this.warmupEpochs = warmupEpochs;
        this.epoch = firstEpoch;
    }

    /** The strategy and the evaluator a trial trains with: {@code mixup} itself when there is no warm-up. */
    record Wired(MixupStrategy mixup, Trainer.EpochEvaluator evaluator) {
    }

    static Wired wire(MixupStrategy mixup, int warmupEpochs, int firstEpoch, Trainer.EpochEvaluator evaluator) {
        if (warmupEpochs <= 0 || mixup == MixupStrategy.ERM) {
            return new Wired(mixup, evaluator);
        }
        WarmupMixup w = new WarmupMixup(mixup, warmupEpochs, firstEpoch);
        return new Wired(w, w.counting(evaluator));
    }

    /** The epoch a condition's training starts with: 1, or the one after the checkpoint it resumes from. */
    static int firstEpoch(ConditionContext ctx) {
        return TrainingLoop.saved(ctx).map(state -> state.step() + 1).orElse(1);
    }

    /** {@code evaluator}, after which this strategy moves on to the next epoch. */
    Trainer.EpochEvaluator counting(Trainer.EpochEvaluator evaluator) {
        return (net, ended) -> {
            Map<String, Double> row = evaluator.evaluate(net, ended);
            epoch = ended + 1;
            return row;
        };
    }

    boolean warmingUp() {
        return epoch <= warmupEpochs;
    }

    @Override
    public Batch mix(Batch batch, RandomGenerator rng) {
        return warmingUp() ? batch : mixup.mix(batch, rng);
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>(mixup.describe());
        d.put("warmup_epochs", warmupEpochs);
        return d;
    }
}
