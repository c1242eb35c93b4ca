package org.mixupsuite.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mixupsuite.core.run.Presets;
import org.mixupsuite.core.run.Scale;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * The study's settings at each scale. paper: the paper's protocol (§3.3) as written: the full
 * 160 x 101 spectrograms, the models at full width, 30 epochs of minibatches of 100, Adam at 3e-3
 * divided by 10 after epochs 10 and 20, mixup's first 5 epochs on unmixed data, no augmentation.
 * quick: the same protocol compressed by one rule, every epoch count at the paper's fraction of the
 * run ({@link #lrDrops(int)}, {@link #warmup(int)}), on pooled spectrograms, a training subset and
 * both models at the same width divisor; see docs/speech.md for each choice. smoke: seconds,
 * for tests.
 *
 * @param learningRate  Adam's rate for the first epochs (the paper's 3e-3)
 * @param lrDrops       epochs after which the rate is divided by 10 (the paper: after 10 and 20 of 30)
 * @param warmupEpochs  mixup's first epochs on unmixed batches (the paper: 5 of 30); ERM is unaffected
 * @param trainSize     training clips used, a seeded random subset (0 = all)
 * @param evalSize      validation and test clips evaluated, each a fixed random subset (0 = all)
 * @param widthDivisor  every layer's width of both models divided by this, rounded up (1 = the paper's models)
 * @param dropout       LeNet's dropout probability (the paper's 0.5; VGG-11 has none)
 * @param augment       per-epoch time shift, background noise and level jitter of training clips; off at
 *                      every scale, as the paper trained on the clips as they are (--augment asks for it)
 */
public record ScalePreset(List<String> models, List<Double> alphas, int epochs, int batchSize, double learningRate,
                          List<Integer> lrDrops, int warmupEpochs, int trainSize, int evalSize, Features features,
                          int widthDivisor, double dropout, boolean augment) {

    /** The paper's run length, and where its schedule steps: the other presets keep these fractions. */
    static final int PAPER_EPOCHS = 30;
    static final List<Integer> PAPER_LR_DROPS = List.of(10, 20);
    static final int PAPER_WARMUP = 5;
    static final double PAPER_LEARNING_RATE = 3e-3;

    /**
     * The quick scale's epochs, read off mixup's training loss alone (docs/speech.md): at a
     * constant 3e-3, mixup α=0.2 levels off after 15 epochs (LeNet, the later model), and the paper
     * spends a third of its run at that rate: 45 epochs, steps after 15 and 30, 8 of warm-up.
     */
    static final int QUICK_EPOCHS = 45;

    public ScalePreset {
        models = List.copyOf(models);
        alphas = List.copyOf(alphas);
        lrDrops = List.copyOf(lrDrops);
    }

    /** Pooled 4 x 2 spectrograms, 3,000 training clips, both models at width / 8, the paper's schedule over 45 epochs. */
    private static ScalePreset quick() {
        return Presets.of(ScalePreset.class, "models", SpeechModels.NAMES, "alphas", List.of(0.1, 0.2),
                "epochs", QUICK_EPOCHS, "batchSize", 100, "learningRate", PAPER_LEARNING_RATE,
                "lrDrops", lrDrops(QUICK_EPOCHS), "warmupEpochs", warmup(QUICK_EPOCHS), "trainSize", 3000,
                "evalSize", 1000, "features", new Features(4, 2, Spectrogram.FLOOR), "widthDivisor", 8,
                "dropout", 0.0, "augment", false);
    }

    public static ScalePreset of(Scale scale) {
        return switch (scale) {
            // three epochs: one of warm-up and a rate step after each of the first two, so the tests pass every switch
            case SMOKE -> Presets.with(quick(), "alphas", List.of(0.2), "epochs", 3, "lrDrops", lrDrops(3),
                    "warmupEpochs", warmup(3), "batchSize", 16, "trainSize", 300, "evalSize", 200, "dropout", 0.5);
            case QUICK -> quick();
            case PAPER -> Presets.of(ScalePreset.class, "models", SpeechModels.NAMES, "alphas", List.of(0.1, 0.2),
                    "epochs", PAPER_EPOCHS, "batchSize", 100, "learningRate", PAPER_LEARNING_RATE,
                    "lrDrops", PAPER_LR_DROPS, "warmupEpochs", PAPER_WARMUP, "trainSize", 0, "evalSize", 0,
                    "features", Features.PAPER, "widthDivisor", 1, "dropout", 0.5, "augment", false);
        };
    }

    /** The paper's rate steps (after epochs 10 and 20 of 30) at the same fractions of a run of {@code epochs}. */
    static List<Integer> lrDrops(int epochs) {
        List<Integer> out = new ArrayList<>();
        for (int paperEpoch : PAPER_LR_DROPS) {
            // never before the first epoch: a run of one or two epochs still starts at the full rate
            out.add(Math.max(1, atPaperFraction(paperEpoch, epochs)));
        }
        return out;
    }

    /** The paper's 5 warm-up epochs of 30 at the same fraction of a run of {@code epochs}. */
    static int warmup(int epochs) {
        return atPaperFraction(PAPER_WARMUP, epochs);
    }

    private static int atPaperFraction(int paperEpoch, int epochs) {
        return (int) Math.round((double) paperEpoch * epochs / PAPER_EPOCHS);
    }

    /** Adam's rate in (1-based) epoch {@code epoch}: divided by 10 once for each drop before it. */
    double learningRateAt(int epoch) {
        double rate = learningRate;
        for (int drop : lrDrops) {
            if (epoch > drop) {
                rate /= 10;
            }
        }
        return rate;
    }

    /**
     * The rate as DL4J's epoch schedule. DL4J counts epochs from 0 and the network's count advances
     * at the end of each of the trainer's epochs (Network.endEpoch), so key k holds epoch k + 1's rate;
     * the count is saved with the model, so a resumed run continues on the same schedule.
     */
    ISchedule learningRateSchedule() {
        Map<Integer, Double> byEpoch = new TreeMap<>();
        byEpoch.put(0, learningRate);
        for (int drop : lrDrops) {
            byEpoch.put(drop, learningRateAt(drop + 1));
        }
        return new MapSchedule(ScheduleType.EPOCH, byEpoch);
    }
}
