package org.mixupsuite.adversarial;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mixupsuite.core.Seeds;
import org.mixupsuite.core.charts.ReliabilityDiagram;
import org.mixupsuite.core.data.ImageData;
import org.mixupsuite.core.data.ImageSet;
import org.mixupsuite.core.findings.Claim;
import org.mixupsuite.core.mixup.MixupStrategy;
import org.mixupsuite.core.run.CheckpointStore;
import org.mixupsuite.core.run.ConditionContext;
import org.mixupsuite.core.run.ConditionResult;
import org.mixupsuite.core.run.History;
import org.mixupsuite.core.run.MetricRow;
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
 * Trains each target model once per seed, then evaluates it on clean test images and under every
 * attack, epsilon and box. Black-box examples are crafted once per seed on a source model: an ERM
 * MLP of the same shape trained from a different seed (its own subset, initialization and order).
 */
final class AdversarialExperiment extends ClassificationExperiment<TargetModel> {

    /** PGD's step: this many times epsilon / steps (Madry et al.'s 2.5), so the steps can cross the ball and back. */
    static final double PGD_STEP_SCALE = 2.5;
    static final List<String> BOXES = List.of("white", "black");
    /** Strong enough that the perturbation is visible and predictions change, as in the epsilon sweep's middle. */
    static final double PICTURE_EPSILON = 0.1;

    private final AdversarialStudy.Preset preset;
    /** The run's first seed: its models get a picture of their adversarial examples. */
    private final long firstSeed;
    private final ImageData data;
    private final ImageSet attacked;
    private final INDArray attackedFeatures;
    private final INDArray attackedTargets;
    /** Black-box examples per seed, keyed by attack and epsilon; crafted by whichever condition needs them first. */
    private final Map<Long, Map<String, INDArray>> blackBox = new ConcurrentHashMap<>();
    /** One lock per seed: conditions of one seed wait for its source model, other seeds' conditions go on. */
    private final Map<Long, Object> sourceLocks = new ConcurrentHashMap<>();

    AdversarialExperiment(AdversarialStudy.Preset preset, ImageData data, List<TargetModel> targets, long firstSeed) {
        super(targets, data.train().sampleSize(preset.trainSize()), new Trainer.Schedule(preset.epochs(), preset.batchSize()));
        this.firstSeed = firstSeed;
        this.preset = preset;
        this.data = data;
        this.attacked = data.test().head(preset.attackSize());
        this.attackedFeatures = attacked.features();
        this.attackedTargets = attacked.oneHotLabels();
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("preset", preset);
        s.put("model", (lenet() ? "lenet: conv 5x5x20, max-pool 2, conv 5x5x50, max-pool 2, dense 500"
                : "mlp 784-" + preset.hidden() + "-" + preset.hidden()) + ", Adam 1e-3, no dropout or batch norm "
                + "(DL4J computes input gradients in training mode, which is then the same as inference mode)");
        s.put("attacks", "fgsm: one step of epsilon; i-fgsm: " + preset.ifgsmSteps() + " steps of epsilon/"
                + preset.ifgsmSteps() + ", projected on the epsilon-ball and on [0, 1] after each; pgd: a uniform random "
                + "start in the ball, then " + preset.ifgsmSteps() + " steps of " + PGD_STEP_SCALE + " epsilon/"
                + preset.ifgsmSteps() + ", projected alike");
        s.put("black_box_source", "ERM model of the same architecture trained from seed derive(seed, black-box-source)");
        s.put("paper_epsilon", AdversarialStudy.PAPER_EPSILON);
        s.put("attacked_examples", attacked.count());
        s.put("data", Provenance.data(data));
        return s;
    }

    /** A model trained on the seed's subset: a target (ERM or mixup), or the ERM source of the black-box examples. */
    private Trial trial(MixupStrategy mixup, ConditionContext ctx, Result result) {
        ImageSet train = subset(data, ctx);
        Network net = Network.of(lenet()
                ? Classifiers.lenet(train.channels(), train.height(), train.width(), train.numClasses(), 1e-3,
                        ctx.derivedSeed("init"))
                : Classifiers.mlp(train.featureSize(), new int[] {preset.hidden(), preset.hidden()},
                        train.numClasses(), 0, 1e-3, ctx.derivedSeed("init")));
        return Trial.of(train, net, mixup, (n, epoch) -> Map.of("test_error",
                Evaluation.errorPercent(Evaluation.predict(n, attackedFeatures), attacked.labels())), result);
    }

    @Override
    protected Trial trial(TargetModel target, ConditionContext ctx) {
        return trial(target.method().strategy(target.alpha()), ctx, (history, net) -> attack(target, net, history, ctx));
    }

