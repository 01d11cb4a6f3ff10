package org.grokbench.experiment;

/** One training sample (x, y). */
public record Sample(double[] x, double[] y) {
    @Override public double[] x() { return x.clone(); }
    @Override public double[] y() { return y.clone(); }
}
