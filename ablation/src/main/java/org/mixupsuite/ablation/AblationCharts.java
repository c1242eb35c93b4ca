package org.mixupsuite.ablation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mixupsuite.core.charts.Charts;
import org.mixupsuite.core.charts.Palette;
import org.mixupsuite.core.run.RunResults;
import org.mixupsuite.core.stats.Interval;

/** Test error per arm (ERM as the reference line) and the cost of a training step per k. */
final class AblationCharts {

    private AblationCharts() {
    }

    static void draw(RunResults<AblationArm> results, Path dir) throws IOException {
        List<Charts.Bar> errors = new ArrayList<>();
        List<Charts.Bar> steps = new ArrayList<>();
        List<Charts.Reference> ermLine = new ArrayList<>();
        for (AblationArm arm : results.byCondition().keySet()) {
            Interval error = results.figure(arm, "test_error");
            errors.add(new Charts.Bar(arm.arm(), "test error at the last epoch (ERM vermillion, mixup arms blue)",
                    Palette.method(arm.method()), error.mean(), error.ci95()));
            if (arm.k() == 1) {
                ermLine.add(new Charts.Reference("ERM " + String.format(java.util.Locale.ROOT, "%.2f", error.mean()),
                        error.mean(), Palette.ERM));
            }
            if (arm.pairing() == AblationArm.Partners.SHUFFLE && arm.lambda() == AblationArm.LambdaDraw.PER_BATCH || arm.k() == 1) {
                Interval step = results.figure(arm, "step_ms");
                steps.add(new Charts.Bar("k = " + arm.k() + (arm.k() == 1 ? " (ERM)" : ""), "mean step time after epoch 1",
                        Palette.method(arm.method()), step.mean(), step.ci95()));
            }
        }
        Charts.savePng(Charts.bars("Test error per ablation arm" + results.intervalNote("bars"), "arm",
                "test error at the last epoch (%)", errors, ermLine), dir.resolve("test-error-per-arm.png"));
        Charts.savePng(Charts.bars("Cost of mixing k examples: time of one training step", "examples mixed per row",
                "step time (ms)", steps, List.of()), dir.resolve("step-time-per-k.png"));
    }
}
