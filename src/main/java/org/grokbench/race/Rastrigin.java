package org.grokbench.race;

/**
 * The Rastrigin function (App. I.2) for n = 2 and a = 10: g(x) = na + Σᵢ (xᵢ² − a cos 2πxᵢ), with
 * ∇g = 2x + 2πa sin 2πx and its global minimum g = 0 at x* = 0, ringed by local minima near every
 * integer point.
 */
public final class Rastrigin implements TestFunction {
    /** The paper's a (Fig. 27). */
    public static final double A = 10;

    @Override public String id() { return "rastrigin"; }
    @Override public String title() { return "Rastrigin"; }
    @Override public int dimension() { return 2; }

    @Override
    public double value(double[] x) {
        double g = 2 * A;
        for (int i = 0; i < 2; i++) g += x[i] * x[i] - A * Math.cos(2 * Math.PI * x[i]);
        return g;
    }

    @Override
    public void gradient(double[] x, double[] out) {
        for (int i = 0; i < 2; i++) out[i] = 2 * x[i] + 2 * Math.PI * A * Math.sin(2 * Math.PI * x[i]);
    }

    @Override public double[] optimum() { return new double[] {0, 0}; }
    @Override public double[] view() { return new double[] {-3, 3, -3, 3}; }
}
