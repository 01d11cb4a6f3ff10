package org.grokbench.model;

import java.util.List;

/**
 * A network realization function f(θ, x) with a flat parameter vector θ ∈ ℝ^d, input x ∈ ℝ^n and
 * output in ℝ^m (geometry-of-grokking §4.1). The Jacobian is analytic; tests check it against
 * central finite differences.
 */
public interface Model {
    /** Short identifier used in presets, e.g. {@code linear}. */
    String kind();

    /** d: number of parameters. */
    int parameterCount();

    /** n: input dimension. */
    int inputDim();

    /** m: output dimension. */
    int outputDim();

    /** Display names of the parameters (w1, w2, ...), length d. */
    List<String> parameterNames();

    /** Writes f(θ, x) into {@code out} (length m). */
    void predict(double[] theta, double[] x, double[] out);

    /**
     * Writes ∂f/∂θ at (θ, x) into {@code jac}, row-major m × d: jac[r*d + j] = ∂f_r/∂θ_j.
     * At a kink (leaky ReLU at 0) the one-sided derivative the training step uses is returned.
     */
    void jacobian(double[] theta, double[] x, double[] jac);
}
