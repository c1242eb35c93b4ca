package org.mixupsuite.speech;

import org.mixupsuite.core.run.Scale;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.mixupsuite.core.BadInputException;
import org.mixupsuite.core.cli.OptionValues;
import org.mixupsuite.core.cli.TrainingOption;
import org.mixupsuite.core.mixup.Method;
import org.mixupsuite.core.run.Experiment;
import org.mixupsuite.core.run.RunSettings;
import org.mixupsuite.core.run.Study;
import org.mixupsuite.core.run.Presets;

/**
 * {@code ./mixup speech}: does mixup help a keyword spotter, and more so the larger model? (the
 * paper's Section 3.3: LeNet and VGG-11 on Speech Commands spectrograms). With {@code --evaluate
 * RUN_DIR} it instead evaluates a finished run's models on any folder in the Speech Commands layout.
 */
public final class SpeechStudy implements Study {

    /** Where data-scripts/speech-commands-synth.sh puts the synthesized set. */
    public static Path defaultData() {
        return Path.of(System.getProperty("mixup.home", ".")).resolve("data").resolve("speech-commands-synth");
    }

    @Override
    public About about() {
        return About.of("speech", "spoken keywords: LeNet and VGG-11, ERM vs mixup (validation and test error)")
                .headline("test_error")
                .examples("./mixup speech --seeds 3                      # the quick verdicts on the synthesized set",
                        "./mixup speech --data ~/speech_commands_v0.02 --scale paper --dry-run   # the real set: the plan",
                        "./mixup speech --augment --epochs 20            # with augmentation, a shorter schedule");
    }

    @Override
    public Record preset(Scale scale) {
        return ScalePreset.of(scale);
    }

    @Override
    public void addOptions(Options o) {
        o.addOption(OptionValues.valued("models", "LIST", "any of lenet,vgg11"));
        o.addOption(OptionValues.valued("alpha", "LIST", "mixup alphas, lambda ~ Beta(alpha, alpha), e.g. 0.1,0.2"));
        TrainingOption.add(o, TrainingOption.EPOCHS, TrainingOption.TRAIN_SIZE, TrainingOption.BATCH_SIZE);
        o.addOption(OptionValues.valued("eval-size", "N", "validation and test clips evaluated, each (0 = all)"));
        o.addOption(OptionValues.valued("lr", "RATE", "Adam's learning rate before its first step (the paper's 3e-3)"));
        o.addOption(OptionValues.valued("lr-drops", "LIST", "epochs after which the rate is divided by 10, or none "
                + "(default: the paper's 10 and 20 of 30, at the same fractions of --epochs)"));
        o.addOption(OptionValues.valued("warmup", "N", "mixup's first N epochs train on unmixed batches "
                + "(default: the paper's 5 of 30, at the same fraction of --epochs; 0 = none)"));
        o.addOption(OptionValues.valued("width-divisor", "N", "divide every layer's width by N (1 = the paper's models)"));
        o.addOption(OptionValues.valued("dropout", "P", "LeNet's dropout probability (the paper's model: 0.5)"));
        o.addOption(OptionValues.valued("pool", "BINSxFRAMES", "average-pool the 160 x 101 spectrogram, e.g. 4x2 (1x1 = none)"));
        o.addOption(Option.builder().longOpt("no-augment").desc("train on the clips as they are (no shift, noise, level jitter)").get());
        o.addOption(Option.builder().longOpt("augment").desc("shift, noise and level jitter per epoch (off by default at every "
                + "scale: the paper trained on the clips as they are, and augmentation is itself a regularizer)").get());
        o.addOption(OptionValues.valued("evaluate", "RUN_DIR", "evaluate a finished speech run's models on --data instead of training"));
        o.addOption(OptionValues.valued("split", "PART", "with --evaluate: training, validation, testing or all clips of --data (default all)"));
    }

    @Override
    public boolean runInstead(CommandLine cmd, RunSettings settings, PrintStream out) throws Exception {
        if (!cmd.hasOption("evaluate")) {
            if (cmd.hasOption("split")) {
                throw new BadInputException("--split: only means something with --evaluate");
            }
            return false;
        }
        Path data = settings.data() != null ? settings.data() : defaultData();
        SpeechCommands.Part part = SpeechCommands.Part.parse(cmd.getOptionValue("split", "all"));
        RunEvaluation.run(Path.of(cmd.getOptionValue("evaluate")), data, part, out);
        return true;
    }

