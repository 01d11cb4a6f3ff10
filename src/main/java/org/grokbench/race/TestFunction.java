package org.grokbench.race;

/**
 * A test function of optimization (App. I of predicting-grokking): a value, its analytic gradient,
 * and its global minimizer x*. Implementations are immutable and thread-safe.
 */
public interface TestFunction {
    /** Short name used on the command line: rosenbrock, rastrigin. */
    String id();

    /** Name shown on figures, e.g. "log-Rosenbrock". */
    String title();

    /** Number of variables (2 for the race). */
    int dimension();

    double value(double[] x);

    /** Writes ∇f(x) into {@code out} (length {@link #dimension()}); {@code x} is not modified. */
    void gradient(double[] x, double[] out);

    /** The global minimizer x*. */
    double[] optimum();

    /** A box [x0min, x0max, x1min, x1max] that shows the landscape around the optimum and the usual starts. */
    double[] view();
}
