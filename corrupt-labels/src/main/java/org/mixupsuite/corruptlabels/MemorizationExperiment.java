package org.mixupsuite.corruptlabels;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mixupsuite.core.charts.ReliabilityDiagram;
import org.mixupsuite.core.data.CifarAugmentation;
import org.mixupsuite.core.data.ImageData;
import org.mixupsuite.core.data.ImageSet;
import org.mixupsuite.core.data.LabelCorruption.CorruptedLabels;
import org.mixupsuite.core.data.LabelCorruption;
import org.mixupsuite.core.findings.Claim;
import org.mixupsuite.core.findings.Findings;
import org.mixupsuite.core.mixup.Method;
import org.mixupsuite.core.run.ConditionContext;
import org.mixupsuite.core.run.ConditionResult;
import org.mixupsuite.core.run.History;
import org.mixupsuite.core.run.Provenance;
import org.mixupsuite.core.run.RunResults;
import org.mixupsuite.core.run.SettingText;
import org.mixupsuite.core.train.Calibration;
import org.mixupsuite.core.train.ClassificationExperiment;
import org.mixupsuite.core.train.Classifiers;
import org.mixupsuite.core.train.Evaluation;
import org.mixupsuite.core.train.Network;
import org.mixupsuite.core.train.Trainer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The memorization experiment: corrupt a share of the training labels (the same corruption for every
 * method on a given seed), train, and after each epoch measure test error and training error on
 * the real-labelled and on the corrupted examples (against the labels they were trained with).
 */
final class MemorizationExperiment extends ClassificationExperiment<MemorizationCondition> {

    private final ScalePreset preset;
    private final ImageData data;
    private final ImageSet test;

    MemorizationExperiment(ScalePreset preset, ImageData data, List<MemorizationCondition> conditions) {
        super(conditions, data.train().sampleSize(preset.trainSize()), new Trainer.Schedule(preset.epochs(), preset.batchSize()));
        this.preset = preset;
        this.data = data;
        this.test = testSubset(data, preset.testSize());
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("preset", preset);
        s.put("train_size", trainSize());
        s.put("test_size", test.count());
        s.put("optimizer", resnet() ? "sgd-nesterov 0.9, lr /10 at epochs 100 and 150, l2 1e-4" : "adam");
        s.put("augmentation", resnet() ? "as the authors' CIFAR-10 script: random crop (4-pixel zero padding) + horizontal "
                + "flip per epoch, per-channel normalization with the training subset's mean and std"
                : "none; per-channel normalization with the training subset's mean and std");
        s.put("mixup", "lambda ~ Beta(alpha, alpha) per minibatch, partner = in-batch shuffle");
        if (preset.alphas().isEmpty() || preset.dropouts().isEmpty()) {
            s.put("arms_per_rate", "Table 2's best arm at each rate: alpha " + preset.corruptions().stream()
                    .map(c -> SettingText.number(preset.alphasAt(c).get(0))).toList() + ", dropout p "
                    + preset.corruptions().stream().map(c -> preset.dropoutsAt(c, Method.DROPOUT).stream()
                    .map(SettingText::number).findFirst().orElse("none")).toList() + " at corruption "
                    + preset.corruptions() + "; mixup + dropout at p " + SettingText.number(PaperFigures.COMBINED_P));
        }
        s.put("did_not_learn_rule", "training error on the real labels at the last epoch at least "
                + SettingText.number(Evaluation.NEAR_CHANCE) + " x chance error: figure learned = 0, no claim uses the arm");
        s.put("corruption_protocol", "replace round(rate * n) labels by uniform random labels; "
                + "train_error_corrupted counts the examples whose label changed");
        s.put("data", Provenance.data(data));
        return s;
    }

