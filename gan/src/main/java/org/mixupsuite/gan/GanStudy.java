package org.mixupsuite.gan;

import org.mixupsuite.core.run.Scale;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mixupsuite.core.BadInputException;
import org.mixupsuite.core.cli.OptionValues;
import org.mixupsuite.core.run.Experiment;
import org.mixupsuite.core.run.RunSettings;
import org.mixupsuite.core.run.Study;
import org.mixupsuite.core.run.Presets;

/** {@code ./mixup gan}: mixup on the discriminator as a GAN stabilizer, on the ring and grid toy data (Figure 5). */
public final class GanStudy implements Study {

    @Override
    public About about() {
        return About.of("gan", "mixup as a GAN stabilizer on 2-D toy data (ring8, grid25): modes covered, sample quality")
                .headline("modes_covered", "high_quality_fraction")
                .examples("./mixup gan --seeds 8                         # the ledger's run (both mixing forms)",
                        "./mixup gan --mixup-form demo --init he          # one form, He initialization",
                        "./mixup gan --scale paper --dry-run              # 20,000 iterations: the plan, no run");
    }

    @Override
    public Record preset(Scale scale) {
        return GanSettings.of(scale);
    }

    @Override
    public void addOptions(Options o) {
        o.addOption(OptionValues.valued("datasets", "LIST", "ring8 and/or grid25"));
        o.addOption(OptionValues.valued("alpha", "LIST", "alphas of the mixup GAN (default 0.2)"));
        o.addOption(OptionValues.valued("iterations", "N", "generator iterations"));
        o.addOption(OptionValues.valued("d-steps", "N", "discriminator steps per generator step"));
        o.addOption(OptionValues.valued("latent", "N", "latent size (the paper: 2, also 5 and 10)"));
        o.addOption(OptionValues.valued("hidden", "N", "units of each hidden layer"));
        o.addOption(OptionValues.valued("std", "S", "standard deviation of each Gaussian mode"));
        o.addOption(OptionValues.valued("generator-loss", "NAME", "minimax (the paper's) or non-saturating"));
        o.addOption(OptionValues.valued("mixup-form", "LIST", "paper (target lambda) and/or demo (the authors' script: two "
                + "real+fake batches blended, lambda ~ U(0, alpha) per example); default both, each its own condition"));
        o.addOption(OptionValues.valued("init", "NAME", "torch-default (the authors' script: weights and biases "
                + "U(-1/sqrt(fan_in), 1/sqrt(fan_in))) or he (He-normal weights, zero biases: the suite's earlier init)"));
        o.addOption(OptionValues.valued("coverage-share", "S", "least share of samples near a mode to count it covered (default 0.25 / modes)"));
    }

    @Override
    public Experiment<?> plan(CommandLine cmd, RunSettings run) {
        GanSettings p = GanSettings.of(run.scale());
        GeneratorLoss loss = OptionValues.choice(cmd, "generator-loss", p.generatorLoss());
        List<MixupForm> forms = OptionValues.choices(cmd, "mixup-form", p.mixupForms(), MixupForm.class).stream()
                .distinct().toList();
        Initialization init = OptionValues.choice(cmd, "init", p.init());
        GanSettings s = Presets.with(p, "iterations", OptionValues.count(cmd, "iterations", p.iterations(), false),
                "dSteps", OptionValues.count(cmd, "d-steps", p.dSteps(), false),
                "latent", OptionValues.count(cmd, "latent", p.latent(), false),
                "hidden", OptionValues.count(cmd, "hidden", p.hidden(), false),
                "std", OptionValues.number(cmd, "std", p.std()), "generatorLoss", loss, "mixupForms", forms, "init", init,
                "coverageShare", OptionValues.number(cmd, "coverage-share", p.coverageShare()));
        if (s.std() <= 0) {
            throw new BadInputException("--std: must be positive");
        }
        List<String> datasets = OptionValues.names(cmd, "datasets", List.of("ring8", "grid25"), List.of("ring8", "grid25"));
        List<Double> alphas = OptionValues.alphas(cmd, List.of(0.2));
        List<GanCondition> conditions = new ArrayList<>();
        for (String d : datasets) {
            conditions.add(GanCondition.erm(d));
            for (MixupForm f : forms) {
                alphas.forEach(a -> conditions.add(GanCondition.mixup(d, a, f)));
            }
        }
        return new GanExperiment(s, conditions);
    }
}
