package org.mixupsuite.corruptlabels;

import java.util.List;
import org.mixupsuite.core.mixup.Method;
import org.mixupsuite.core.run.Scale;

/**
 * The study's settings at each scale. quick is sized so that ERM visibly memorizes the noise on a
 * 2-core CPU within minutes: a wide MLP on a subset, trained long enough to fit random labels.
 *
 * @param trainSize training examples used (0 = all)
 * @param testSize  test examples evaluated each epoch (0 = all)
 * @param hidden    width of the MLP's two hidden layers (ignored by preact-resnet18)
 * @param learningRate Adam's rate for the MLP; SGD's initial rate for the ResNet
 */
record ScalePreset(String model, int trainSize, int testSize, int epochs, int batchSize, int hidden,
                   double learningRate, List<Double> corruptions, List<Method> methods, List<Double> alphas,
                   List<Double> dropouts) {

    static final List<Method> ALL_METHODS = List.of(Method.values());

    static ScalePreset of(Scale scale) {
        return switch (scale) {
            case SMOKE -> new ScalePreset("mlp", 600, 500, 3, 64, 128, 1e-3, List.of(0.5), ALL_METHODS,
                    List.of(8.0), List.of(0.5));
            case QUICK -> new ScalePreset("mlp", 4000, 5000, 40, 128, 512, 1e-3, List.of(0.2, 0.5, 0.8), ALL_METHODS,
                    List.of(32.0), List.of(0.7));
            case PAPER -> new ScalePreset("preact-resnet18", 0, 0, 200, 128, 0, 0.1, List.of(0.2, 0.5, 0.8),
                    ALL_METHODS, List.of(1.0, 2.0, 8.0, 32.0), List.of(0.5, 0.7, 0.8, 0.9));
        };
    }
}
