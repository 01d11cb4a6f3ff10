package org.grokbench.experiment;

/**
 * How figures frame the experiment: the parameter-plane box {xmin, xmax, ymin, ymax} over
 * (θ₁, θ₂), and whether the loss axis is logarithmic.
 */
public record ViewSpec(double[] plane, boolean logLoss) {
    public static ViewSpec defaults() { return new ViewSpec(new double[] {-2, 3, -2, 3}, true); }
    @Override public double[] plane() { return plane.clone(); }
}
