package org.mixupsuite.gan;

import java.util.List;
import java.util.TreeSet;
import org.mixupsuite.core.run.Scale;

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
            case SMOKE -> new GanSettings(30, 2, 64, 2, 32, 3, 0.01, GeneratorLoss.MINIMAX, MixupForm.PAPER, 0, 500, 3);
            case QUICK -> new GanSettings(2000, 5, 128, 2, 128, 3, 0.01, GeneratorLoss.MINIMAX, MixupForm.PAPER, 0, 2500, 20);
            case PAPER -> new GanSettings(20_000, 5, 128, 2, 512, 3, 0.01, GeneratorLoss.MINIMAX, MixupForm.PAPER, 0, 2500, 40);
        };
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