    @Override
    protected Trial trial(MemorizationCondition c, ConditionContext ctx) {
        // the subset and the corruption depend on the seed only, so all methods of a seed see the same noise
        ImageSet clean = subset(data, ctx);
        CorruptedLabels corrupted = LabelCorruption.corrupt(clean.labels(), clean.numClasses(), c.corruption(),
                ctx.random("corrupt", Math.round(c.corruption() * 1_000_000)));
        ImageSet noisy = clean.withLabels(corrupted.labels());
        // both models see pixels normalized per channel with the training subset's statistics, as the authors'
        // CIFAR-10 script does; only the ResNet also gets its crops and flips. Raw pixels left the MLP's dropout
        // arms near chance on CIFAR-layout data (real-label training error 89.8% against 5.1% normalized)
        CifarAugmentation cifar = CifarAugmentation.fittedTo(noisy, 4);
        ImageSet normalized = cifar.normalized(noisy);
        INDArray trainFeatures = normalized.features();
        INDArray testInputs = cifar.normalized(test).features();
        Trainer.EpochEvaluator evaluator = (network, epoch) -> {
            int[] trainPred = Evaluation.predict(network, trainFeatures);
            Map<String, Double> row = new LinkedHashMap<>();
            row.put("test_error", Evaluation.errorPercent(Evaluation.predict(network, testInputs), test.labels()));
            row.put("train_error_real", Evaluation.errorPercent(trainPred, noisy.labels(), corrupted.corrupted(), false));
            row.put("train_error_corrupted", Evaluation.errorPercent(trainPred, noisy.labels(), corrupted.corrupted(), true));
            return row;
        };
        Trainer.EpochData epochs = resnet() ? Trainer.EpochData.madeAhead((epoch, rng) -> cifar.augmented(noisy, rng))
                : (epoch, rng) -> normalized;
        return new Trial(epochs, model(c, noisy, ctx.derivedSeed("init")), c.method().strategy(c.alpha()), evaluator,
                (history, net) -> {
                    Map<String, Object> f = figures(history, corrupted, clean.numClasses());
                    f.put("ece", Calibration.measure(ctx, c.method().label(), c.slug(), net, testInputs, test.labels(),
                            Evaluation.BATCH).ece());
                    return ConditionResult.complete(f, history.rows());
                });
    }

    static Map<String, Object> figures(History history, CorruptedLabels corrupted, int classes) {
        Map<String, Object> last = history.last();
        Map<String, Object> best = history.argmin("test_error");
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("test_error_best", best.get("test_error"));
        f.put("test_error_last", last.get("test_error"));
        // memorization as the paper reads it: how much test error climbs after the best epoch
        f.put("test_error_rise", History.value(last, "test_error") - History.value(best, "test_error"));
        f.put("train_error_real", last.get("train_error_real"));
        f.put("train_error_corrupted", last.get("train_error_corrupted"));
        f.put("best_epoch", best.get("epoch"));
        // convergence speed as the paper compares it (Fig. 3b): epochs until the run first comes near its own best
        double nearBest = History.value(best, "test_error") + MemorizationClaims.NEAR_BEST;
        f.put("epochs_to_near_best", history.rows().stream().filter(r -> History.value(r, "test_error") <= nearBest)
                .findFirst().map(r -> r.get("epoch")).orElse(best.get("epoch")));
        f.put("corrupted_fraction", corrupted.changedFraction());
        // 1 or 0 per seed: an arm whose training error on the real labels stays near chance decides no claim
        f.put(Findings.LEARNED, Evaluation.learned(History.value(last, "train_error_real"), classes) ? 1.0 : 0.0);
        return f;
    }

    private Network model(MemorizationCondition c, ImageSet train, long seed) {
        double drop = c.method().drops() ? c.dropout() : 0;
        if (resnet()) {
            return Network.of(PreActResNet18.build(train.channels(), train.height(), train.width(), train.numClasses(),
                    drop, preset.learningRate(), seed));
        }
        return Network.of(Classifiers.mlp(train.featureSize(), new int[] {preset.hidden(), preset.hidden()},
                train.numClasses(), drop, preset.learningRate(), seed));
    }

    private boolean resnet() {
        return preset.model().equals("preact-resnet18");
    }

    @Override
    public List<Claim> claims() {
        return MemorizationClaims.of(preset);
    }

    @Override
    public void drawCharts(RunResults<MemorizationCondition> results, Path runDir) throws IOException {
        MemorizationCharts.draw(results, preset.corruptions(), runDir);
        ReliabilityDiagram.drawIfAny(runDir);
    }
}
