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
 * mixing only within a label loses mixup's gain. Compared on last-epoch test error against the
 * standard mixup arm; "no better" allows half a point.
 */
final class AblationClaims {

    private static final String PAPER = "stated in words (CIFAR-10, PreAct ResNet-18)";

    private AblationClaims() {
    }

    static List<Claim> of(List<AblationArm> arms) {
        Set<String> present = new HashSet<>(arms.stream().map(AblationArm::arm).toList());
        List<Claim> out = new ArrayList<>();
        if (!present.contains("mixup")) {
            return out;
        }
        Map<String, Object> mixup = Map.of("arm", "mixup");
        for (int k : new int[] {3, 4}) {
            String arm = "mixup-k" + k;
            if (present.contains(arm)) {
                out.add(Claim.of("k" + k + "-no-gain", "mixing " + k + " examples (Dirichlet weights) is no better than "
                        + "mixing pairs", PAPER + ": k ≥ 3 gives no further gain", Map.of("arm", arm), mixup,
                        "test_error", Expect.NOT_LOWER, 0.5));
            }
        }
        if (present.contains("two-loaders")) {
            out.add(Claim.of("two-loaders-no-gain", "partners from a second loader are no better than the in-batch shuffle",
                    PAPER + ": one loader works as well as two", Map.of("arm", "two-loaders"), mixup, "test_error",
                    Expect.NOT_LOWER, 0.5));
        }
        if (present.contains("erm")) {
            out.add(CalibrationClaim.of("calibration", "mixup", mixup, Map.of("arm", "erm")));
        }
        if (present.contains("same-label")) {
            out.add(Claim.of("same-label-loses", "mixing only examples of the same label loses mixup's gain (higher test error)",
                    PAPER + ": same-class mixing loses the gains", Map.of("arm", "same-label"), mixup, "test_error",
                    Expect.HIGHER, 0.5));
        }
        return out;
    }
}
