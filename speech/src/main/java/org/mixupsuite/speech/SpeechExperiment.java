package org.mixupsuite.speech;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.apache.commons.math3.random.RandomDataGenerator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mixupsuite.core.charts.ReliabilityDiagram;
import org.mixupsuite.core.data.ImageSet;
import org.mixupsuite.core.findings.Claim;
import org.mixupsuite.core.run.ConditionContext;
import org.mixupsuite.core.run.ConditionResult;
import org.mixupsuite.core.run.History;
import org.mixupsuite.core.run.RunResults;
import org.mixupsuite.core.train.Calibration;
import org.mixupsuite.core.train.ClassificationExperiment;
import org.mixupsuite.core.train.Evaluation;
import org.mixupsuite.core.train.Network;
import org.mixupsuite.core.train.SharedEpochData;
import org.mixupsuite.core.train.Trainer;

/**
 * The speech experiment: train LeNet and VGG-11 with ERM and with mixup (after its warm-up epochs)
 * on the clips' spectrograms, as they are or freshly augmented each epoch when asked, with Adam on
 * the paper's step schedule; measure validation error after every epoch, and test error of the
 * final model; keep the final model for {@code --evaluate}.
 */
final class SpeechExperiment extends ClassificationExperiment<SpeechCondition> {

    /** Rows per forward pass in evaluation: large CNN inputs would need gigabytes at core's default. */
    static final int EVAL_BATCH = 100;

    private final ScalePreset preset;
    private final SpeechData data;
    private final Augmentation augmentation;
    private final SharedEpochData sharedEpochs;

    SpeechExperiment(ScalePreset preset, SpeechData data, List<SpeechCondition> conditions) {
        super(conditions, preset.trainSize() > 0 ? Math.min(preset.trainSize(), data.train().count()) : data.train().count(),
                new Trainer.Schedule(preset.epochs(), preset.batchSize()));
        this.preset = preset;
        this.data = data;
        this.augmentation = preset.augment() ? Augmentation.standard() : Augmentation.NONE;
        // every condition of a seed trains on the same subset, augmented by the same (seed, "augment",
        // epoch) draws: each epoch's features are made once for all of them
        this.sharedEpochs = new SharedEpochData(conditions.size());
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("preset", preset);
        s.put("train_size", trainSize());
        s.put("features", preset.features().settings());
        s.put("words", data.layout().words());
        s.put("optimizer", "adam");
        s.put("learning_rate", learningRateSettings(preset));
        s.put("mixup", "on spectrograms (as in the paper), lambda ~ Beta(alpha, alpha) per minibatch, "
                + "partner = in-batch shuffle");
        s.put("mixup_warmup_epochs", preset.warmupEpochs());
        s.put("mixup_warmup", "mixup's first " + preset.warmupEpochs() + " epochs train on unmixed batches (ERM's "
                + "batches of the same seed); ERM has no warm-up to take");
        s.put("augmentation", augmentationSettings(preset.augment(), augmentation));
        s.put("reported", "val_error and test_error of the final epoch's model; val_error_best at best_epoch");
        s.put("paper_table4_error_percent", PaperFigures.TABLE_4);
        s.put("data", data.describe());
        return s;
    }

    /** The schedule as config.json records it: the initial rate, the steps, and every epoch's rate. */
    static Map<String, Object> learningRateSettings(ScalePreset p) {
        Map<String, Object> lr = new LinkedHashMap<>();
        lr.put("initial", p.learningRate());
        lr.put("divided_by_10_after_epochs", p.lrDrops());
        List<Double> perEpoch = new java.util.ArrayList<>();
        for (int e = 1; e <= p.epochs(); e++) {
            perEpoch.add(p.learningRateAt(e));
        }
        lr.put("per_epoch", perEpoch);
        return lr;
    }

