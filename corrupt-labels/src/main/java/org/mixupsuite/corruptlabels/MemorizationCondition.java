package org.mixupsuite.corruptlabels;

import java.util.Locale;
import org.mixupsuite.core.mixup.Method;
import org.mixupsuite.core.run.Condition;
import org.mixupsuite.core.run.SettingText;

/**
 * One cell of the memorization study: a method on one corruption rate.
 *
 * @param alpha   mixup's alpha (0 for the ERM methods)
 * @param dropout probability of dropping a hidden unit (0 for none)
 * @param corruption share of training labels replaced by random labels
 */
public record MemorizationCondition(String model, Method method, double alpha, double dropout, double corruption)
        implements Condition {

    @Override
    public String slug() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "c%02d-%s", Math.round(corruption * 100),
                method.label().replace('+', '-')));
        if (alpha > 0) {
            s.append("-a").append(number(alpha));
        }
        if (dropout > 0) {
            s.append("-p").append(number(dropout));
        }
        return s.toString();
    }

    /** How charts and tables name the method, e.g. "mixup α=8 + dropout p=0.7". */
    public String methodLabel() {
        return method.describe(alpha, dropout);
    }

    static String number(double v) {
        return SettingText.number(v);
    }
}
