package org.mixupsuite.gan;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mixupsuite.core.mixup.Method;
import org.mixupsuite.core.run.Condition;
import org.mixupsuite.core.run.SettingText;

/**
 * One GAN run: a data set and a discriminator method (erm, or mixup with its alpha and its mixing
 * {@code form}; null for erm, which mixes nothing).
 */
public record GanCondition(String dataset, Method method, double alpha, MixupForm form) implements Condition {

    public GanCondition {
        if (method.mixes() != (form != null)) {
            throw new IllegalArgumentException("a mixup condition names its form, an ERM one none: " + method + ", " + form);
        }
    }

    static GanCondition erm(String dataset) {
        return new GanCondition(dataset, Method.ERM, 0, null);
    }

    static GanCondition mixup(String dataset, double alpha, MixupForm form) {
        return new GanCondition(dataset, Method.MIXUP, alpha, form);
    }

    @Override
    public String slug() {
        return dataset + "-" + method.label() + (form != null ? "-" + form.label() : "") + (alpha > 0 ? "-a" + alpha : "");
    }

    /** The contract's settings; {@code form} only where there is one, so ERM rows read as before. */
    @Override
    public Map<String, Object> settings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", dataset);
        m.put("method", method.label());
        m.put("alpha", alpha);
        if (form != null) {
            m.put("form", form.label());
        }
        return m;
    }

    String label() {
        return method.mixes() ? "mixup GAN α=" + SettingText.number(alpha) + " (" + form.label() + " form)" : "ERM GAN";
    }
}
