package org.mixupsuite.corruptlabels;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mixupsuite.core.BadInputException;
import org.mixupsuite.core.cli.OptionValues;
import org.mixupsuite.core.data.ImageData;
import org.mixupsuite.core.data.ImageDataLoader;
import org.mixupsuite.core.mixup.Method;
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
    public List<String> headlineFigures() {
        return List.of("test_error_best", "test_error_last", "train_error_corrupted");
    }

    @Override
    public String summary() {
        return "memorization of corrupted labels: ERM, dropout, mixup, mixup + dropout (best/last test error)";
    }

    @Override
    public void addOptions(Options o) {
        o.addOption(OptionValues.valued("corruption", "RATES", "shares of training labels replaced by random labels, e.g. 0.2,0.5,0.8"));
        o.addOption(OptionValues.valued("methods", "LIST", "any of erm,dropout,mixup,mixup+dropout"));
        o.addOption(OptionValues.valued("alpha", "LIST", "mixup alphas, lambda ~ Beta(alpha, alpha)"));
        o.addOption(OptionValues.valued("dropout", "LIST", "dropout probabilities (of dropping a hidden unit)"));
        o.addOption(OptionValues.valued("model", "NAME", "mlp or preact-resnet18"));
        o.addOption(OptionValues.valued("epochs", "N", "training epochs"));
        o.addOption(OptionValues.valued("train-size", "N", "training examples used, a seeded random subset (0 = all)"));
        o.addOption(OptionValues.valued("test-size", "N", "test examples evaluated each epoch (0 = all)"));
        o.addOption(OptionValues.valued("batch-size", "N", "minibatch size"));
        o.addOption(OptionValues.valued("lr", "RATE", "learning rate (Adam for mlp, SGD initial rate for preact-resnet18)"));
        o.addOption(OptionValues.valued("hidden", "N", "width of the MLP's two hidden layers"));
    }

    @Override
    public Experiment<?> plan(CommandLine cmd, RunSettings settings) {
        ScalePreset p = ScalePreset.of(settings.scale());
        String model = OptionValues.names(cmd, "model", List.of(p.model()), List.of("mlp", "preact-resnet18")).get(0);
        List<Method> methods = OptionValues.choices(cmd, "methods", p.methods(), Method.class);
        List<Double> alphas = OptionValues.numbers(cmd, "alpha", p.alphas());
        for (double a : alphas) {
            if (a <= 0) {
                throw new BadInputException("--alpha: mixup needs alpha > 0, got " + a + " (ERM is the erm method)");
            }
        }
        ScalePreset resolved = new ScalePreset(model,
                OptionValues.count(cmd, "train-size", p.trainSize(), true),
                OptionValues.count(cmd, "test-size", p.testSize(), true),
                OptionValues.count(cmd, "epochs", p.epochs(), false),
                OptionValues.count(cmd, "batch-size", p.batchSize(), false),
                OptionValues.count(cmd, "hidden", p.hidden(), true),
                OptionValues.number(cmd, "lr", p.learningRate()),
                OptionValues.shares(cmd, "corruption", p.corruptions()), methods, alphas,
                OptionValues.shares(cmd, "dropout", p.dropouts()));
        ImageData data = ImageDataLoader.loadOrDefault(settings.data());
        return new MemorizationExperiment(resolved, data, conditions(resolved));
    }

    static List<MemorizationCondition> conditions(ScalePreset p) {
        List<MemorizationCondition> out = new ArrayList<>();
        for (double c : p.corruptions()) {
            for (Method m : p.methods()) {
                List<Double> alphas = m.mixes() ? p.alphas() : List.of(0.0);
                List<Double> dropouts = m.drops() ? p.dropouts() : List.of(0.0);
                alphas.forEach(a -> dropouts.forEach(d -> out.add(new MemorizationCondition(p.model(), m, a, d, c))));
            }
        }
        return out;
    }
}
