package org.mixupsuite.corruptlabels;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.mixupsuite.core.BadInputException;
import org.mixupsuite.core.cli.CommonOptions;
import org.mixupsuite.core.data.ImageData;
import org.mixupsuite.core.data.ImageDataLoader;
import org.mixupsuite.core.run.Experiment;
import org.mixupsuite.core.run.RunSettings;
import org.mixupsuite.core.run.Study;

/**
 * {@code ./mixup corrupt-labels}: does mixup keep a network from memorizing corrupted training labels?
 * (the paper's Section 3.4; Zhang et al. 2017's random-label protocol).
 */
public final class CorruptLabelsStudy implements Study {

    @Override
    public String name() {
        return "corrupt-labels";
    }

    @Override
    public String summary() {
        return "memorization of corrupted labels: ERM, dropout, mixup, mixup + dropout (best/last test error)";
    }

    @Override
    public void addOptions(Options o) {
        o.addOption(option("corruption", "RATES", "shares of training labels replaced by random labels, e.g. 0.2,0.5,0.8"));
        o.addOption(option("methods", "LIST", "any of erm,dropout,mixup,mixup+dropout"));
        o.addOption(option("alpha", "LIST", "mixup alphas, lambda ~ Beta(alpha, alpha)"));
        o.addOption(option("dropout", "LIST", "dropout probabilities (of dropping a hidden unit)"));
        o.addOption(option("model", "NAME", "mlp or preact-resnet18"));
        o.addOption(option("epochs", "N", "training epochs"));
        o.addOption(option("train-size", "N", "training examples used, a seeded random subset (0 = all)"));
        o.addOption(option("test-size", "N", "test examples evaluated each epoch (0 = all)"));
        o.addOption(option("batch-size", "N", "minibatch size"));
        o.addOption(option("lr", "RATE", "learning rate (Adam for mlp, SGD initial rate for preact-resnet18)"));
        o.addOption(option("hidden", "N", "width of the MLP's two hidden layers"));
    }

    @Override
    public Experiment<?> plan(CommandLine cmd, RunSettings settings) {
        ScalePreset p = ScalePreset.of(settings.scale());
        String model = cmd.getOptionValue("model", p.model());
        if (!List.of("mlp", "preact-resnet18").contains(model)) {
            throw new BadInputException("--model: '" + model + "' is not one of mlp, preact-resnet18");
        }
        List<String> methods = cmd.hasOption("methods") ? List.of(cmd.getOptionValue("methods").split(",")) : p.methods();
        for (String m : methods) {
            if (!ScalePreset.ALL_METHODS.contains(m)) {
                throw new BadInputException("--methods: '" + m + "' is not one of " + ScalePreset.ALL_METHODS);
            }
        }
        List<Double> corruptions = rates(cmd, "corruption", p.corruptions());
        List<Double> dropouts = rates(cmd, "dropout", p.dropouts());
        List<Double> alphas = numbers(cmd, "alpha", p.alphas());
        for (double a : alphas) {
            if (a <= 0) {
                throw new BadInputException("--alpha: mixup needs alpha > 0, got " + a + " (ERM is the erm method)");
            }
        }
        ScalePreset resolved = new ScalePreset(model,
                (int) positive(cmd, "train-size", p.trainSize(), true),
                (int) positive(cmd, "test-size", p.testSize(), true),
                (int) positive(cmd, "epochs", p.epochs(), false),
                (int) positive(cmd, "batch-size", p.batchSize(), false),
                (int) positive(cmd, "hidden", p.hidden(), true),
                doubleValue(cmd, "lr", p.learningRate()),
                corruptions, methods, alphas, dropouts);
        ImageData data = ImageDataLoader.loadOrDefault(settings.data());
        return new MemorizationExperiment(resolved, data, conditions(resolved));
    }

    static List<MemorizationCondition> conditions(ScalePreset p) {
        List<MemorizationCondition> out = new ArrayList<>();
        for (double c : p.corruptions()) {
            for (String m : p.methods()) {
                switch (m) {
                    case "erm" -> out.add(new MemorizationCondition(p.model(), m, 0, 0, c));
                    case "dropout" -> p.dropouts().forEach(d -> out.add(new MemorizationCondition(p.model(), m, 0, d, c)));
                    case "mixup" -> p.alphas().forEach(a -> out.add(new MemorizationCondition(p.model(), m, a, 0, c)));
                    default -> p.alphas().forEach(a -> p.dropouts().forEach(
                            d -> out.add(new MemorizationCondition(p.model(), m, a, d, c))));
                }
            }
        }
        return out;
    }

    private static List<Double> rates(CommandLine cmd, String option, List<Double> fallback) {
        List<Double> values = numbers(cmd, option, fallback);
        for (double v : values) {
            if (v < 0 || v >= 1) {
                throw new BadInputException("--" + option + ": " + v + " is not a share in [0, 1)");
            }
        }
        return values;
    }

    private static List<Double> numbers(CommandLine cmd, String option, List<Double> fallback) {
        if (!cmd.hasOption(option)) {
            return fallback;
        }
        List<Double> out = new ArrayList<>();
        for (String part : cmd.getOptionValue(option).split(",")) {
            out.add(parse(option, part));
        }
        return out;
    }

    private static double doubleValue(CommandLine cmd, String option, double fallback) {
        return cmd.hasOption(option) ? parse(option, cmd.getOptionValue(option)) : fallback;
    }

    private static double parse(String option, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new BadInputException("--" + option + ": '" + text + "' is not a number");
        }
    }

    private static long positive(CommandLine cmd, String option, long fallback, boolean zeroAllowed) {
        long v = CommonOptions.longValue(cmd, option, fallback);
        if (v < 0 || (v == 0 && !zeroAllowed)) {
            throw new BadInputException(String.format(Locale.ROOT, "--%s: %d is out of range", option, v));
        }
        return v;
    }

    private static Option option(String name, String arg, String desc) {
        return Option.builder().longOpt(name).hasArg().argName(arg).desc(desc).get();
    }
}
