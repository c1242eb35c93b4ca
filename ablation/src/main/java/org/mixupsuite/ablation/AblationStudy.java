package org.mixupsuite.ablation;

import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.mixupsuite.core.BadInputException;
import org.mixupsuite.core.cli.CommonOptions;
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
    public String name() {
        return "ablation";
    }

    @Override
    public String summary() {
        return "the paper's side findings: k-way Dirichlet mixing, one vs two loaders, same-label mixing, per-example lambda";
    }

    @Override
    public void addOptions(Options o) {
        o.addOption(option("arms", "LIST", "arms to run (default all): erm, mixup, mixup-k3, mixup-k4, two-loaders, same-label, per-example-lambda"));
        o.addOption(option("alpha", "A", "alpha of every mixup arm"));
        o.addOption(option("epochs", "N", "training epochs"));
        o.addOption(option("train-size", "N", "training examples, a seeded random subset (0 = all)"));
        o.addOption(option("hidden", "N", "width of the MLP's two hidden layers"));
        o.addOption(option("corruption", "RATE", "share of training labels replaced by random ones (default 0: "
                + "the paper's clean setting; label noise gives mixup a gain the arms can lose)"));
    }

    @Override
    public Experiment<?> plan(CommandLine cmd, RunSettings settings) {
        Preset p = Preset.of(settings.scale());
        double alpha = number(cmd, "alpha", p.alpha());
        if (alpha <= 0) {
            throw new BadInputException("--alpha: the mixup arms need alpha > 0, got " + alpha);
        }
        double corruption = number(cmd, "corruption", p.corruption());
        if (corruption < 0 || corruption >= 1) {
            throw new BadInputException("--corruption: " + corruption + " is not a share in [0, 1)");
        }
        Preset resolved = new Preset((int) CommonOptions.longValue(cmd, "train-size", p.trainSize()), p.testSize(),
                (int) CommonOptions.longValue(cmd, "epochs", p.epochs()), p.batchSize(),
                (int) CommonOptions.longValue(cmd, "hidden", p.hidden()), p.learningRate(), alpha, corruption);
        if (resolved.epochs() < 1 || resolved.hidden() < 1 || resolved.trainSize() < 0) {
            throw new BadInputException("--epochs, --hidden must be positive and --train-size 0 or more");
        }
        List<AblationArm> arms = AblationArm.all("mlp", alpha);
        if (cmd.hasOption("arms")) {
            List<String> wanted = List.of(cmd.getOptionValue("arms").split(","));
            for (String w : wanted) {
                if (arms.stream().noneMatch(a -> a.arm().equals(w))) {
                    throw new BadInputException("--arms: '" + w + "' is not an arm of this study");
                }
            }
            arms = arms.stream().filter(a -> wanted.contains(a.arm())).toList();
        }
        ImageData data = ImageDataLoader.loadOrDefault(settings.data());
        return new AblationExperiment(resolved, data, arms);
    }

    private static double number(CommandLine cmd, String option, double fallback) {
        if (!cmd.hasOption(option)) {
            return fallback;
        }
        try {
            return Double.parseDouble(cmd.getOptionValue(option));
        } catch (NumberFormatException e) {
            throw new BadInputException("--" + option + ": '" + cmd.getOptionValue(option) + "' is not a number");
        }
    }

    private static Option option(String name, String arg, String desc) {
        return Option.builder().longOpt(name).hasArg().argName(arg).desc(desc).get();
    }
}
