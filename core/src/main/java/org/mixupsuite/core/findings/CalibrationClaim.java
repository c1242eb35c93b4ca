package org.mixupsuite.core.findings;

import java.util.Map;

/**
 * Beyond the paper: the follow-up literature's claim that mixup-trained classifiers are better
 * calibrated than ERM's (Thulasidasan et al., "On Mixup Training: Improved Calibration and
 * Predictive Uncertainty for Deep Neural Networks", NeurIPS 2019), on the expected calibration error
 * with 15 equal-width bins as Guo et al. (ICML 2017) define it (figure {@code ece}, in %). One home
 * for its wording and margin, so every study states it alike and it never passes for the paper's.
 */
public final class CalibrationClaim {

    /**
     * One point of ECE. With a few thousand test rows spread over 15 bins, a bin's accuracy moves by
     * about a point from sampling alone; a smaller difference says nothing about the method.
     */
    public static final double MARGIN = 1.0;

    public static final String SOURCE = "not in the paper (follow-up literature): Thulasidasan et al., NeurIPS 2019, "
            + "mixup lowers ECE against ERM; ECE with 15 bins (Guo et al. 2017)";

    private CalibrationClaim() {
    }

    /** "{@code what} has a lower expected calibration error than ERM", for the two rows given. */
    public static Claim of(String id, String what, Map<String, Object> mixup, Map<String, Object> erm) {
        return Claim.of(id, what + " has a lower expected calibration error than ERM (follow-up literature)", SOURCE,
                mixup, erm, "ece", Claim.Expect.LOWER, MARGIN);
    }
}
