package org.mixupsuite.adversarial;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.mixupsuite.core.BadInputException;
import org.apache.commons.math3.random.RandomGenerator;
import org.mixupsuite.core.Seeds;
import org.mixupsuite.core.charts.ReliabilityDiagram;
import org.mixupsuite.core.data.ImageData;
import org.mixupsuite.core.data.ImageSet;
import org.mixupsuite.core.findings.Claim;
import org.mixupsuite.core.mixup.Method;
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
 *
 * <p>Every model is also attacked at the seed's strength-matched epsilon ({@link MatchedEpsilon}):
 * the epsilon at which the seed's ERM model has the paper's white-box FGSM top-1 error, found on a
 * held-out split, the test rows after the attacked ones (never trained on, never read by a claim,
 * drawn from the same pool as the attacked rows). The ERM condition finds it at its last epoch;
 * the seed's mixup conditions wait for it. That cannot deadlock because the runner submits the
 * conditions in plan order (ERM first) to a first-in first-out pool, so a mixup condition starts
 * only after its seed's ERM condition has.
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
    /** Where the matched epsilon is found: test rows after the attacked ones. */
    private final ImageSet heldOut;
    private final INDArray heldOutFeatures;
    private final INDArray heldOutTargets;
    /** Per seed, the black-box source model and the examples crafted on it, by whichever condition needs them first. */
    private final Map<Long, Source> sources = new ConcurrentHashMap<>();
    /** One lock per seed: conditions of one seed wait for its source model, other seeds' conditions go on. */
    private final Map<Long, Object> sourceLocks = new ConcurrentHashMap<>();
    /** Per seed, the epsilon matched on its ERM model; empty when that model's training did not finish. */
    private final Map<Long, CompletableFuture<Optional<MatchedEpsilon>>> matched = new ConcurrentHashMap<>();

    AdversarialExperiment(AdversarialStudy.Preset preset, ImageData data, List<TargetModel> targets, long firstSeed) {
        super(targets, data.train().sampleSize(preset.trainSize()), new Trainer.Schedule(preset.epochs(), preset.batchSize()));
        this.firstSeed = firstSeed;
        this.preset = preset;
        this.data = data;
        this.attacked = data.test().head(preset.attackSize());
        this.attackedFeatures = attacked.features();
        this.attackedTargets = attacked.oneHotLabels();
        int first = attacked.count();
        int heldOutCount = Math.min(preset.heldOutSize(), data.test().count() - first);
        if (heldOutCount < 1) {
            throw new BadInputException("--attack-size: " + first + " attacked rows leave none of the " + data.test().count()
                    + " test rows for the held-out split on which the matched epsilon is found");
        }
        this.heldOut = data.test().subset(IntStream.range(first, first + heldOutCount).toArray());
        this.heldOutFeatures = heldOut.features();
        this.heldOutTargets = heldOut.oneHotLabels();
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
        // the epsilon itself differs per seed: metrics.json's matched rows hold it (epsilon_matched, per seed)
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("strength", MatchedEpsilon.STRENGTH);
        rule.put("what", "per seed, the epsilon at which the seed's ERM model has the paper's white-box FGSM top-1 "
                + "error (Table 3), found by bisection on the held-out rows; every model is then attacked at it");
        rule.putAll(MatchedEpsilon.PAPER.describe());
        rule.put("held_out", "test rows " + attacked.count() + " to " + (attacked.count() + heldOut.count() - 1)
                + " (after the attacked ones: never trained on, never read by a claim)");
        rule.put("held_out_examples", heldOut.count());
        s.put("matched_epsilon", rule);
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
        Trial trial = trial(target.method().strategy(target.alpha()), ctx, (history, net) -> attack(target, net, history, ctx));
        return target.method() == Method.ERM ? matching(trial, ctx) : trial;
    }

    /**
     * ERM's trial, which also finds the seed's matched epsilon: at the last epoch's evaluation rather
     * than after training, because a training that diverges or fails never reaches the result step
     * while the data's close always follows; so the seed's waiting mixup conditions are released
     * either way (with nothing to attack at, when ERM did not finish).
     */
    private Trial matching(Trial trial, ConditionContext ctx) {
        CompletableFuture<Optional<MatchedEpsilon>> found = matchedFuture(ctx.seed());
        Trainer.EpochEvaluator evaluator = (net, epoch) -> {
            Map<String, Double> row = trial.evaluator().evaluate(net, epoch);
            if (epoch == schedule().epochs()) {
                found.complete(Optional.of(match(net)));
            }
            return row;
        };
        Trainer.EpochData data = new Trainer.EpochData() {
            @Override
            public ImageSet forEpoch(int epoch, RandomGenerator rng) {
                return trial.data().forEpoch(epoch, rng);
            }

            @Override
            public boolean makeAhead() {
                return trial.data().makeAhead();
            }

            @Override
            public void close() {
                trial.data().close();
                found.complete(Optional.empty()); // no effect once the last epoch has matched
            }
        };
        return new Trial(data, trial.model(), trial.mixup(), evaluator, trial.result());
    }

    /** The epsilon at which {@code erm}'s white-box FGSM top-1 error on the held-out rows reaches the paper's. */
    MatchedEpsilon match(Network erm) {
        return MatchedEpsilon.find(epsilon -> Evaluation.errorPercent(Evaluation.predict(erm,
                FgsmAttack.fgsm(erm, heldOutFeatures, heldOutTargets, epsilon)), heldOut.labels()), MatchedEpsilon.PAPER);
    }

    private CompletableFuture<Optional<MatchedEpsilon>> matchedFuture(long seed) {
        return matched.computeIfAbsent(seed, s -> new CompletableFuture<>());
    }

    /**
     * The seed's matched epsilon: found by its ERM condition in this process, or, in a resumed run
     * whose ERM condition finished earlier, read back from that condition's saved rows.
     */
    private Optional<MatchedEpsilon> matchedEpsilon(ConditionContext ctx) throws IOException {
        CompletableFuture<Optional<MatchedEpsilon>> found = matchedFuture(ctx.seed());
        if (!found.isDone()) {
            String erm = new TargetModel(conditions().get(0).model(), Method.ERM, 0).slug() + "-seed" + ctx.seed();
            Optional<ConditionResult> saved = ctx.checkpoints().sibling(erm).loadResult();
            saved.ifPresent(r -> found.complete(fromRows(r)));
        }
        return found.join();
    }

    /** The matched epsilon an ERM result's matched rows carry (none from a diverged result). */
    static Optional<MatchedEpsilon> fromRows(ConditionResult erm) {
        return erm.rows().stream().filter(r -> MatchedEpsilon.STRENGTH.equals(r.settings().get("strength"))).findFirst()
                .map(r -> new MatchedEpsilon(number(r, "epsilon_matched"), number(r, "epsilon_matched_erm_error"),
                        number(r, "epsilon_matched_reached") == 1, 0));
    }

    private static double number(MetricRow row, String figure) {
        return ((Number) row.figures().get(figure)).doubleValue();
    }

    private ConditionResult attack(TargetModel target, Network net, History history, ConditionContext ctx)
            throws IOException {
        double cleanError = Evaluation.topErrors(net, attackedFeatures, attacked.labels(), 5)[0];
        // calibration on the clean attacked rows: a property of the model, carried on each of its rows
        double ece = Calibration.measure(ctx, target.method().label(), target.slug(), net, attackedFeatures,
                attacked.labels(), Evaluation.BATCH).ece();
        List<MetricRow> rows = new ArrayList<>();
        for (String box : BOXES) {
            for (Attack attack : preset.attacks()) {
                for (double epsilon : preset.epsilons()) {
                    Map<String, Object> settings = new LinkedHashMap<>();
                    settings.put("attack", attack.label());
                    settings.put("epsilon", epsilon);
                    settings.put("box", box);
                    rows.add(new MetricRow(settings, attacked(net, box, attack, epsilon, ctx, cleanError, ece)));
                }
            }
        }
        // last, so a seed without them (its ERM did not finish) only shortens the list of rows
        Optional<MatchedEpsilon> m = matchedEpsilon(ctx);
        if (m.isPresent()) {
            for (String box : BOXES) {
                for (Attack attack : preset.attacks()) {
                    Map<String, Object> settings = new LinkedHashMap<>();
                    settings.put("attack", attack.label());
                    settings.put("strength", MatchedEpsilon.STRENGTH);
                    settings.put("box", box);
                    Map<String, Object> figures = attacked(net, box, attack, m.get().epsilon(), ctx, cleanError, ece);
                    // the seed's epsilon, and whether (and how closely) ERM's held-out error reached the target there
                    figures.put("epsilon_matched", m.get().epsilon());
                    figures.put("epsilon_matched_reached", m.get().reached() ? 1 : 0);
                    figures.put("epsilon_matched_erm_error", m.get().error());
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

    /** One row's figures: {@code net}'s errors on the attacked rows under one attack, box and epsilon. */
    private Map<String, Object> attacked(Network net, String box, Attack attack, double epsilon, ConditionContext ctx,
                                         double cleanError, double ece) throws IOException {
        long started = System.nanoTime();
        INDArray adversarial = box.equals("white") ? craft(net, attack, epsilon, ctx) : transferred(ctx, attack, epsilon);
        double seconds = (System.nanoTime() - started) / 1e9;
        double[] errors = Evaluation.topErrors(net, adversarial, attacked.labels(), 5);
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
        return figures;
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

    /**
     * Black-box examples of one attack at one epsilon, crafted on the seed's source model the first
     * time a condition of that seed asks, then shared by its targets.
     */
    private INDArray transferred(ConditionContext ctx, Attack attack, double epsilon) throws IOException {
        Source source = source(ctx);
        synchronized (source) {
            return source.examples().computeIfAbsent(key(attack, epsilon),
                    k -> craft(source.network(), attack, epsilon, source.context()));
        }
    }

    /** The seed's black-box source model, trained by the first condition of that seed that needs it. */
    private Source source(ConditionContext ctx) throws IOException {
        synchronized (sourceLocks.computeIfAbsent(ctx.seed(), seed -> new Object())) {
            Source cached = sources.get(ctx.seed());
            if (cached != null) {
                return cached;
            }
            SourceContext sourceCtx = new SourceContext(ctx);
            Trainer.Outcome trained = train(trial(MixupStrategy.ERM, sourceCtx, null), sourceCtx);
            if (trained.diverged()) {
                throw new IllegalStateException(sourceCtx.label() + ": training diverged: " + trained.message());
            }
            // kept for the run: the matched epsilon's examples are crafted on it once the seed's ERM has found it
            Source source = new Source(trained.network(), sourceCtx, new HashMap<>());
            sources.put(ctx.seed(), source);
            return source;
        }
    }

    /** A seed's black-box source: its model, its context (for PGD's random starts) and its examples by attack and epsilon. */
    private record Source(Network network, SourceContext context, Map<String, INDArray> examples) {
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
