package org.mixupsuite.speech;

import java.util.List;
import org.mixupsuite.core.run.Scale;
import org.mixupsuite.core.run.Presets;

/**
 * The study's settings at each scale. paper: the paper's models on the full 160 x 101 spectrograms,
 * Adam, 30 epochs, minibatches of 100. quick: narrower models on pooled spectrograms and a training
 * subset, sized for minutes on a 2-core CPU. smoke: seconds, for tests.
 *
 * @param trainSize    training clips used, a seeded random subset (0 = all)
 * @param evalSize     validation and test clips evaluated, each a fixed random subset (0 = all)
 * @param widthDivisor every layer's width divided by this (1 = the paper's models)
 * @param dropout      LeNet's dropout probability (the paper's 0.5; VGG-11 has none)
 * @param augment      per-epoch time shift, background noise and level jitter of training clips; off at
 *                     paper scale (the paper trains on the clips as they are; --augment asks for it)
 */
public record ScalePreset(List<String> models, List<Double> alphas, int epochs, int batchSize, double learningRate,
                   int trainSize, int evalSize, Features features, int widthDivisor, double dropout, boolean augment) {

    /** Narrower models (width / 8) on spectrograms pooled 4 x 2 and 3,000 augmented clips, no dropout. */
    private static ScalePreset quick() {
        return Presets.of(ScalePreset.class, "models", SpeechModels.NAMES, "alphas", List.of(0.1, 0.2), "epochs", 8,
                "batchSize", 64, "learningRate", 2e-3, "trainSize", 3000, "evalSize", 1000,
                "features", new Features(4, 2, Spectrogram.FLOOR), "widthDivisor", 8, "dropout", 0.0, "augment", true);
    }

    public static ScalePreset of(Scale scale) {
        return switch (scale) {
            case SMOKE -> Presets.with(quick(), "alphas", List.of(0.2), "epochs", 2, "batchSize", 16, "trainSize", 300,
                    "evalSize", 200, "dropout", 0.5);
            case QUICK -> quick();
            case PAPER -> Presets.of(ScalePreset.class, "models", SpeechModels.NAMES, "alphas", List.of(0.1, 0.2),
                    "epochs", 30, "batchSize", 100, "learningRate", 1e-3, "trainSize", 0, "evalSize", 0,
                    "features", Features.PAPER, "widthDivisor", 1, "dropout", 0.5, "augment", false);
        };
    }
}
