package org.mixupsuite.core.charts;

import java.awt.Color;
import java.util.Locale;

/**
 * The suite's colors, defined once: ERM is always vermillion and mixup always blue (Okabe-Ito
 * colors, readable by color-blind readers), in every chart of every study.
 */
public final class Palette {

    public static final Color ERM = new Color(0xD5, 0x5E, 0x00);
    public static final Color MIXUP = new Color(0x00, 0x72, 0xB2);
    public static final Color DROPOUT = new Color(0xCC, 0x79, 0xA7);
    public static final Color MIXUP_DROPOUT = new Color(0x00, 0x9E, 0x73);
    public static final Color REFERENCE = new Color(0x55, 0x55, 0x55);
    public static final Color OTHER = new Color(0xE6, 0x9F, 0x00);
    /** Real data in sample plots. */
    public static final Color REAL = new Color(0x56, 0xB4, 0xE9);
    /** Generated data in sample plots. */
    public static final Color GENERATED = OTHER;

    private Palette() {
    }

    /** The color of a method as the contract names it (erm, mixup, dropout, mixup+dropout). */
    public static Color method(String method) {
        return switch (method.toLowerCase(Locale.ROOT)) {
            case "erm" -> ERM;
            case "mixup" -> MIXUP;
            case "dropout" -> DROPOUT;
            case "mixup+dropout" -> MIXUP_DROPOUT;
            default -> OTHER;
        };
    }

    /** The method's color, darker for later variants (e.g. larger alpha), so variants stay in one hue. */
    public static Color method(String method, int variant, int variants) {
        Color base = method(method);
        if (variants <= 1) {
            return base;
        }
        float t = 0.55f + 0.45f * (variants - 1 - variant) / (variants - 1);
        float[] hsb = Color.RGBtoHSB(base.getRed(), base.getGreen(), base.getBlue(), null);
        return Color.getHSBColor(hsb[0], hsb[1], Math.min(1f, hsb[2] * t + (1 - t) * 0.15f));
    }
}
