package org.mixupsuite.speech;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mixupsuite.core.run.Condition;
import org.mixupsuite.core.run.SettingText;

/**
 * One cell of the speech study: a model trained with ERM or with mixup at one alpha.
 *
 * @param model  lenet or vgg11
 * @param method erm or mixup (the contract's names)
 * @param alpha  mixup's alpha, lambda ~ Beta(alpha, alpha); 0 for ERM
 */
public record SpeechCondition(String model, String method, double alpha) implements Condition {

    public boolean mixes() {
        return method.equals("mixup");
    }

    @Override
    public String slug() {
        return model + "-" + method + (mixes() ? "-a" + number(alpha) : "");
    }

    /** How charts and tables name the method, e.g. "mixup α=0.2". */
    public String methodLabel() {
        return mixes() ? "mixup α=" + number(alpha) : "ERM";
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model);
        m.put("method", method);
        m.put("alpha", alpha);
        return m;
    }

    static String number(double v) {
        return SettingText.number(v);
    }
}
