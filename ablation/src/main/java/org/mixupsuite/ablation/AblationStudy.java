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

/**
 * {@code ./mixup ablation}: the paper's side findings on how mixup is built, every arm with the same
 * model, data and budget: k-way Dirichlet mixing, one loader vs two, same-label partners, per-example lambda.
 */
public final class AblationStudy implements Study {

    /** Settings of one scale; a train subset small enough that ERM overfits and mixup has room to help. */
    record Preset(int trainSize, int testSize, int epochs, int batchSize, int hidden, double learningRate, double alpha,
                  double corruption) {
        static Preset of(Scale scale) {
            return switch (scale) {
                case SMOKE -> new Preset(500, 500, 3, 64, 64, 1e-3, 1.0, 0);
                case QUICK -> new Preset(3000, 5000, 30, 128, 512, 1e-3, 1.0, 0);
                case PAPER -> new Preset(0, 0, 200, 128, 1024, 1e-3, 1.0, 0);
            };
        }
    }

    @Override
    public About about() {
        // side findings of the paper: run on their own, not in the demo
        return About.of("ablation", "the paper's side findings: k-way Dirichlet mixing, one vs two loaders, "
                + "same-label mixing, per-example lambda").headline("test_error").notInDemo();
    }

    @Override
    public void addOptions(Options o) {
        o.addOption(OptionValues.valued("arms", "LIST", "arms to run (default all): erm, mixup, mixup-k3, mixup-k4, two-loaders, same-label, per-example-lambda"));
        o.addOption(OptionValues.valued("alpha", "A", "alpha of every mixup arm"));
        TrainingOption.add(o, TrainingOption.EPOCHS, TrainingOption.TRAIN_SIZE, TrainingOption.HIDDEN);
        o.addOption(OptionValues.valued("corruption", "RATE", "share of training labels replaced by random ones (default 0: "
                + "the paper's clean setting; label noise gives mixup a gain the arms can lose)"));
    }

    @Override
    public Experiment<?> plan(CommandLine cmd, RunSettings settings) {
        Preset p = Preset.of(settings.scale());
        double alpha = OptionValues.alphas(cmd, List.of(p.alpha())).get(0);
        double corruption = OptionValues.number(cmd, "corruption", p.corruption());
        if (corruption < 0 || corruption >= 1) {
            throw new BadInputException("--corruption: " + corruption + " is not a share in [0, 1)");
        }
        Preset resolved = new Preset(TrainingOption.TRAIN_SIZE.value(cmd, p.trainSize()), p.testSize(),
                TrainingOption.EPOCHS.value(cmd, p.epochs()), p.batchSize(), TrainingOption.HIDDEN.value(cmd, p.hidden()),
                p.learningRate(), alpha, corruption);
        List<AblationArm> all = AblationArm.all("mlp", alpha);
        List<String> names = all.stream().map(AblationArm::arm).toList();
        List<String> wanted = OptionValues.names(cmd, "arms", names, names);
        List<AblationArm> arms = all.stream().filter(a -> wanted.contains(a.arm())).toList();
        ImageData data = ImageDataLoader.loadOrDefault(settings.data());
        return new AblationExperiment(resolved, data, arms);
    }
}
