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
import org.apache.commons.math3.random.RandomGenerator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.mixupsuite.core.findings.Claim;
import org.mixupsuite.core.run.CheckpointStore;
import org.mixupsuite.core.run.ConditionContext;
import org.mixupsuite.core.run.ConditionResult;
import org.mixupsuite.core.run.Experiment;
import org.mixupsuite.core.run.History;
import org.mixupsuite.core.run.Json;
import org.mixupsuite.core.run.RunResults;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains a GAN per data set and method and measures mode coverage on a fixed set of latent
 * vectors at every snapshot. Every iteration's draws come from (seed, iteration), so a run resumed
 * from a snapshot's checkpoint continues exactly as the uninterrupted run would have.
 */
final class GanExperiment implements Experiment<GanCondition> {

    static final String SAMPLES = "samples";
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
        s.put("mixup_discriminator", settings.mixupForm().equals("paper")
                ? "paper: D on lambda x_real + (1 - lambda) G(z), target lambda, lambda ~ Beta(alpha, alpha) per example"
                : "demo: two shuffles of the real+fake batch blended with lambda ~ Uniform(0, alpha), targets blended alike");
        s.put("coverage", "a mode is covered when at least coverage_share of the " + settings.evalSamples()
                + " samples lie within 3 std of it (0 = 0.25 / modes); reached when at least one does");
        s.put("snapshots", settings.snapshotIterations());
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
        MultiLayerNetwork g = GanNetworks.generator(settings.latent(), settings.hidden(), settings.layers(), ctx.derivedSeed("init-g"));
        MultiLayerNetwork d = GanNetworks.discriminator(settings.hidden(), settings.layers(), ctx.derivedSeed("init-d"));
        CheckpointStore store = ctx.checkpoints();
        List<Map<String, Object>> history = new ArrayList<>();
        Map<String, Object> scatter = new LinkedHashMap<>();
        int first = 1;
        Optional<CheckpointStore.State> saved = store.loadState();
        if (saved.isPresent()) {
            CheckpointStore.State state = saved.get();
            g = ModelSerializer.restoreMultiLayerNetwork(store.modelPath(state, "generator").toFile(), true);
            d = ModelSerializer.restoreMultiLayerNetwork(store.modelPath(state, "discriminator").toFile(), true);
            history.addAll(state.history());
            @SuppressWarnings("unchecked")
            Map<String, Object> restored = (Map<String, Object>) state.extra().getOrDefault(SAMPLES, Map.of());
            scatter.putAll(restored);
            first = state.step() + 1;
            ctx.recordHistory(history);
            ctx.progress(state.step());
        }
        GanSteps.DiscriminatorForm form = !c.method().equals("mixup") ? GanSteps.DiscriminatorForm.ERM
                : settings.mixupForm().equals("demo") ? GanSteps.DiscriminatorForm.DEMO : GanSteps.DiscriminatorForm.PAPER;
        GanSteps steps = new GanSteps(g, d, form, c.alpha(), settings.generatorLoss().equals("minimax"));
        INDArray evalZ = GanSteps.latent(settings.evalSamples(), settings.latent(), ctx.random("eval"));
        Set<Integer> snapshots = settings.snapshotIterations();
        List<Integer> scatterAt = settings.scatterIterations();
        double dLoss = 0;
        for (int it = first; it <= settings.iterations(); it++) {
            RandomGenerator rng = ctx.random("iteration", it);
            dLoss = steps.iteration(data, settings.batch(), settings.latent(), settings.dSteps(), rng, it);
            ctx.progress(1);
            if (!snapshots.contains(it)) {
                continue;
            }
            float[][] samples = g.output(evalZ, false).toFloatMatrix();
            if (!Double.isFinite(dLoss) || !Float.isFinite(samples[0][0])) {
                return ConditionResult.diverged("the GAN produced non-finite values at iteration " + it, history);
            }
            ModeCoverage.Result r = ModeCoverage.measure(samples, data, share);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("iteration", it);
            row.put("modes_covered", r.modesCovered());
            row.put("modes_reached", r.modesReached());
            row.put("modes_total", r.modesTotal());
            row.put("high_quality_fraction", r.highQualityFraction());
            row.put("d_loss", dLoss / settings.dSteps());
            history.add(row);
            ctx.recordHistory(history);
            if (scatterAt.contains(it)) {
                scatter.put(String.valueOf(it), points(samples));
            }
            if (it < settings.iterations() && store.due()) {
                MultiLayerNetwork gen = g;
                MultiLayerNetwork dis = d;
                store.save(it, Map.of("generator", f -> ModelSerializer.writeModel(gen, f.toFile(), true),
                        "discriminator", f -> ModelSerializer.writeModel(dis, f.toFile(), true)), history, Map.of(SAMPLES, scatter));
            }
        }
        Path samplesDir = ctx.runDirectory().resolve(SAMPLES);
        Files.createDirectories(samplesDir);
        Json.write(samplesDir.resolve(c.slug() + "-seed" + ctx.seed() + ".json"), scatter);
        Map<String, Object> last = History.of(history).last();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("modes_covered", last.get("modes_covered"));
        figures.put("modes_reached", last.get("modes_reached"));
        figures.put("modes_total", last.get("modes_total"));
        figures.put("high_quality_fraction", last.get("high_quality_fraction"));
        figures.put("iterations", settings.iterations());
        // mixup at work: D's loss on mixed inputs and soft targets cannot fall to ERM's (a tripwire for baselines)
        figures.put("d_loss_last", last.get("d_loss"));
        // the same figures for a diffuse sampler, by the same code: what a generator gets by chance
        ModeCoverage.Result chance = ModeCoverage.measure(data.diffuse(settings.evalSamples(), ctx.random("chance")), data, share);
        figures.put("modes_covered_chance", chance.modesCovered());
        figures.put("modes_reached_chance", chance.modesReached());
        figures.put("high_quality_fraction_chance", chance.highQualityFraction());
        return ConditionResult.complete(figures, history);
    }

    private static List<float[]> points(float[][] samples) {
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < Math.min(SCATTER_POINTS, samples.length); i++) {
            out.add(samples[i]);
        }
        return out;
    }

    @Override
    public List<Claim> claims() {
        return GanClaims.of(conditions);
    }

    @Override
    public void drawCharts(RunResults<GanCondition> results, Path runDir) throws IOException {
        GanCharts.draw(results, settings, runDir);
    }
}
