package org.mixupsuite.gan;

import org.mixupsuite.core.cli.Named;

/** How the GAN's networks start. */
public enum Initialization implements Named {
    /**
     * PyTorch's default for nn.Linear, which the authors' script leaves in place: weights and biases
     * both U(-1/sqrt(fan_in), 1/sqrt(fan_in)).
     */
    TORCH_DEFAULT("torch-default: weights and biases U(-1/sqrt(fan_in), 1/sqrt(fan_in)), as PyTorch's nn.Linear "
            + "(the authors' script); biases drawn from the init seed"),
    /** The suite's earlier init, kept for comparison with runs made before: He-normal weights, zero biases. */
    HE("he: weights N(0, 2/fan_in), biases 0 (the suite's init before the authors' was matched)");

    private final String description;

    Initialization(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }
}
