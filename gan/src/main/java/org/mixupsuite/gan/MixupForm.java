package org.mixupsuite.gan;

import org.mixupsuite.core.cli.Named;

/** How a mixup discriminator blends its inputs. */
public enum MixupForm implements Named {
    /** The paper's: D on lambda x_real + (1 - lambda) G(z) with target lambda, lambda ~ Beta(alpha, alpha) per example. */
    PAPER(GanSteps.DiscriminatorForm.PAPER,
            "paper: D on lambda x_real + (1 - lambda) G(z), target lambda, lambda ~ Beta(alpha, alpha) per example"),
    /** The authors' demo script's. */
    DEMO(GanSteps.DiscriminatorForm.DEMO,
            "demo (the authors' gan/example_gan.py): two independent shuffled real+fake batches blended with "
                    + "lambda ~ Uniform(0, alpha) per example, targets blended alike");

    private final GanSteps.DiscriminatorForm discriminator;
    private final String description;

    MixupForm(GanSteps.DiscriminatorForm discriminator, String description) {
        this.discriminator = discriminator;
        this.description = description;
    }

    GanSteps.DiscriminatorForm discriminator() {
        return discriminator;
    }

    String description() {
        return description;
    }
}
