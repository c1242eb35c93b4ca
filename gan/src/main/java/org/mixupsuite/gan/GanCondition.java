package org.mixupsuite.gan;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mixupsuite.core.run.Condition;
import org.mixupsuite.core.run.SettingText;

/** One GAN run: a data set and a discriminator method (erm, or mixup with its alpha). */
public record GanCondition(String dataset, String method, double alpha) implements Condition {

    @Override
    public String slug() {
        return dataset + "-" + method + (alpha > 0 ? "-a" + alpha : "");
    }

    String label() {
        return method.equals("erm") ? "ERM GAN" : "mixup GAN α=" + number(alpha);
    }

    static String number(double v) {
        return SettingText.number(v);
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", dataset);
        m.put("method", method);
        m.put("alpha", alpha);
        return m;
    }
}
