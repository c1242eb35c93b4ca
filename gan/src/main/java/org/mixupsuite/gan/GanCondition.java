package org.mixupsuite.gan;

import org.mixupsuite.core.mixup.Method;
import org.mixupsuite.core.run.Condition;
import org.mixupsuite.core.run.SettingText;

/** One GAN run: a data set and a discriminator method (erm, or mixup with its alpha). */
public record GanCondition(String dataset, Method method, double alpha) implements Condition {

    @Override
    public String slug() {
        return dataset + "-" + method.label() + (alpha > 0 ? "-a" + alpha : "");
    }

    String label() {
        return method.mixes() ? "mixup GAN α=" + SettingText.number(alpha) : "ERM GAN";
    }
}
