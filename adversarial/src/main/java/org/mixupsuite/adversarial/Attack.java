package org.mixupsuite.adversarial;

import org.mixupsuite.core.cli.Named;

/** The attacks the study runs, with the names of its rows (fgsm, i-fgsm, pgd). */
public enum Attack implements Named {
    /** One step of epsilon along the gradient's sign (Goodfellow et al.): the paper's attack. */
    FGSM,
    /** Steps of epsilon / steps from the clean image, each projected (Kurakin et al.): the paper's iterative one. */
    I_FGSM,
    /** Steps from a random point in the ball (Madry et al.): what robustness libraries report next to FGSM. */
    PGD
}
