package org.mixupsuite.corruptlabels;

import org.mixupsuite.core.run.Scale;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mixupsuite.core.cli.OptionValues;
import org.mixupsuite.core.cli.TrainingOption;
import org.mixupsuite.core.data.ImageData;
import org.mixupsuite.core.data.ImageDataLoader;
import org.mixupsuite.core.mixup.Method;
import org.mixupsuite.core.run.Experiment;
import org.mixupsuite.core.run.RunSettings;
import org.mixupsuite.core.run.Study;
import org.mixupsuite.core.run.Presets;

/**
 * {@code ./mixup corrupt-labels}: does mixup keep a network from memorizing corrupted training labels?
 * (the paper's Section 3.4; Zhang et al. 2017's random-label protocol).
 */
public final class CorruptLabelsStudy implements Study {

    @Override
    public About about() {
        return About.of("corrupt-labels",
                "memorization of corrupted labels: ERM, dropout, mixup, mixup + dropout (best/last test error)")
                .headline("test_error_best", "test_error_last", "train_error_corrupted")
                .examples("./mixup corrupt-labels --seeds 3               # the quick verdicts (~10 min on 2 cores)",
                        "./mixup corrupt-labels --corruption 0.5 --alpha 1,8,32 --methods erm,mixup   # an alpha sweep",
                        "./mixup corrupt-labels --data ~/cifar-10-batches-bin --dry-run  # CIFAR-10: the plan, no run");
    }

    @Override
    public Record preset(Scale scale) {
        return ScalePreset.of(scale);
    }

    @Override
    public void addOptions(Options o) {
        o.addOption(OptionValues.valued("corruption", "RATES", "shares of training labels replaced by random labels, e.g. 0.2,0.5,0.8"));
        o.addOption(OptionValues.valued("methods", "LIST", "any of erm,dropout,mixup,mixup+dropout"));
        o.addOption(OptionValues.valued("alpha", "LIST", "mixup alphas, lambda ~ Beta(alpha, alpha), at every rate (default at quick: the paper's best per rate, 1 / 8 / 32 / 32 at 0 / 20 / 50 / 80%)"));
        o.addOption(OptionValues.valued("dropout", "LIST", "dropout probabilities (of dropping a hidden unit) at every rate (default at quick: the paper's best per rate, 0.7 / 0.8 / 0.8 at 20 / 50 / 80%; 0.5 with mixup)"));
        o.addOption(OptionValues.valued("model", "NAME", "mlp or preact-resnet18"));
        TrainingOption.add(o, TrainingOption.EPOCHS, TrainingOption.TRAIN_SIZE, TrainingOption.TEST_SIZE,
                TrainingOption.BATCH_SIZE, TrainingOption.HIDDEN);
        o.addOption(OptionValues.valued("lr", "RATE", "learning rate (Adam for mlp, SGD initial rate for preact-resnet18)"));
    }

    @Override
    public Experiment<?> plan(CommandLine cmd, RunSettings settings) {
        ScalePreset p = ScalePreset.of(settings.scale());
        String model = OptionValues.names(cmd, "model", List.of(p.model()), List.of("mlp", "preact-resnet18")).get(0);
        List<Method> methods = OptionValues.choices(cmd, "methods", p.methods(), Method.class);
        List<Double> alphas = OptionValues.alphas(cmd, p.alphas());
        ScalePreset resolved = Presets.with(p, "model", model,
                "trainSize", TrainingOption.TRAIN_SIZE.value(cmd, p.trainSize()),
                "testSize", TrainingOption.TEST_SIZE.value(cmd, p.testSize()),
                "epochs", TrainingOption.EPOCHS.value(cmd, p.epochs()),
                "batchSize", TrainingOption.BATCH_SIZE.value(cmd, p.batchSize()),
                "hidden", TrainingOption.HIDDEN.value(cmd, p.hidden()),
                "learningRate", OptionValues.number(cmd, "lr", p.learningRate()),
                "corruptions", OptionValues.shares(cmd, "corruption", p.corruptions()), "methods", methods, "alphas", alphas,
                "dropouts", OptionValues.shares(cmd, "dropout", p.dropouts()));
        ImageData data = ImageDataLoader.loadOrDefault(settings.data());
        return new MemorizationExperiment(resolved, data, conditions(resolved));
    }

    static List<MemorizationCondition> conditions(ScalePreset p) {
        List<MemorizationCondition> out = new ArrayList<>();
        for (double c : p.corruptions()) {
            for (Method m : p.methodsAt(c)) {
                List<Double> alphas = m.mixes() ? p.alphasAt(c) : List.of(0.0);
                List<Double> dropouts = m.drops() ? p.dropoutsAt(c, m) : List.of(0.0);
                alphas.forEach(a -> dropouts.forEach(d -> out.add(new MemorizationCondition(p.model(), m, a, d, c))));
            }
        }
        return out;
    }
}
