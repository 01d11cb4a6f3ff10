package org.grokbench.plot;

import org.jfree.chart.renderer.PaintScale;

import java.awt.Color;
import java.awt.Paint;

/**
 * The shading of the training loss in the parameter plane, on log10 L: white where the loss is
 * lowest (at and near Z), a muted grey-blue where it is highest, so that coloured trajectories and
 * the black zero-loss set stay readable on top. Values outside [lower, upper] are clamped.
 */
public final class LossShading implements PaintScale {
    private static final int[] LOW = {255, 255, 255};
    private static final int[] MID = {214, 226, 238};
    private static final int[] HIGH = {120, 146, 178};
    private final double lower;
    private final double upper;

    /** @param lower log10 L shown white; @param upper log10 L shown darkest (upper > lower) */
    public LossShading(double lower, double upper) {
        if (!(upper > lower)) throw new IllegalArgumentException("upper must exceed lower: " + lower + ", " + upper);
        this.lower = lower;
        this.upper = upper;
    }

    @Override public double getLowerBound() { return lower; }
    @Override public double getUpperBound() { return upper; }

    @Override
    public Paint getPaint(double log10Loss) {
        return new Color(rgb(log10Loss));
    }

    /** The colour of a log10 L value as packed RGB (NaN counts as the lowest value). */
    public int rgb(double log10Loss) {
        double t = Double.isNaN(log10Loss) ? 0 : (log10Loss - lower) / (upper - lower);
        t = Math.max(0, Math.min(1, t));
        int[] a, b;
        double u;
        if (t < 0.5) { a = LOW; b = MID; u = t / 0.5; } else { a = MID; b = HIGH; u = (t - 0.5) / 0.5; }
        int r = (int) Math.round(a[0] + (b[0] - a[0]) * u);
        int g = (int) Math.round(a[1] + (b[1] - a[1]) * u);
        int bl = (int) Math.round(a[2] + (b[2] - a[2]) * u);
        return (r << 16) | (g << 8) | bl;
    }
}
