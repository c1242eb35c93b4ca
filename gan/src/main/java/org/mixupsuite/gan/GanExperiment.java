package org.mixupsuite.gan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mixupsuite.core.findings.Claim;
import org.mixupsuite.core.run.CheckpointStore;
import org.mixupsuite.core.run.ConditionContext;
import org.mixupsuite.core.run.ConditionResult;
import org.mixupsuite.core.run.Experiment;
import org.mixupsuite.core.run.History;
import org.mixupsuite.core.run.Json;
import org.mixupsuite.core.run.RunResults;
import org.mixupsuite.core.run.SettingText;
import org.mixupsuite.core.train.ClassificationExperiment;
import org.mixupsuite.core.train.Network;
import org.mixupsuite.core.train.TrainingLoop;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains a GAN per data set and method and measures mode coverage on a fixed set of latent
 * vectors at every snapshot; metrics.json's figures average the snapshots of the run's last
 * quarter. Every iteration's draws come from (seed, iteration), so a run resumed from a snapshot's
 * checkpoint continues exactly as the uninterrupted run would have.
 */
final class GanExperiment implements Experiment<GanCondition> {

    static final String SAMPLES = "samples";
    private static final String GENERATOR = "generator";
    private static final String DISCRIMINATOR = "discriminator";
    private static final int SCATTER_POINTS = 500;

    private final GanSettings settings;
    private final List<GanCondition> conditions;

    GanExperiment(GanSettings settings, List<GanCondition> conditions) {
        this.settings = settings;
        this.conditions = conditions;
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("preset", settings);
        s.put("networks", settings.layers() + " hidden ReLU layers of " + settings.hidden() + " units, Adam defaults; "
                + "D ends in one logit (sigmoid + binary cross-entropy)");
        s.put("generator_update", "D's input gradient at G(z), back-propagated through G as an external error");
        s.put("init", settings.init().description());
        // --engine dl4j does not reach the GAN: DL4J 1.0.0-M2.1's updater, handed the gradient that
        // backpropGradient returns, restarts Adam's moments at every step (engine/README.md)
        s.put("engine", "fast only (the generator learns from an external error; DL4J's updater path restarts Adam's moments)");
        s.put("mixup_discriminator", settings.mixupForms().stream().map(MixupForm::description).toList());
        s.put("coverage", "a mode is covered when at least coverage_share of the " + settings.evalSamples()
                + " samples lie within 3 std of it (0 = 0.25 / modes); reached when at least one does");
        s.put("snapshots", settings.snapshotIterations());
        s.put("figures", "modes_covered, modes_reached, high_quality_fraction: means over the snapshots at iteration >= "
                + SettingText.number(1 - settings.averagedShare()) + " x iterations (snapshots_averaged); their _chance "
                + "references: means over as many diffuse draws; the _last figures: the last snapshot alone");
        s.put("snapshots_averaged", settings.averagedSnapshots());
        return s;
    }

    @Override
    public List<GanCondition> conditions() {
        return conditions;
    }

    @Override
    public long workUnits(GanCondition condition) {
        return settings.iterations();
    }

