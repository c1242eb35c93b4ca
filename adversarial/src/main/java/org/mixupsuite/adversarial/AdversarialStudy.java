package org.mixupsuite.adversarial;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mixupsuite.core.BadInputException;
import org.mixupsuite.core.cli.OptionValues;
import org.mixupsuite.core.cli.TrainingOption;
import org.mixupsuite.core.data.ImageDataLoader;
import org.mixupsuite.core.mixup.Method;
import org.mixupsuite.core.run.Experiment;
import org.mixupsuite.core.run.RunSettings;
import org.mixupsuite.core.run.Study;
import org.mixupsuite.core.run.Presets;

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
     * @param attackSize    test examples attacked (the first ones of the test set)
     * @param heldOutSize   test examples after the attacked ones on which each seed's matched epsilon is found
     */
    record Preset(int trainSize, int epochs, int batchSize, int hidden, int attackSize, int heldOutSize, int ifgsmSteps,
                  List<Double> alphas, List<Double> epsilons, List<Attack> attacks) {
        static Preset of(org.mixupsuite.core.run.Scale scale) {
            Preset quick = Presets.of(Preset.class, "trainSize", 10_000, "epochs", 10, "batchSize", 128, "hidden", 512,
                    "attackSize", 1000, "heldOutSize", 1000, "ifgsmSteps", 10, "alphas", List.of(0.2, 1.0),
                    "epsilons", List.of(0.0, 0.01, PAPER_EPSILON, 0.02, 0.05, 0.1, 0.2), "attacks", List.of(Attack.values()));
            return switch (scale) {
                case SMOKE -> Presets.with(quick, "trainSize", 500, "epochs", 2, "batchSize", 64, "hidden", 64,
                        "attackSize", 100, "heldOutSize", 100, "ifgsmSteps", 3, "alphas", List.of(1.0), "epsilons", List.of(0.0, PAPER_EPSILON, 0.1));
                case QUICK -> quick;
                // the test set's last 1,000 rows find the matched epsilon, so the claims are read on the other 9,000
                case PAPER -> Presets.with(quick, "trainSize", 0, "epochs", 30, "hidden", 1024, "attackSize", 9_000);
            };
        }
    }

    @Override
    public About about() {
        return About.of("adversarial", "FGSM, I-FGSM and PGD, white-box and black-box, against ERM and mixup models (top-1/top-5 error)")
                .headline("top1_error").focus(Map.of("attack", "fgsm", "box", "white", "epsilon", 0.1))
                .examples("./mixup adversarial --seeds 3                  # the quick verdicts (~4 min on 2 cores)",
                        "./mixup adversarial --epsilon 4/255,0.05 --alpha 1   # other strengths, one alpha",
                        "./mixup adversarial --scale paper --dry-run       # the paper's setting: the plan, no run");
    }

    @Override
    public Record preset(org.mixupsuite.core.run.Scale scale) {
        return Preset.of(scale);
    }

    /**
     * 144 rows a quick run (model, attack, box, each epsilon and the matched strength): comparisons
     * follow the paper's headline, white-box FGSM.
     */
    @Override
    public void addOptions(Options o) {
        o.addOption(OptionValues.valued("alpha", "LIST", "mixup alphas to train (the paper: 0.2)"));
        o.addOption(OptionValues.valued("epsilon", "LIST", "attack strengths on the 0-1 pixel scale (4/255 is the paper's)"));
        o.addOption(OptionValues.valued("attacks", "LIST", "any of fgsm,i-fgsm,pgd (default all)"));
        o.addOption(OptionValues.valued("steps", "N", "I-FGSM steps of size epsilon / N; PGD's steps (of "
                + AdversarialExperiment.PGD_STEP_SCALE + " epsilon / N, from a random start)"));
        TrainingOption.add(o, TrainingOption.EPOCHS, TrainingOption.TRAIN_SIZE, TrainingOption.HIDDEN);
        o.addOption(OptionValues.valued("attack-size", "N", "test examples attacked (the first N of the test set)"));
        o.addOption(OptionValues.valued("held-out-size", "N", "test examples after the attacked ones on which each seed's "
                + "matched epsilon is found (ERM's white-box FGSM top-1 error at the paper's " + MatchedEpsilon.PAPER_ERROR + "%)"));
        o.addOption(OptionValues.valued("attack-model", "FILE", "attack a trained model (a run's models/<condition>-seed<N>.zip) "
                + "on --data's first --attack-size test images at every --epsilon, white-box, instead of training"));
        o.addOption(OptionValues.valued("model", "NAME", "mlp (the default) or lenet, a convolutional target "
                + "(conv 5x5x20, pool, conv 5x5x50, pool, dense 500); the black-box source has the same architecture"));
    }

    /** {@code --attack-model FILE}: a saved model under every attack and epsilon, white-box, printed as a table. */
    @Override
    public boolean runInstead(CommandLine cmd, RunSettings settings, java.io.PrintStream out) {
        if (!cmd.hasOption("attack-model")) {
            return false;
        }
        java.nio.file.Path file = java.nio.file.Path.of(cmd.getOptionValue("attack-model"));
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new BadInputException("--attack-model: " + file + " is not a file");
        }
        Preset p = Preset.of(settings.scale());
        TreeSet<Double> epsilons = new TreeSet<>(OptionValues.numbers(cmd, "epsilon", p.epsilons()));
        int steps = OptionValues.count(cmd, "steps", p.ifgsmSteps(), false);
        List<Attack> attacks = OptionValues.choices(cmd, "attacks", p.attacks(), Attack.class);
        org.mixupsuite.core.data.ImageSet test = ImageDataLoader.loadOrDefault(settings.data()).test()
                .head(OptionValues.count(cmd, "attack-size", p.attackSize(), false));
        SavedModelAttack.print(org.mixupsuite.core.train.Network.readModel(file), file, test, epsilons, attacks, steps,
                settings.seed(), out);
        return true;
    }

    @Override
    public Experiment<?> plan(CommandLine cmd, RunSettings settings) {
        Preset p = Preset.of(settings.scale());
        List<Double> alphas = OptionValues.alphas(cmd, p.alphas());
        TreeSet<Double> epsilons = new TreeSet<>(OptionValues.numbers(cmd, "epsilon", p.epsilons()));
        epsilons.add(0.0);
        if (epsilons.first() < 0 || epsilons.last() > 1) {
            throw new BadInputException("--epsilon: values must lie in [0, 1] (the pixel scale)");
        }
        Preset resolved = Presets.with(p, "trainSize", TrainingOption.TRAIN_SIZE.value(cmd, p.trainSize()),
                "epochs", TrainingOption.EPOCHS.value(cmd, p.epochs()), "hidden", TrainingOption.HIDDEN.value(cmd, p.hidden()),
                "attackSize", OptionValues.count(cmd, "attack-size", p.attackSize(), false),
                "heldOutSize", OptionValues.count(cmd, "held-out-size", p.heldOutSize(), false),
                "ifgsmSteps", OptionValues.count(cmd, "steps", p.ifgsmSteps(), false), "alphas", alphas,
                "epsilons", List.copyOf(epsilons), "attacks", OptionValues.choices(cmd, "attacks", p.attacks(), Attack.class));
        String model = OptionValues.names(cmd, "model", List.of("mlp"), List.of("mlp", "lenet")).get(0);
        List<TargetModel> targets = new ArrayList<>();
        targets.add(new TargetModel(model, Method.ERM, 0));
        alphas.forEach(a -> targets.add(new TargetModel(model, Method.MIXUP, a)));
        return new AdversarialExperiment(resolved, ImageDataLoader.loadOrDefault(settings.data()), targets, settings.seed());
    }
}