    private ConditionResult attack(TargetModel target, Network net, History history, ConditionContext ctx)
            throws IOException {
        Map<String, INDArray> transferred = blackBoxExamples(ctx);
        double cleanError = Evaluation.topErrors(net, attackedFeatures, attacked.labels(), 5)[0];
        // calibration on the clean attacked rows: a property of the model, carried on each of its rows
        double ece = Calibration.measure(ctx, target.method().label(), target.slug(), net, attackedFeatures,
                attacked.labels(), Evaluation.BATCH).ece();
        List<MetricRow> rows = new ArrayList<>();
        for (String box : BOXES) {
            for (Attack attack : preset.attacks()) {
                for (double epsilon : preset.epsilons()) {
                    long started = System.nanoTime();
                    INDArray adversarial = box.equals("white") ? craft(net, attack, epsilon, ctx)
                            : transferred.get(key(attack, epsilon));
                    double seconds = (System.nanoTime() - started) / 1e9;
                    double[] errors = Evaluation.topErrors(net, adversarial, attacked.labels(), 5);
                    Map<String, Object> settings = new LinkedHashMap<>();
                    settings.put("attack", attack.label());
                    settings.put("epsilon", epsilon);
                    settings.put("box", box);
                    Map<String, Object> figures = new LinkedHashMap<>();
                    figures.put("clean_error", cleanError);
                    figures.put("ece", ece);
                    figures.put("top1_error", errors[0]);
                    figures.put("top5_error", errors[1]);
                    // the paper's measure of robustness: the share still classified right, compared as a ratio
                    // (mixup's over ERM's), so per seed as a difference of logs
                    figures.put("top1_robust_accuracy", 100 - errors[0]);
                    if (errors[0] < 100) {
                        figures.put("log_top1_robust_accuracy", Math.log(100 - errors[0]));
                    }
                    if (box.equals("white") && epsilon > 0) {
                        figures.put("attack_examples_per_s", attacked.count() / seconds);
                    }
                    rows.add(new MetricRow(settings, figures));
                }
            }
        }
        if (ctx.seed() == firstSeed) {
            AdversarialCharts.examples(target, net, attacked, craft(net, Attack.FGSM, PICTURE_EPSILON, ctx), PICTURE_EPSILON,
                    ctx.runDirectory());
        }
        return ConditionResult.complete(rows, history.rows());
    }

    /** Every target of a run has the same architecture (--model). */
    private boolean lenet() {
        return conditions().get(0).model().equals("lenet");
    }

    /** The attack's examples against {@code net}; PGD's random starts come from the context's seed. */
    private INDArray craft(Network net, Attack attack, double epsilon, ConditionContext ctx) {
        return switch (attack) {
            case FGSM -> FgsmAttack.fgsm(net, attackedFeatures, attackedTargets, epsilon);
            case I_FGSM -> FgsmAttack.iterative(net, attackedFeatures, attackedTargets, epsilon, preset.ifgsmSteps());
            case PGD -> FgsmAttack.pgd(net, attackedFeatures, attackedTargets, epsilon, preset.ifgsmSteps(),
                    PGD_STEP_SCALE * epsilon / preset.ifgsmSteps(), ctx.random("pgd-start", Math.round(epsilon * 1_000_000)));
        };
    }

    /** The seed's black-box examples, crafted on the source model the first time a condition of that seed asks. */
    private Map<String, INDArray> blackBoxExamples(ConditionContext ctx) throws IOException {
        synchronized (sourceLocks.computeIfAbsent(ctx.seed(), seed -> new Object())) {
            Map<String, INDArray> cached = blackBox.get(ctx.seed());
            if (cached != null) {
                return cached;
            }
            SourceContext sourceCtx = new SourceContext(ctx);
            Trainer.Outcome source = train(trial(MixupStrategy.ERM, sourceCtx, null), sourceCtx);
            if (source.diverged()) {
                throw new IllegalStateException(sourceCtx.label() + ": training diverged: " + source.message());
            }
            Map<String, INDArray> examples = new HashMap<>();
            for (Attack attack : preset.attacks()) {
                for (double epsilon : preset.epsilons()) {
                    examples.put(key(attack, epsilon), craft(source.network(), attack, epsilon, sourceCtx));
                }
            }
            blackBox.put(ctx.seed(), examples);
            return examples;
        }
    }

    private static String key(Attack attack, double epsilon) {
        return attack.label() + "@" + epsilon;
    }

    /** The source model's context: its own seed and checkpoint folder, no history and no progress of its own. */
    private static final class SourceContext implements ConditionContext {
        private final ConditionContext target;
        private final CheckpointStore store;

        SourceContext(ConditionContext target) {
            this.target = target;
            this.store = target.checkpoints().sibling("black-box-source-seed" + target.seed());
        }

        @Override
        public long seed() {
            return Seeds.derive(target.seed(), "black-box-source");
        }

        @Override
        public String label() {
            return "black-box source of seed " + target.seed();
        }

        @Override
        public CheckpointStore checkpoints() {
            return store;
        }

        @Override
        public Path runDirectory() {
            return target.runDirectory();
        }

        @Override
        public void recordHistory(List<Map<String, Object>> rows) {
        }

        @Override
        public void progress(long units) {
        }
    }

    @Override
    public List<Claim> claims() {
        return AdversarialClaims.of(preset);
    }

    @Override
    public void drawCharts(RunResults<TargetModel> results, Path runDir) throws IOException {
        AdversarialCharts.draw(results, preset.attacks(), preset.epsilons(), runDir);
        ReliabilityDiagram.drawIfAny(runDir);
    }
}
