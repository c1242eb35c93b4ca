package org.mixupsuite.core.charts;

import java.awt.Color;
import org.jfree.chart.renderer.PaintScale;

/**
 * A sequential color scale for heat maps and spectrogram images: colors interpolated linearly
 * between stops spread evenly over [lower, upper]; values outside are clamped.
 */
public record ColorRamp(double lower, double upper, Color... stops) implements PaintScale {

    /** White to the suite's mixup blue to near black: counts and shares (confusion matrices). */
    public static ColorRamp blues(double lower, double upper) {
        return new ColorRamp(lower, upper, Color.WHITE, new Color(0x9E, 0xCA, 0xE1), Palette.MIXUP,
                new Color(0x08, 0x30, 0x6B));
    }

    /** Dark violet through teal to yellow (close to viridis): magnitudes such as log spectra. */
    public static ColorRamp viridis(double lower, double upper) {
        return new ColorRamp(lower, upper, new Color(0x44, 0x01, 0x54), new Color(0x3B, 0x52, 0x8B),
                new Color(0x21, 0x90, 0x8C), new Color(0x5D, 0xC8, 0x63), new Color(0xFD, 0xE7, 0x25));
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Color getPaint(double value) {
        double t = upper > lower ? (value - lower) / (upper - lower) : 0;
        t = Double.isFinite(t) ? Math.max(0, Math.min(1, t)) : 0;
        double pos = t * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) pos);
        double f = pos - i;
        Color a = stops[i];
        Color b = stops[i + 1];
        return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f), mix(a.getBlue(), b.getBlue(), f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