    static Map<String, Object> augmentationSettings(boolean on, Augmentation augmentation) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("on", on);
        if (on) {
            a.putAll(augmentation.describe());
        }
        return a;
    }

    @Override
    protected Trial trial(SpeechCondition c, ConditionContext ctx) {
        // the subset depends on the seed only, so ERM and mixup of one seed train on the same clips
        ClipSet train = subset(ctx);
        int classes = data.numClasses();
        Features features = preset.features();
        MultiLayerNetwork model = SpeechModels.build(c.model(), features.height(), features.width(), classes,
                preset.widthDivisor(), preset.dropout(), preset.learningRateSchedule(), ctx.derivedSeed("init"));
        Trainer.EpochData epochs;
        IntToDoubleFunction augmentSeconds;
        if (augmentation.isNone()) {
            ImageSet fixed = features.plain(train, classes);
            epochs = (epoch, rng) -> fixed;
            augmentSeconds = epoch -> 0.0;
        } else {
            Trainer.EpochData augmented = (epoch, rng) -> features.augmented(train, classes, augmentation, data.noises(), rng);
            // the next epoch's features are made while this one trains, if two epochs' worth fit the heap easily
            long epochBytes = (long) train.count() * features.height() * features.width() * Float.BYTES;
            SharedEpochData.View view = sharedEpochs.join(ctx.seed(), epochBytes < Runtime.getRuntime().maxMemory() / 4
                    ? Trainer.EpochData.madeAhead(augmented) : augmented);
            epochs = view;
            augmentSeconds = view::secondsToMake;
        }
        var valFeatures = data.validationFeatures().features();
        Trainer.EpochEvaluator evaluator = (net, epoch) -> {
            long t0 = System.nanoTime();
            Map<String, Double> row = new LinkedHashMap<>();
            row.put("val_error", Evaluation.errorPercent(Evaluation.predict(net, valFeatures, EVAL_BATCH),
                    data.validationFeatures().labels()));
            // what making this epoch's features took, whichever condition of the seed made them
            row.put("augment_seconds", augmentSeconds.applyAsDouble(epoch));
            row.put("eval_seconds", (System.nanoTime() - t0) / 1e9);
            return row;
        };
        // a resumed run starts after its checkpoint's epoch, and so does the warm-up's count
        WarmupMixup.Wired mixup = WarmupMixup.wire(c.method().strategy(c.alpha()), preset.warmupEpochs(),
                WarmupMixup.firstEpoch(ctx), evaluator);
        return new Trial(epochs, Network.of(model), mixup.mixup(), mixup.evaluator(), (history, trained) -> {
            int[] predicted = Evaluation.predict(trained, data.testFeatures().features(), EVAL_BATCH);
            long[][] confusion = Confusion.counts(predicted, data.testFeatures().labels(), classes);
            Path models = ModelFiles.dir(ctx);
            // the model itself is kept by ClassificationExperiment at ModelFiles.model(models, slug, seed)
            ModelFiles.saveConfusion(ModelFiles.confusion(models, c.slug(), ctx.seed()), confusion);
            Map<String, Object> f = figures(history, Confusion.errorPercent(confusion), train.count());
            f.put("ece", Calibration.measure(ctx, c.method().label(), c.slug(), trained, data.testFeatures().features(),
                    data.testFeatures().labels(), EVAL_BATCH).ece());
            return ConditionResult.complete(f, history.rows());
        });
    }

    private ClipSet subset(ConditionContext ctx) {
        ClipSet all = data.train();
        if (trainSize() >= all.count()) {
            return all;
        }
        int[] rows = new RandomDataGenerator(ctx.random("subset")).nextPermutation(all.count(), trainSize());
        float[][] waves = new float[rows.length][];
        int[] labels = new int[rows.length];
        List<SpeechCommands.Clip> clips = new java.util.ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            waves[i] = all.waveforms()[rows[i]];
            labels[i] = all.labels()[rows[i]];
            clips.add(all.clips().get(rows[i]));
        }
        return new ClipSet(clips, waves, labels, List.of());
    }

    /** The condition's figures from its history: final and best validation error, test error, throughput. */
    static Map<String, Object> figures(History rows, double testError, int trainCount) {
        List<Map<String, Object>> history = rows.rows();
        Map<String, Object> last = rows.last();
        Map<String, Object> best = rows.argmin("val_error");
        double epochSeconds = 0;
        double augmentSeconds = 0;
        double evalSeconds = 0;
        double waitSeconds = 0;
        for (Map<String, Object> row : history) {
            epochSeconds += History.value(row, "seconds");
            augmentSeconds += History.value(row, "augment_seconds");
            evalSeconds += History.value(row, "eval_seconds");
            // absent from runs made before the loop measured it: then featurizing was all waiting
            double waited = History.value(row, "data_wait_seconds");
            waitSeconds += Double.isNaN(waited) ? History.value(row, "augment_seconds") : waited;
        }
        double clips = (double) trainCount * history.size();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("val_error", last.get("val_error"));
        f.put("test_error", testError);
        f.put("val_error_best", best.get("val_error"));
        f.put("best_epoch", best.get("epoch"));
        // mixup at work: the loss on mixed targets stays well above ERM's (a tripwire for baselines, not a finding)
        f.put("train_loss_last", last.get("train_loss"));
        f.put("feature_clips_per_s", augmentSeconds > 0 ? clips / augmentSeconds : null);
        f.put("train_examples_per_s", clips / Math.max(1e-9, epochSeconds - waitSeconds - evalSeconds));
        f.put("data_wait_share", waitSeconds / Math.max(1e-9, epochSeconds));
        return f;
    }

    @Override
    public List<Claim> claims() {
        return SpeechClaims.of(preset);
    }

    @Override
    public void drawCharts(RunResults<SpeechCondition> results, Path runDir) throws IOException {
        SpeechCharts.draw(results, data, runDir);
        ReliabilityDiagram.drawIfAny(runDir);
    }
}
