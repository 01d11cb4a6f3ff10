package org.grokbench.ui;

/**
 * How the window looks: classroom mode (large fonts, thick lines, for a projector) and the dark
 * theme. The two are independent; every panel reacts to both.
 */
public record Look(boolean classroom, boolean dark) {
    public static final Look DEFAULT = new Look(false, false);

    /**
     * The FigureStyle scale of a chart panel of the given size on screen. FigureStyle 1.0 is
     * tuned for a 1600×1000 PNG; 0.65 gives ~12 px tick labels on a desk, 1.05 ~20 px in classroom
     * mode. A panel too small for its text shrinks the scale (down to 60% on a desk, 80% in
     * classroom mode), so that titles, axes and legend keep room for the plot: hide panels to
     * make the rest larger.
     */
    public double chartScale(double width, double height) {
        double base = classroom ? 1.05 : 0.65;
        double fit = Math.min(width / (classroom ? 760 : 560), height / (classroom ? 420 : 340));
        return base * Math.max(classroom ? 0.8 : 0.6, Math.min(1.0, fit));
    }

    /** Line width multiplier for the 3D view's trajectories and markers. */
    public double lineScale() {
        return classroom ? 2.0 : 1.0;
    }
}
