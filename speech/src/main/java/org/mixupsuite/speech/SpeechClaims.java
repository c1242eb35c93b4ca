package org.mixupsuite.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mixupsuite.core.findings.CalibrationClaim;
import org.mixupsuite.core.findings.Claim;
import org.mixupsuite.core.findings.Claim.Expect;
import org.mixupsuite.core.run.SettingText;

/**
 * The paper's speech finding (Table 4, Speech Commands): mixup helps the larger VGG-11, not the
 * small LeNet. One claim per model and alpha of the plan, on test error; a LeNet claim is
 * reproduced when the interval rules out mixup beating ERM by more than one point.
 */
final class SpeechClaims {

    private SpeechClaims() {
    }

    static List<Claim> of(ScalePreset p) {
        List<Claim> out = new ArrayList<>();
        for (String model : p.models()) {
            Map<String, Object> erm = Map.of("model", model, "method", "erm");
            List<Double> paperErm = PaperFigures.TABLE_4.get(model + "-erm");
            for (double a : p.alphas()) {
                String alpha = SettingText.number(a);
                List<Double> paperMixup = PaperFigures.TABLE_4.get(model + "-mixup-a" + alpha);
                String paper = paperErm == null || paperMixup == null ? "not in the paper's table"
                        : String.format(Locale.ROOT, "test ERM %.1f, mixup %.1f (Speech Commands, %s, α=%s)",
                        paperErm.get(1), paperMixup.get(1), model.equals("vgg11") ? "VGG-11" : "LeNet", alpha);
                Map<String, Object> mixup = Map.of("model", model, "method", "mixup", "alpha", a);
                if (model.equals("vgg11")) {
                    out.add(Claim.of(model + "-a" + alpha + "-helps", "on VGG-11, mixup α=" + alpha
                            + " has lower test error than ERM", paper, mixup, erm, "test_error", Expect.LOWER, 0.5));
                } else {
                    out.add(Claim.of(model + "-a" + alpha + "-no-gain", "on " + model + ", mixup α=" + alpha
                            + " is not better than ERM", paper, mixup, erm, "test_error", Expect.NOT_LOWER, 1.0));
                }
                out.add(CalibrationClaim.of(model + "-a" + alpha + "-calibration", "on " + model + ", mixup α=" + alpha,
                        mixup, erm));
            }
        }
        return out;
    }
}