    @Override
    public Experiment<?> plan(CommandLine cmd, RunSettings settings) {
        ScalePreset resolved = resolve(cmd, ScalePreset.of(settings.scale()));
        checkInputSize(resolved);
        Path dir = settings.data() != null ? settings.data() : defaultData();
        if (settings.data() == null && !Files.isDirectory(dir)) {
            throw new BadInputException(dir, "the synthesized keyword set is not there; run ./mixup setup "
                    + "(or pass --data DIR with Speech Commands v0.01)");
        }
        SpeechData data = SpeechData.load(SpeechCommands.open(dir), resolved.evalSize(), resolved.features(),
                settings.seed());
        return new SpeechExperiment(resolved, data, conditions(resolved));
    }

    /** The preset with the command line's overrides. */
    static ScalePreset resolve(CommandLine cmd, ScalePreset p) {
        List<String> models = OptionValues.names(cmd, "models", p.models(), SpeechModels.NAMES);
        List<Double> alphas = OptionValues.alphas(cmd, p.alphas());
        int epochs = TrainingOption.EPOCHS.value(cmd, p.epochs());
        // a run of other length keeps the paper's schedule at the same fractions of the run, unless told otherwise
        List<Integer> drops = cmd.hasOption("lr-drops") ? lrDrops(cmd.getOptionValue("lr-drops"))
                : epochs == p.epochs() ? p.lrDrops() : ScalePreset.lrDrops(epochs);
        int warmup = OptionValues.count(cmd, "warmup", epochs == p.epochs() ? p.warmupEpochs() : ScalePreset.warmup(epochs),
                true);
        return Presets.with(p, "models", models, "alphas", alphas,
                "epochs", epochs, "lrDrops", drops, "warmupEpochs", warmup,
                "batchSize", TrainingOption.BATCH_SIZE.value(cmd, p.batchSize()),
                "learningRate", OptionValues.number(cmd, "lr", p.learningRate()),
                "trainSize", TrainingOption.TRAIN_SIZE.value(cmd, p.trainSize()),
                "evalSize", OptionValues.count(cmd, "eval-size", p.evalSize(), true),
                "features", cmd.hasOption("pool") ? pool(cmd.getOptionValue("pool"), p.features()) : p.features(),
                "widthDivisor", OptionValues.count(cmd, "width-divisor", p.widthDivisor(), false),
                "dropout", dropout(cmd, p.dropout()), "augment", augment(cmd, p.augment()));
    }

    /** VGG-11 halves its input five times, LeNet convolves and halves twice: too small an input leaves nothing. */
    private static void checkInputSize(ScalePreset p) {
        Features f = p.features();
        int least = p.models().contains("vgg11") ? 32 : 16;
        if (f.height() < least || f.width() < least) {
            throw new BadInputException("--pool: " + f.height() + " x " + f.width() + " is too small for "
                    + String.join(", ", p.models()) + " (needs at least " + least + " x " + least + ")");
        }
    }

    private static boolean augment(CommandLine cmd, boolean preset) {
        if (cmd.hasOption("augment") && cmd.hasOption("no-augment")) {
            throw new BadInputException("--augment and --no-augment: give one of them");
        }
        return cmd.hasOption("augment") || preset && !cmd.hasOption("no-augment");
    }

    private static List<Integer> lrDrops(String text) {
        if (text.trim().equalsIgnoreCase("none")) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                int e = Integer.parseInt(part.trim());
                if (e >= 1 && (out.isEmpty() || e > out.get(out.size() - 1))) {
                    out.add(e);
                    continue;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new BadInputException("--lr-drops: '" + text + "' is not 'none' or rising epochs from 1, e.g. 10,20");
        }
        return out;
    }

    static List<SpeechCondition> conditions(ScalePreset p) {
        List<SpeechCondition> out = new ArrayList<>();
        for (String model : p.models()) {
            out.add(new SpeechCondition(model, Method.ERM, 0));
            p.alphas().forEach(a -> out.add(new SpeechCondition(model, Method.MIXUP, a)));
        }
        return out;
    }

    private static double dropout(CommandLine cmd, double fallback) {
        double p = OptionValues.number(cmd, "dropout", fallback);
        if (p < 0 || p >= 1) {
            throw new BadInputException("--dropout: " + p + " is not a probability in [0, 1)");
        }
        return p;
    }

    private static Features pool(String text, Features preset) {
        String[] parts = text.toLowerCase(Locale.ROOT).split("x");
        try {
            if (parts.length == 2) {
                int bins = Integer.parseInt(parts[0].trim());
                int frames = Integer.parseInt(parts[1].trim());
                if (bins >= 1 && frames >= 1 && bins <= 16 && frames <= 16) {
                    return preset.withPool(bins, frames);
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadInputException("--pool: '" + text + "' is not BINSxFRAMES with factors 1 to 16, e.g. 4x2");
    }
}
