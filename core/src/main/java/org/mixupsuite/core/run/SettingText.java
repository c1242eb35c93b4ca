package org.mixupsuite.core.run;

/** How a setting's number reads in slugs, labels and claim ids: {@code 32} not {@code 32.0}, {@code 0.2} as is. */
public final class SettingText {

    private SettingText() {
    }

    public static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
