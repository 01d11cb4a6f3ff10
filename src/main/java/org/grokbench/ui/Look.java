package org.grokbench.ui;

/**
 * How the window looks: classroom mode (large fonts, thick lines, for a projector) and the dark
 * theme. The two are independent; every panel reacts to both.
 */
public record Look(boolean classroom, boolean dark) {
    public static final Look DEFAULT = new Look(false, false);

    /**
     * The FigureStyle scale of a chart panel on screen. FigureStyle 1.0 is tuned for a 1600×1000
     * PNG; these give ~12 px tick labels on a desk and ~20 px in classroom mode.
     */
    public double chartScale() {
        return classroom ? 1.05 : 0.65;
    }

    /** Line width multiplier for the 3D view's trajectories and markers. */
    public double lineScale() {
        return classroom ? 2.0 : 1.0;
    }
}
