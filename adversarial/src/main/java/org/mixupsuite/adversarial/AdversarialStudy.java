package org.mixupsuite.adversarial;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.mixupsuite.core.BadInputException;
import org.mixupsuite.core.cli.CommonOptions;
import org.mixupsuite.core.data.ImageDataLoader;
import org.mixupsuite.core.run.Experiment;
import org.mixupsuite.core.run.RunSettings;
import org.mixupsuite.core.run.Study;

/**
 * {@code ./mixup adversarial}: are mixup models more robust to FGSM and I-FGSM than ERM models, in
 * white-box attacks and in black-box attacks crafted on another ERM model?
 */
public final class AdversarialStudy implements Study {

    /** The paper's epsilon, 4 on the 0-255 scale. */
    static final double PAPER_EPSILON = 4.0 / 255;

    /**
     * @param hidden        width of the MLP's two hidden layers (the source model of black-box attacks is
     *                      as wide, trained with ERM on another seed)
     * @param attackSize    test examples attacked
     */
    record Preset(int trainSize, int epochs, int batchSize, int hidden, int attackSize, int ifgsmSteps,
                  List<Double> alphas, List<Double> epsilons) {
        static Preset of(org.mixupsuite.core.run.Scale scale) {
            List<Double> eps = List.of(0.0, 0.01, PAPER_EPSILON, 0.02, 0.05, 0.1, 0.2);
            return switch (scale) {
                case SMOKE -> new Preset(500, 2, 64, 64, 100, 3, List.of(1.0), List.of(0.0, PAPER_EPSILON, 0.1));
                case QUICK -> new Preset(10_000, 10, 128, 512, 1000, 10, List.of(0.2, 1.0), eps);
                case PAPER -> new Preset(0, 30, 128, 1024, 10_000, 10, List.of(0.2, 1.0), eps);
            };
        }
    }

    @Override
    public String name() {
        return "adversarial";
    }

    @Override
    public String summary() {
        return "FGSM and I-FGSM, white-box and black-box, against ERM and mixup models (top-1/top-5 error)";
    }

    @Override
    public void addOptions(Options o) {
        o.addOption(option("alpha", "LIST", "mixup alphas to train (the paper: 0.2)"));
        o.addOption(option("epsilon", "LIST", "attack strengths on the 0-1 pixel scale (4/255 is the paper's)"));
        o.addOption(option("steps", "N", "I-FGSM steps of size epsilon / N"));
        o.addOption(option("epochs", "N", "training epochs"));
        o.addOption(option("train-size", "N", "training examples, a seeded random subset (0 = all)"));
        o.addOption(option("attack-size", "N", "test examples attacked"));
        o.addOption(option("hidden", "N", "width of the MLP's two hidden layers"));
    }

    @Override
    public Experiment<?> plan(CommandLine cmd, RunSettings settings) {
        Preset p = Preset.of(settings.scale());
        List<Double> alphas = numbers(cmd, "alpha", p.alphas());
        for (double a : alphas) {
            if (a <= 0) {
                throw new BadInputException("--alpha: mixup needs alpha > 0, got " + a);
            }
        }
        TreeSet<Double> epsilons = new TreeSet<>(numbers(cmd, "epsilon", p.epsilons()));
        epsilons.add(0.0);
        if (epsilons.first() < 0 || epsilons.last() > 1) {
            throw new BadInputException("--epsilon: values must lie in [0, 1] (the pixel scale)");
        }
        Preset resolved = new Preset((int) CommonOptions.longValue(cmd, "train-size", p.trainSize()),
                positive(cmd, "epochs", p.epochs()), p.batchSize(), positive(cmd, "hidden", p.hidden()),
                positive(cmd, "attack-size", p.attackSize()), positive(cmd, "steps", p.ifgsmSteps()), alphas,
                List.copyOf(epsilons));
        List<TargetModel> targets = new ArrayList<>();
        targets.add(new TargetModel("mlp", "erm", 0));
        alphas.forEach(a -> targets.add(new TargetModel("mlp", "mixup", a)));
        return new AdversarialExperiment(resolved, ImageDataLoader.loadOrDefault(settings.data()), targets, settings.seed());
    }

    private static int positive(CommandLine cmd, String option, int fallback) {
        long v = CommonOptions.longValue(cmd, option, fallback);
        if (v < 1) {
            throw new BadInputException("--" + option + ": must be at least 1, got " + v);
        }
        return (int) v;
    }

    private static List<Double> numbers(CommandLine cmd, String option, List<Double> fallback) {
        if (!cmd.hasOption(option)) {
            return fallback;
        }
        List<Double> out = new ArrayList<>();
        for (String part : cmd.getOptionValue(option).split(",")) {
            String t = part.trim();
            try {
                // "4/255" reads as the paper writes it
                out.add(t.contains("/") ? Double.parseDouble(t.split("/")[0]) / Double.parseDouble(t.split("/")[1])
                        : Double.parseDouble(t));
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new BadInputException("--" + option + ": '" + t + "' is not a number");
            }
        }
        return out;
    }

    private static Option option(String name, String arg, String desc) {
        return Option.builder().longOpt(name).hasArg().argName(arg).desc(desc).get();
    }
}
