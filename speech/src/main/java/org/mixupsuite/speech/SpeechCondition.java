package org.mixupsuite.speech;

import org.mixupsuite.core.mixup.Method;
import org.mixupsuite.core.run.Condition;
import org.mixupsuite.core.run.SettingText;

/**
 * One cell of the speech study: a model trained with ERM or with mixup at one alpha.
 *
 * @param model  lenet or vgg11
 * @param alpha  mixup's alpha, lambda ~ Beta(alpha, alpha); 0 for ERM
 */
public record SpeechCondition(String model, Method method, double alpha) implements Condition {

    @Override
    public String slug() {
        return model + "-" + method.label() + (method.mixes() ? "-a" + SettingText.number(alpha) : "");
    }

    /** How charts and tables name the method, e.g. "mixup α=0.2". */
    public String methodLabel() {
        return method.describe(alpha, 0);
    }
}
