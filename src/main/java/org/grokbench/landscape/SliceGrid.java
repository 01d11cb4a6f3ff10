package org.grokbench.landscape;

/**
 * The α (and β) values of a slice: {@code points} evenly spaced values from {@code lo} to
 * {@code hi}, both included. The paper uses α ∈ [−3, 3] ({@link #DEFAULT}); an odd count puts a
 * point on α = 0 (θ_t) and, for 6k + 1 points on [−3, 3], on α = 1 (θ* for the direction toward it).
 */
public record SliceGrid(double lo, double hi, int points) {
    public static final int MIN_POINTS = 3;
    /** Most points of a 1D slice. */
    public static final int MAX_LINE_POINTS = 2001;
    /** Most points per side of a 2D slice. */
    public static final int MAX_PLANE_POINTS = 301;
    /** Largest |α| a slice may reach. */
    public static final double MAX_REACH = 1000;
    /** α ∈ [−3, 3] at 121 points (steps of 0.05). */
    public static final SliceGrid DEFAULT = new SliceGrid(-3, 3, 121);
    /** The plane's default: [−3, 3]² at 41 × 41 points. */
    public static final SliceGrid DEFAULT_PLANE = new SliceGrid(-3, 3, 41);

    public SliceGrid {
        if (!(Double.isFinite(lo) && Double.isFinite(hi) && lo < hi))
            throw new IllegalArgumentException("the slice range must be finite with lo < hi, got [" + lo + ", " + hi + "]");
        if (Math.abs(lo) > MAX_REACH || Math.abs(hi) > MAX_REACH)
            throw new IllegalArgumentException("the slice range must lie in [-" + (int) MAX_REACH + ", " + (int) MAX_REACH + "]");
        if (points < MIN_POINTS || points > MAX_LINE_POINTS)
            throw new IllegalArgumentException("points must be in [" + MIN_POINTS + ", " + MAX_LINE_POINTS + "], got " + points);
    }

    /** [−reach, reach] at {@code points} points. */
    public static SliceGrid symmetric(double reach, int points) {
        return new SliceGrid(-reach, reach, points);
    }

    /** The values, new array. */
    public double[] values() {
        double[] g = new double[points];
        for (int i = 0; i < points; i++) g[i] = lo + (hi - lo) * i / (points - 1);
        return g;
    }
}