    @Override
    public ConditionResult run(GanCondition c, ConditionContext ctx) throws IOException {
        ToyDistribution data = ToyDistribution.of(c.dataset(), settings.std());
        double share = settings.coverageShare() > 0 ? settings.coverageShare() : ModeCoverage.defaultShare(data.modes().length);
        Optional<CheckpointStore.State> saved = TrainingLoop.saved(ctx);
        Map<String, Network> networks = TrainingLoop.restore(ctx, saved, Map.of(
                GENERATOR, Network.withExternalError(GanNetworks.generator(settings.latent(), settings.hidden(), settings.layers(),
                        settings.init(), ctx.derivedSeed("init-g"))),
                DISCRIMINATOR, Network.withExternalError(GanNetworks.discriminator(settings.hidden(), settings.layers(),
                        settings.init(), ctx.derivedSeed("init-d")))));
        Network generator = networks.get(GENERATOR);
        GanSteps.DiscriminatorForm form = c.form() != null ? c.form().discriminator() : GanSteps.DiscriminatorForm.ERM;
        // the steps train the restored networks themselves
        GanSteps steps = new GanSteps(generator, networks.get(DISCRIMINATOR), form,
                c.alpha(), settings.generatorLoss() == GeneratorLoss.MINIMAX);
        INDArray evalZ = GanSteps.latent(settings.evalSamples(), settings.latent(), ctx.random("eval"));
        Set<Integer> snapshots = settings.snapshotIterations();
        Scatter scatter = new Scatter(settings.scatterIterations());
        TrainingLoop.Step iteration = it -> {
            double dLoss = steps.iteration(data, settings.batch(), settings.latent(), settings.dSteps(),
                    ctx.random("iteration", it), it);
            if (!snapshots.contains(it)) {
                return null;
            }
            float[][] samples = generator.output(evalZ).toFloatMatrix();
            if (!Double.isFinite(dLoss) || !Float.isFinite(samples[0][0])) {
                throw new TrainingLoop.Diverged("the GAN produced non-finite values at iteration " + it);
            }
            ModeCoverage.Result r = ModeCoverage.measure(samples, data, share);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("iteration", it);
            row.put("modes_covered", r.modesCovered());
            row.put("modes_reached", r.modesReached());
            row.put("modes_total", r.modesTotal());
            row.put("high_quality_fraction", r.highQualityFraction());
            row.put("d_loss", dLoss / settings.dSteps());
            scatter.offer(it, samples);
            return row;
        };
        TrainingLoop.Outcome outcome = TrainingLoop.run(ctx, saved, settings.iterations(), iteration,
                List.of(TrainingLoop.progress(ctx, 1), scatter,
                        TrainingLoop.checkpoints(ctx.checkpoints(), settings.iterations(),
                                TrainingLoop.networks(networks, () -> Map.of(SAMPLES, scatter.points())))));
        List<Map<String, Object>> history = outcome.history();
        if (outcome.diverged()) {
            return ConditionResult.diverged(outcome.message(), history);
        }
        Path samplesDir = ctx.runDirectory().resolve(SAMPLES);
        Files.createDirectories(samplesDir);
        Json.write(samplesDir.resolve(c.slug() + "-seed" + ctx.seed() + ".json"), scatter.points());
        // the trained networks stay in the run folder as DL4J model zips (Network.readModel), as a classifier's do
        for (String name : List.of(GENERATOR, DISCRIMINATOR)) {
            networks.get(name).saveModel(ClassificationExperiment.modelFile(ctx.runDirectory(), c.slug() + "-" + name, ctx.seed()));
        }
        History rows = History.of(history);
        Map<String, Object> last = rows.last();
        Set<Integer> averaged = settings.averagedSnapshots();
        Map<String, Object> figures = new LinkedHashMap<>();
        // modes_covered, modes_reached and high_quality_fraction were the last snapshot's until the
        // snapshots of the last quarter were averaged; modes_covered is fractional since (a mean of counts)
        figures.put("modes_covered", rows.mean("modes_covered", "iteration", averaged));
        figures.put("modes_reached", rows.mean("modes_reached", "iteration", averaged));
        figures.put("modes_total", last.get("modes_total"));
        figures.put("high_quality_fraction", rows.mean("high_quality_fraction", "iteration", averaged));
        figures.put("iterations", settings.iterations());
        // mixup at work: D's loss on mixed inputs and soft targets cannot fall to ERM's (a tripwire for baselines)
        figures.put("d_loss_last", last.get("d_loss"));
        // the last snapshot alone, as the figures read before: one draw of evalSamples samples at one iteration
        figures.put("modes_covered_last", last.get("modes_covered"));
        figures.put("modes_reached_last", last.get("modes_reached"));
        figures.put("high_quality_fraction_last", last.get("high_quality_fraction"));
        figures.putAll(chance(data, share, averaged.size(), ctx));
        return ConditionResult.complete(figures, history);
    }

    /**
     * The coverage figures of a diffuse sampler, by the same code: what a generator gets by chance.
     * Averaged over as many independent draws as the generator's figures average snapshots, so both
     * sides of an "above chance" claim carry alike little sampling noise; the first draw is the one
     * runs made before the averaging took.
     */
    private Map<String, Object> chance(ToyDistribution data, double share, int draws, ConditionContext ctx) {
        double covered = 0;
        double reached = 0;
        double quality = 0;
        for (int k = 0; k < draws; k++) {
            float[][] points = data.diffuse(settings.evalSamples(), k == 0 ? ctx.random("chance") : ctx.random("chance", k));
            ModeCoverage.Result r = ModeCoverage.measure(points, data, share);
            covered += r.modesCovered();
            reached += r.modesReached();
            quality += r.highQualityFraction();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("modes_covered_chance", covered / draws);
        out.put("modes_reached_chance", reached / draws);
        out.put("high_quality_fraction_chance", quality / draws);
        return out;
    }

    /**
     * The samples of the paper's scatter figure, kept at its iterations (the first points of the
     * fixed latent set); part of the checkpoint, so a resumed run still draws the early panels.
     */
    private static final class Scatter implements TrainingLoop.Listener {
        private final List<Integer> at;
        private final Map<String, Object> points = new LinkedHashMap<>();

        Scatter(List<Integer> at) {
            this.at = at;
        }

        void offer(int iteration, float[][] samples) {
            if (at.contains(iteration)) {
                List<float[]> kept = new ArrayList<>();
                for (int i = 0; i < Math.min(SCATTER_POINTS, samples.length); i++) {
                    kept.add(samples[i]);
                }
                points.put(String.valueOf(iteration), kept);
            }
        }

        Map<String, Object> points() {
            return points;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void resumed(CheckpointStore.State state) {
            points.putAll((Map<String, Object>) state.extra().getOrDefault(SAMPLES, Map.of()));
        }
    }

    @Override
    public List<Claim> claims() {
        return GanClaims.of(conditions, settings.std());
    }

    @Override
    public void drawCharts(RunResults<GanCondition> results, Path runDir) throws IOException {
        GanCharts.draw(results, settings, runDir);
    }
}
