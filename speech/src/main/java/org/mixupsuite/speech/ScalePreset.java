package org.mixupsuite.speech;

import java.util.List;
import org.mixupsuite.core.run.Scale;

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

    public static ScalePreset of(Scale scale) {
        return switch (scale) {
            case SMOKE -> new ScalePreset(SpeechModels.NAMES, List.of(0.2), 2, 16, 2e-3, 300, 200,
                    new Features(4, 2, Spectrogram.FLOOR), 8, 0.5, true);
            case QUICK -> new ScalePreset(SpeechModels.NAMES, List.of(0.1, 0.2), 8, 64, 2e-3, 3000, 1000,
                    new Features(4, 2, Spectrogram.FLOOR), 8, 0.0, true);
            case PAPER -> new ScalePreset(SpeechModels.NAMES, List.of(0.1, 0.2), 30, 100, 1e-3, 0, 0,
                    Features.PAPER, 1, 0.5, false);
        };
    }
}
