package org.grokbench.plot;

/**
 * How to draw a figure, shared by all builders.
 *
 * @param style       fonts, line widths and colours (see {@link FigureStyle#scaled})
 * @param step        the selected step of the timeline: step-based figures draw a marker there,
 *                    the parameter plane shows every trajectory's state there;
 *                    {@link #LATEST} means the last recorded step (no marker)
 * @param logStep     logarithmic step axis (step 0 is then left out)
 * @param maxPoints   upper bound on drawn points per curve (display only; data are never altered)
 * @param selectedRun the trajectory whose θ₃ picks the slice of a 3-parameter plane
 * @param caption     an optional line under the title (e.g. the preset title), or null
 */
public record FigureOptions(FigureStyle style, long step, boolean logStep, int maxPoints, int selectedRun,
                            String caption) {
    public static final long LATEST = -1;

    public FigureOptions {
        if (style == null) throw new IllegalArgumentException("style must not be null");
        if (maxPoints < 8) throw new IllegalArgumentException("maxPoints must be >= 8, got " + maxPoints);
        if (step < LATEST) throw new IllegalArgumentException("step must be >= 0 or LATEST, got " + step);
    }

    public static FigureOptions defaults() {
        return new FigureOptions(FigureStyle.standard(), LATEST, false, 2000, 0, null);
    }

    public FigureOptions withStyle(FigureStyle s) { return new FigureOptions(s, step, logStep, maxPoints, selectedRun, caption); }
    public FigureOptions withStep(long s) { return new FigureOptions(style, s, logStep, maxPoints, selectedRun, caption); }
    public FigureOptions withLogStep(boolean b) { return new FigureOptions(style, step, b, maxPoints, selectedRun, caption); }
    public FigureOptions withMaxPoints(int n) { return new FigureOptions(style, step, logStep, n, selectedRun, caption); }
    public FigureOptions withSelectedRun(int r) { return new FigureOptions(style, step, logStep, maxPoints, r, caption); }
    public FigureOptions withCaption(String c) { return new FigureOptions(style, step, logStep, maxPoints, selectedRun, c); }

    /** Min/max buckets per curve: each keeps up to four points. */
    int buckets() { return Math.max(2, maxPoints / 4); }

    boolean hasStep() { return step != LATEST; }
}
