package org.mixupsuite.adversarial;

import org.mixupsuite.core.mixup.Method;
import org.mixupsuite.core.run.Condition;

/** A model under attack: trained with ERM or with mixup (alpha), then attacked at every epsilon. */
public record TargetModel(String model, Method method, double alpha) implements Condition {

    @Override
    public String slug() {
        return method + (alpha > 0 ? "-a" + alpha : "");
    }

    String label() {
        return method.describe(alpha, 0);
    }
}
