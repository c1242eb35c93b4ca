package org.mixupsuite.core.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.mixupsuite.core.data.ImageData;
import org.mixupsuite.core.data.ImageSet;
import org.mixupsuite.core.mixup.MixupStrategy;
import org.mixupsuite.core.run.Condition;
import org.mixupsuite.core.run.ConditionContext;
import org.mixupsuite.core.run.ConditionResult;
import org.mixupsuite.core.run.Experiment;
import org.mixupsuite.core.run.History;

/**
 * The classification experiment every classifier study configures: for each condition and seed, a
 * {@link Trial} (what it trains on, its model and mixup, what it measures after each epoch, and
 * what it makes of the trained model), trained by {@link Trainer} on the study's schedule; a loss
 * that stops being finite becomes a result with status "diverged". A study says only what differs:
 * its data and subsets, its conditions, models, figures and charts.
 */
public abstract class ClassificationExperiment<C extends Condition> implements Experiment<C> {

    /** What the trained network and its history make of one condition on one seed. */
    @FunctionalInterface
    public interface Result {
        ConditionResult of(History history, Network trained) throws IOException;
    }

    /**
     * One condition on one seed.
     *
     * @param data      the examples of each epoch (the same set every epoch, or freshly augmented ones)
     * @param model     the initialized network (the loop restores it from a checkpoint on resume)
     * @param evaluator figures measured after each epoch, for the history
     * @param result    the condition's figures from the history and the trained network
     */
    public record Trial(Trainer.EpochData data, Network model, MixupStrategy mixup, Trainer.EpochEvaluator evaluator,
                        Result result) {

        /** A trial on the same examples every epoch. */
        public static Trial of(ImageSet train, Network model, MixupStrategy mixup, Trainer.EpochEvaluator evaluator,
                               Result result) {
            return new Trial((epoch, rng) -> train, model, mixup, evaluator, result);
        }
    }

    private final List<C> conditions;
    private final int trainSize;
    private final Trainer.Schedule schedule;

    /** @param trainSize training examples each condition trains on (for progress, and for {@link #subset}) */
    protected ClassificationExperiment(List<C> conditions, int trainSize, Trainer.Schedule schedule) {
        this.conditions = List.copyOf(conditions);
        this.trainSize = trainSize;
        this.schedule = schedule;
    }

    /** The trial of {@code condition} on the seed of {@code ctx}. */
    protected abstract Trial trial(C condition, ConditionContext ctx) throws IOException;

    @Override
    public final List<C> conditions() {
        return conditions;
    }

    @Override
    public final long workUnits(C condition) {
        return (long) trainSize * schedule.epochs();
    }

    protected final int trainSize() {
        return trainSize;
    }

    protected final Trainer.Schedule schedule() {
        return schedule;
    }

    @Override
    public final ConditionResult run(C condition, ConditionContext ctx) throws IOException {
        Trial trial = trial(condition, ctx);
        Trainer.Outcome out = train(trial, ctx);
        if (out.diverged()) {
            return ConditionResult.diverged(out.message(), out.history());
        }
        // the trained model stays in the run folder (checkpoints/ goes when the run is done)
        out.network().saveModel(modelFile(ctx.runDirectory(), condition.slug(), ctx.seed()));
        return trial.result().of(History.of(out.history()), out.network());
    }

    /** Where a finished condition's model is kept: models/&lt;slug&gt;-seed&lt;N&gt;.zip in the run folder. */
    public static Path modelFile(Path runDir, String slug, long seed) {
        return runDir.resolve("models").resolve(slug + "-seed" + seed + ".zip");
    }

    /** Trains a trial on the schedule: for a condition's own model, or for a helper model under its own context. */
    protected final Trainer.Outcome train(Trial trial, ConditionContext ctx) throws IOException {
        return Trainer.train(trial.model(), trial.data(), schedule, trial.mixup(), trial.evaluator(), ctx);
    }

    /** The seed's random training subset of {@link #trainSize} examples: the same for every condition of a seed. */
    protected final ImageSet subset(ImageData data, ConditionContext ctx) {
        return data.train().sample(trainSize, ctx.random("subset"));
    }

    /** The first {@code size} test examples, or all of them for 0. */
    protected static ImageSet testSubset(ImageData data, int size) {
        return size > 0 ? data.test().head(size) : data.test();
    }
}
