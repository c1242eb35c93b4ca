package org.mixupsuite.corruptlabels;

import java.util.List;
import org.mixupsuite.core.mixup.Method;
import org.mixupsuite.core.run.Scale;
import org.mixupsuite.core.run.Presets;

/**
 * The study's settings at each scale. quick is sized so that ERM visibly memorizes the noise on a
 * 2-core CPU within minutes: a wide MLP on a subset, trained long enough to fit random labels.
 *
 * @param trainSize training examples used (0 = all)
 * @param testSize  test examples evaluated each epoch (0 = all)
 * @param hidden    width of the MLP's two hidden layers (ignored by preact-resnet18)
 * @param learningRate Adam's rate for the MLP; SGD's initial rate for the ResNet
 * @param alphas    mixup's alphas at every rate; empty: Table 2's best α at each rate
 * @param dropouts  dropout p of the dropout arms at every rate; empty: Table 2's best p at each rate
 *                  for ERM + dropout and {@link PaperFigures#COMBINED_P} for mixup + dropout, and no
 *                  dropout arms on clean labels (the paper has none there)
 */
record ScalePreset(String model, int trainSize, int testSize, int epochs, int batchSize, int hidden,
                   double learningRate, List<Double> corruptions, List<Method> methods, List<Double> alphas,
                   List<Double> dropouts) {

    static final List<Method> ALL_METHODS = List.of(Method.values());

    /**
     * Minutes on 2 cores: a wide MLP on a 4,000-image subset, long enough for ERM to fit the noise,
     * with each arm at the paper's best setting for the rate (docs/presets.md).
     */
    private static ScalePreset quick() {
        return Presets.of(ScalePreset.class, "model", "mlp", "trainSize", 4000, "testSize", 5000, "epochs", 40,
                "batchSize", 128, "hidden", 512, "learningRate", 1e-3, "corruptions", List.of(0.0, 0.2, 0.5, 0.8),
                "methods", ALL_METHODS, "alphas", List.of(), "dropouts", List.of());
    }

    /** The mixup alphas run at a corruption rate. */
    List<Double> alphasAt(double rate) {
        return alphas.isEmpty() ? List.of(PaperFigures.bestAlpha(rate)) : alphas;
    }

    /** The dropout rates a method runs with at a corruption rate (empty: the method does not run there). */
    List<Double> dropoutsAt(double rate, Method method) {
        if (!dropouts.isEmpty()) {
            return dropouts;
        }
        if (rate == 0) {
            return List.of();
        }
        return List.of(method.mixes() ? PaperFigures.COMBINED_P : PaperFigures.bestDropout(rate));
    }

    /** The methods run at a corruption rate: those with dropout only where they have a p there. */
    List<Method> methodsAt(double rate) {
        return methods.stream().filter(m -> !m.drops() || !dropoutsAt(rate, m).isEmpty()).toList();
    }

    static ScalePreset of(Scale scale) {
        return switch (scale) {
            case SMOKE -> Presets.with(quick(), "trainSize", 600, "testSize", 500, "epochs", 3, "batchSize", 64,
                    "hidden", 128, "corruptions", List.of(0.5), "alphas", List.of(8.0), "dropouts", List.of(0.5));
            case QUICK -> quick();
            // Table 2's grid: PreAct ResNet-18 on all of CIFAR-10, 200 epochs, SGD 0.1, every alpha and dropout it tried;
            // the clean-label claims at this scale: --corruption 0 (another 25 conditions of 200 epochs)
            case PAPER -> Presets.with(quick(), "model", "preact-resnet18", "trainSize", 0, "testSize", 0, "epochs", 200,
                    "hidden", 0, "learningRate", 0.1, "corruptions", List.of(0.2, 0.5, 0.8),
                    "alphas", List.of(1.0, 2.0, 8.0, 32.0), "dropouts", List.of(0.5, 0.7, 0.8, 0.9));
        };
    }
}
