package org.grokbench.plot;

import org.jfree.chart.renderer.PaintScale;

import java.awt.Color;
import java.awt.Paint;

/**
 * A perceptually uniform sequential colour scale (matplotlib's viridis, sampled at nine points and
 * interpolated linearly): dark purple at the lower bound, yellow at the upper bound, readable in
 * grey and with the common colour-vision deficiencies. Values outside the bounds are clamped; NaN
 * is drawn light grey.
 */
public final class ViridisScale implements PaintScale {
    private static final int[] STOPS = {0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21918C, 0x28AE80, 0x5EC962,
            0xADDC30, 0xFDE725};
    static final Color MISSING = new Color(0xDDDDDD);

    private final double lower;
    private final double upper;

    public ViridisScale(double lower, double upper) {
        if (!(upper > lower)) throw new IllegalArgumentException("upper must exceed lower: " + lower + ", " + upper);
        this.lower = lower;
        this.upper = upper;
    }

    @Override public double getLowerBound() { return lower; }
    @Override public double getUpperBound() { return upper; }

    @Override
    public Paint getPaint(double value) {
        return new Color(rgb(value));
    }

    /** The colour of {@code value} as packed RGB (for images filled pixel by pixel). */
    int rgb(double value) {
        if (Double.isNaN(value)) return MISSING.getRGB() & 0xFFFFFF;
        double t = Math.max(0, Math.min(1, (value - lower) / (upper - lower))) * (STOPS.length - 1);
        int i = Math.min(STOPS.length - 2, (int) Math.floor(t));
        double u = t - i;
        int a = STOPS[i], b = STOPS[i + 1];
        return (mix(a >> 16, b >> 16, u) << 16) | (mix(a >> 8, b >> 8, u) << 8) | mix(a, b, u);
    }

    private static int mix(int a, int b, double u) {
        a &= 0xFF;
        b &= 0xFF;
        return (int) Math.round(a + (b - a) * u);
    }
}
