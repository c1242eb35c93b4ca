package org.mixupsuite.ablation;

import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mixupsuite.core.BadInputException;
import org.mixupsuite.core.cli.OptionValues;
import org.mixupsuite.core.cli.TrainingOption;
import org.mixupsuite.core.data.ImageData;
import org.mixupsuite.core.data.ImageDataLoader;
import org.mixupsuite.core.run.Experiment;
import org.mixupsuite.core.run.RunSettings;
import org.mixupsuite.core.run.Scale;
import org.mixupsuite.core.run.Study;
import org.mixupsuite.core.run.Presets;

/**
 * {@code ./mixup ablation}: the paper's side findings on how mixup is built, every arm with the same
 * model, data and budget: k-way Dirichlet mixing, one loader vs two, same-label partners, per-example lambda.
 */
public final class AblationStudy implements Study {

    /**
     * Settings of one scale. quick is the corrupt-labels study's quick arm at 50% corruption (the same
     * MLP, subset, epochs and Table 2's α = 32 there), where mixup gained about 23 points of last-epoch
     * error over ERM at quick scale when the setting was chosen (12 in the ablation on normalized
     * inputs since, docs/ledger.md): each side finding is tested against a gain it could lose.
     * On clean labels mixup gains nothing at this scale. paper is the paper's clean CIFAR-10 setting.
     */
    record Preset(int trainSize, int testSize, int epochs, int batchSize, int hidden, double learningRate, double alpha,
                  double corruption) {
        static Preset of(Scale scale) {
            Preset quick = Presets.of(Preset.class, "trainSize", 4000, "testSize", 5000, "epochs", 40, "batchSize", 128,
                    "hidden", 512, "learningRate", 1e-3, "alpha", 32.0, "corruption", 0.5);
            return switch (scale) {
                case SMOKE -> Presets.with(quick, "trainSize", 500, "testSize", 500, "epochs", 3, "batchSize", 64, "hidden", 64);
                case QUICK -> quick;
                case PAPER -> Presets.with(quick, "trainSize", 0, "testSize", 0, "epochs", 200, "hidden", 1024, "alpha", 1.0,
                        "corruption", 0.0);
            };
        }
    }

    @Override
    public About about() {
        // side findings of the paper: run on their own, not in the demo
        return About.of("ablation", "the paper's side findings: k-way Dirichlet mixing, one vs two loaders, "
                + "same-label mixing, per-example lambda").headline("test_error").notInDemo()
                .examples("./mixup ablation --seeds 3                    # the quick verdicts at 50% corrupted labels",
                        "./mixup ablation --corruption 0 --alpha 1        # the paper's clean setting, at quick size",
                        "./mixup ablation --arms erm,mixup,same-label     # some arms only");
    }

    @Override
    public Record preset(Scale scale) {
        return Preset.of(scale);
    }

    @Override
    public void addOptions(Options o) {
        o.addOption(OptionValues.valued("arms", "LIST", "arms to run (default all): erm, mixup, mixup-k3, mixup-k4, two-loaders, same-label, per-example-lambda"));
        o.addOption(OptionValues.valued("alpha", "A", "alpha of every mixup arm"));
        TrainingOption.add(o, TrainingOption.EPOCHS, TrainingOption.TRAIN_SIZE, TrainingOption.HIDDEN);
        o.addOption(OptionValues.valued("corruption", "RATE", "share of training labels replaced by random ones (default at quick 0.5, "
                + "where mixup has a gain the arms can lose; 0 at paper scale, the paper's clean setting)"));
    }

    @Override
    public Experiment<?> plan(CommandLine cmd, RunSettings settings) {
        Preset p = Preset.of(settings.scale());
        double alpha = OptionValues.alphas(cmd, List.of(p.alpha())).get(0);
        double corruption = OptionValues.number(cmd, "corruption", p.corruption());
        if (corruption < 0 || corruption >= 1) {
            throw new BadInputException("--corruption: " + corruption + " is not a share in [0, 1)");
        }
        Preset resolved = Presets.with(p, "trainSize", TrainingOption.TRAIN_SIZE.value(cmd, p.trainSize()),
                "epochs", TrainingOption.EPOCHS.value(cmd, p.epochs()), "hidden", TrainingOption.HIDDEN.value(cmd, p.hidden()),
                "alpha", alpha, "corruption", corruption);
        List<AblationArm> all = AblationArm.all("mlp", alpha);
        List<String> names = all.stream().map(AblationArm::arm).toList();
        List<String> wanted = OptionValues.names(cmd, "arms", names, names);
        List<AblationArm> arms = all.stream().filter(a -> wanted.contains(a.arm())).toList();
        ImageData data = ImageDataLoader.loadOrDefault(settings.data());
        return new AblationExperiment(resolved, data, arms);
    }
}
