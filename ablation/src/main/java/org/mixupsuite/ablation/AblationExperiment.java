package org.mixupsuite.ablation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mixupsuite.core.charts.ReliabilityDiagram;
import org.mixupsuite.core.data.CifarAugmentation;
import org.mixupsuite.core.data.ImageData;
import org.mixupsuite.core.data.ImageSet;
import org.mixupsuite.core.data.LabelCorruption;
import org.mixupsuite.core.findings.Claim;
import org.mixupsuite.core.findings.Findings;
import org.mixupsuite.core.run.ConditionContext;
import org.mixupsuite.core.run.ConditionResult;
import org.mixupsuite.core.run.History;
import org.mixupsuite.core.run.Provenance;
import org.mixupsuite.core.run.RunResults;
import org.mixupsuite.core.train.Calibration;
import org.mixupsuite.core.train.ClassificationExperiment;
import org.mixupsuite.core.train.Classifiers;
import org.mixupsuite.core.train.Evaluation;
import org.mixupsuite.core.train.Network;
import org.mixupsuite.core.train.Trainer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains every arm with the same model, subset, schedule and initialization (all derived from the
 * seed, not from the arm) and measures test error and the cost of a training step.
 */
final class AblationExperiment extends ClassificationExperiment<AblationArm> {

    private final AblationStudy.Preset preset;
    private final ImageData data;
    private final ImageSet test;

    AblationExperiment(AblationStudy.Preset preset, ImageData data, List<AblationArm> arms) {
        super(arms, data.train().sampleSize(preset.trainSize()), new Trainer.Schedule(preset.epochs(), preset.batchSize()));
        this.preset = preset;
        this.data = data;
        this.test = testSubset(data, preset.testSize());
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("preset", preset);
        s.put("model", "mlp " + preset.hidden() + "-" + preset.hidden() + ", adam");
        s.put("inputs", "pixels normalized per channel with the training subset's mean and std");
        s.put("test_size", test.count());
        s.put("figures", "test_error at the last epoch; test_error_best over epochs; train_error_real at the last epoch "
                + "on the examples whose label was not replaced (learned = 0 when near chance); step_ms = mean time of one "
                + "training step (mixing + update) after the first epoch, measured while other arms may train in parallel");
        s.put("data", Provenance.data(data));
        return s;
    }

    @Override
    protected Trial trial(AblationArm arm, ConditionContext ctx) {
        ImageSet sampled = subset(data, ctx);
        LabelCorruption.CorruptedLabels corrupted = LabelCorruption.corrupt(sampled.labels(), sampled.numClasses(),
                preset.corruption(), ctx.random("corrupt"));
        ImageSet labelled = preset.corruption() > 0 ? sampled.withLabels(corrupted.labels()) : sampled;
        // pixels normalized per channel with the training subset's statistics, as in the corrupt-labels study
        CifarAugmentation norm = CifarAugmentation.fittedTo(labelled, 0);
        ImageSet train = norm.normalized(labelled);
        INDArray testFeatures = norm.normalized(test).features();
        Network net = Network.of(Classifiers.mlp(train.featureSize(), new int[] {preset.hidden(), preset.hidden()},
                train.numClasses(), 0, preset.learningRate(), ctx.derivedSeed("init")));
        Trainer.EpochEvaluator evaluator = (network, epoch) -> {
            long started = System.nanoTime();
            double testError = Evaluation.errorPercent(Evaluation.predict(network, testFeatures), test.labels());
            return Map.of("test_error", testError, "eval_seconds", (System.nanoTime() - started) / 1e9);
        };
        return Trial.of(train, net, arm.strategy(train), evaluator,
                (history, trained) -> {
                    Map<String, Object> f = figures(history, arm, train.count());
                    // the arm's training error on the examples whose label is real: near chance, it decides no claim
                    double real = Evaluation.errorPercent(Evaluation.predict(trained, train.features()), train.labels(),
                            corrupted.corrupted(), false);
                    f.put("train_error_real", real);
                    f.put(Findings.LEARNED, Evaluation.learned(real, train.numClasses()) ? 1.0 : 0.0);
                    f.put("ece", Calibration.measure(ctx, arm.arm(), arm.arm(), trained, testFeatures, test.labels(),
                            Evaluation.BATCH).ece());
                    return ConditionResult.complete(f, history.rows());
                });
    }

    private Map<String, Object> figures(History rows, AblationArm arm, int n) {
        List<Map<String, Object>> history = rows.rows();
        double trainSeconds = 0;
        int timedEpochs = 0;
        for (int i = 0; i < history.size(); i++) {
            Map<String, Object> row = history.get(i);
            // the first epoch pays for JIT compilation and ND4J's warm-up: time the others when there are any
            if (i > 0 || history.size() == 1) {
                trainSeconds += History.value(row, "seconds") - History.value(row, "eval_seconds");
                timedEpochs++;
            }
        }
        long steps = (long) timedEpochs * ((n + preset.batchSize() - 1) / preset.batchSize());
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("test_error", rows.last().get("test_error"));
        f.put("test_error_best", rows.min("test_error"));
        f.put("step_ms", 1000 * trainSeconds / steps);
        f.put("rows_read_per_epoch", arm.rowsReadPerEpoch(n));
        return f;
    }

    @Override
    public List<Claim> claims() {
        return AblationClaims.of(conditions());
    }

    @Override
    public void drawCharts(RunResults<AblationArm> results, Path runDir) throws IOException {
        AblationCharts.draw(results, runDir);
        ReliabilityDiagram.drawIfAny(runDir);
    }
}
