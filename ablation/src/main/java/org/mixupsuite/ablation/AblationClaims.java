package org.mixupsuite.ablation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mixupsuite.core.findings.CalibrationClaim;
import org.mixupsuite.core.findings.Claim;
import org.mixupsuite.core.findings.Claim.Expect;

/**
 * The paper's side findings on how mixup is built (its ablation, stated in words): mixing k ≥ 3
 * examples is no better than pairs, a second loader is no better than the in-batch shuffle, and
 * mixing only within a label loses mixup's gain. Each arm is compared with standard mixup (the side
 * finding) and with ERM (does the arm keep the gain, or lose it), on last-epoch test error; the
 * study's own reference claim is that mixup gains over ERM here at all. "No better" allows half a
 * point; a gain must reach a point (the corrupt-labels study's margin, the setting this one borrows).
 */
final class AblationClaims {

    private static final String PAPER = "stated in words (CIFAR-10, PreAct ResNet-18)";
    /** "no better than mixup": half a point of error. */
    static final double NO_GAIN_MARGIN = 0.5;
    /** A gain over ERM, or one lost, in points of error: the corrupt-labels study's margin under label noise. */
    static final double GAIN_MARGIN = 1.0;

    private AblationClaims() {
    }

    static List<Claim> of(List<AblationArm> arms) {
        Set<String> present = new HashSet<>(arms.stream().map(AblationArm::arm).toList());
        List<Claim> out = new ArrayList<>();
        if (!present.contains("mixup")) {
            return out;
        }
        Map<String, Object> mixup = Map.of("arm", "mixup");
        Map<String, Object> erm = Map.of("arm", "erm");
        boolean withErm = present.contains("erm");
        if (withErm) {
            out.add(Claim.of("mixup-gain", "mixup's test error is lower than ERM's in this setting (the gain the other "
                    + "arms are read against)", PAPER + ": ERM 5.53, mixup 4.24 (Table 5, wd 1e-4)", mixup, erm,
                    "test_error", Expect.LOWER, GAIN_MARGIN));
        }
        for (int k : new int[] {3, 4}) {
            String arm = "mixup-k" + k;
            if (present.contains(arm)) {
                out.add(Claim.of("k" + k + "-no-gain", "mixing " + k + " examples (Dirichlet weights) is no better than "
                        + "mixing pairs", PAPER + ": k ≥ 3 gives no further gain", Map.of("arm", arm), mixup,
                        "test_error", Expect.NOT_LOWER, NO_GAIN_MARGIN));
                keepsTheGain(out, withErm, "k" + k, "mixing " + k + " examples", arm, PAPER + ": k ≥ 3 works, no better");
            }
        }
        if (present.contains("two-loaders")) {
            out.add(Claim.of("two-loaders-no-gain", "partners from a second loader are no better than the in-batch shuffle",
                    PAPER + ": one loader works as well as two", Map.of("arm", "two-loaders"), mixup, "test_error",
                    Expect.NOT_LOWER, NO_GAIN_MARGIN));
            keepsTheGain(out, withErm, "two-loaders", "partners from a second loader", "two-loaders",
                    PAPER + ": two loaders work as well as one");
        }
        if (withErm) {
            out.add(CalibrationClaim.of("calibration", "mixup", mixup, erm));
        }
        if (present.contains("same-label")) {
            Map<String, Object> same = Map.of("arm", "same-label");
            out.add(Claim.of("same-label-loses", "mixing only examples of the same label loses mixup's gain (higher test error)",
                    PAPER + ": same-class mixing loses the gains", same, mixup, "test_error",
                    Expect.HIGHER, NO_GAIN_MARGIN));
            if (withErm) {
                // "loses the gain" read against ERM: no better than ERM by more than the gain margin
                out.add(Claim.of("same-label-no-gain-over-erm", "mixing only examples of the same label is no better "
                        + "than ERM", PAPER + ": same-class mixing loses the gains", same, erm, "test_error",
                        Expect.NOT_LOWER, GAIN_MARGIN));
            }
        }
        return out;
    }

    private static void keepsTheGain(List<Claim> out, boolean withErm, String id, String what, String arm, String paper) {
        if (withErm) {
            out.add(Claim.of(id + "-beats-erm", what + " keeps mixup's gain: lower test error than ERM", paper,
                    Map.of("arm", arm), Map.of("arm", "erm"), "test_error", Expect.LOWER, GAIN_MARGIN));
        }
    }
}
