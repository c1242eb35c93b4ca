package org.mixupsuite.gan;

import java.util.List;
import java.util.TreeSet;
import org.mixupsuite.core.run.Scale;
import org.mixupsuite.core.run.Presets;

/**
 * A GAN run's settings. Snapshots (coverage figures, checkpoints) are taken at {@code curvePoints}
 * evenly spaced iterations and at the scatter iterations of the paper's figure (10, 100, 1000, ...
 * scaled to the run length).
 *
 * @param generatorLoss minimax (G maximizes D's loss on fakes, the paper's) or non-saturating
 * @param mixupForm     paper (target lambda on real/fake blends) or demo (the authors' script: two real+fake batches blended per example)
 * @param coverageShare least share of samples near a mode for it to count as covered (0 = a quarter of a fair share)
 */
public record GanSettings(int iterations, int dSteps, int batch, int latent, int hidden, int layers, double std,
                   GeneratorLoss generatorLoss, MixupForm mixupForm, double coverageShare, int evalSamples, int curvePoints) {

    public static GanSettings of(Scale scale) {
        return switch (scale) {
            case SMOKE -> Presets.with(paper(), "iterations", 30, "dSteps", 2, "batch", 64, "hidden", 32,
                    "evalSamples", 500, "curvePoints", 3);
            case QUICK -> Presets.with(paper(), "iterations", 2000, "hidden", 128, "curvePoints", 20);
            case PAPER -> paper();
        };
    }

    /** The paper's: 3 x 512 networks, 20,000 iterations, 5 D steps per G step, latent 2, std 0.01. */
    private static GanSettings paper() {
        return Presets.of(GanSettings.class, "iterations", 20_000, "dSteps", 5, "batch", 128, "latent", 2, "hidden", 512,
                "layers", 3, "std", 0.01, "generatorLoss", GeneratorLoss.MINIMAX, "mixupForm", MixupForm.PAPER,
                "coverageShare", 0.0, "evalSamples", 2500, "curvePoints", 40);
    }

    /** Iterations at which the figure shows scatter plots: 10, 100, 1000, ... and the last one. */
    List<Integer> scatterIterations() {
        TreeSet<Integer> out = new TreeSet<>();
        for (int i = 10; i < iterations; i *= 10) {
            out.add(i);
        }
        out.add(iterations);
        return List.copyOf(out);
    }

    /** Every iteration at which coverage is measured. */
    TreeSet<Integer> snapshotIterations() {
        TreeSet<Integer> out = new TreeSet<>(scatterIterations());
        for (int k = 1; k <= curvePoints; k++) {
            out.add(Math.max(1, (int) Math.round((double) iterations * k / curvePoints)));
        }
        return out;
    }
}
