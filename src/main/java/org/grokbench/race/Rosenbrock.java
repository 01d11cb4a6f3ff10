package org.grokbench.race;

/**
 * The Rosenbrock function for n = 2 (App. I.1): g(x, y) = 100(y − x²)² + (x − 1)², with
 * ∇g = (−400x(y − x²) + 2(x − 1), 200(y − x²)) and its only minimum g = 0 at x* = (1, 1), at the
 * bottom of a curved, nearly flat ravine y = x².
 */
public final class Rosenbrock implements TestFunction {
    @Override public String id() { return "rosenbrock"; }
    @Override public String title() { return "Rosenbrock"; }
    @Override public int dimension() { return 2; }

    @Override
    public double value(double[] p) {
        double x = p[0], y = p[1], r = y - x * x;
        return 100 * r * r + (x - 1) * (x - 1);
    }

    @Override
    public void gradient(double[] p, double[] out) {
        double x = p[0], y = p[1], r = y - x * x;
        out[0] = -400 * x * r + 2 * (x - 1);
        out[1] = 200 * r;
    }

    @Override public double[] optimum() { return new double[] {1, 1}; }
    @Override public double[] view() { return new double[] {-2, 2, -1, 3}; }
}
