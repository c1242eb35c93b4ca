package org.mixupsuite.gan;

import java.util.List;
import java.util.TreeSet;
import org.mixupsuite.core.run.Scale;
import org.mixupsuite.core.run.Presets;

/**
 * A GAN run's settings. Snapshots (coverage figures, checkpoints) are taken at {@code curvePoints}
 * evenly spaced iterations and at the scatter iterations of the paper's figure (10, 100, 1000, ...
 * scaled to the run length). The figures of metrics.json are means over the snapshots of the run's
 * last {@code averagedShare} (see {@link #averagedSnapshots()}): one snapshot is one draw of a
 * generator that still moves from iteration to iteration.
 *
 * @param generatorLoss minimax (G maximizes D's loss on fakes, the paper's) or non-saturating
 * @param mixupForms    the mixup discriminators run, each its own condition: paper (target lambda on
 *                      real/fake blends, the paper's text) and demo (the authors' script: two real+fake
 *                      batches blended per example)
 * @param init          how both networks start (the authors' script: PyTorch's nn.Linear default)
 * @param coverageShare least share of samples near a mode for it to count as covered (0 = a quarter of a fair share)
 * @param averagedShare the end share of the run whose snapshots the figures average (0.25: the last quarter)
 */
public record GanSettings(int iterations, int dSteps, int batch, int latent, int hidden, int layers, double std,
                   GeneratorLoss generatorLoss, List<MixupForm> mixupForms, Initialization init, double coverageShare,
                   int evalSamples, int curvePoints, double averagedShare) {

    public GanSettings {
        mixupForms = List.copyOf(mixupForms);
    }

    public static GanSettings of(Scale scale) {
        return switch (scale) {
            case SMOKE -> Presets.with(paper(), "iterations", 30, "dSteps", 2, "batch", 64, "hidden", 32,
                    "evalSamples", 500, "curvePoints", 3);
            case QUICK -> Presets.with(paper(), "iterations", 2000, "hidden", 128, "curvePoints", 20);
            case PAPER -> paper();
        };
    }

    /**
     * The paper's: 3 x 512 networks, 20,000 iterations, 5 D steps per G step, latent 2, std 0.01.
     * Both mixing forms: the paper's text states one objective, the authors' script runs the other,
     * and the paper does not say which made Figure 5, so both are measured and claimed alike.
     */
    private static GanSettings paper() {
        return Presets.of(GanSettings.class, "iterations", 20_000, "dSteps", 5, "batch", 128, "latent", 2, "hidden", 512,
                "layers", 3, "std", 0.01, "generatorLoss", GeneratorLoss.MINIMAX,
                "mixupForms", List.of(MixupForm.PAPER, MixupForm.DEMO), "init", Initialization.TORCH_DEFAULT,
                "coverageShare", 0.0, "evalSamples", 2500, "curvePoints", 40, "averagedShare", 0.25);
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

    /** The snapshots whose figures metrics.json averages: those at or after the start of the run's last {@code averagedShare}. */
    TreeSet<Integer> averagedSnapshots() {
        double from = iterations * (1 - averagedShare);
        TreeSet<Integer> out = new TreeSet<>();
        for (int it : snapshotIterations()) {
            if (it >= from) {
                out.add(it);
            }
        }
        return out;
    }
}
