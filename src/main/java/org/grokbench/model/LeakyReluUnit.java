package org.grokbench.model;

import java.util.List;

/**
 * ŷ = σ(w·x) with the leaky ReLU σ(z) = z if z > 0 else z/10 (Figure 3 right). The loss is smooth
 * on either side of the hyperplane w·x = 0 and kinked across it; σ'(0) is taken as the left slope.
 */
public final class LeakyReluUnit implements Model {
    /** The paper's negative slope, 1/10. */
    public static final double NEGATIVE_SLOPE = 0.1;
    private final int n;

    public LeakyReluUnit(int n) {
        if (n < 1) throw new IllegalArgumentException("inputs must be >= 1, got " + n);
        this.n = n;
    }

    @Override public String kind() { return "leaky-relu"; }
    @Override public int parameterCount() { return n; }
    @Override public int inputDim() { return n; }
    @Override public int outputDim() { return 1; }
    @Override public List<String> parameterNames() { return LinearModel.indexedNames("w", n); }

    static double preActivation(double[] theta, double[] x, int n) {
        double z = 0;
        for (int i = 0; i < n; i++) z += theta[i] * x[i];
        return z;
    }

    @Override
    public void predict(double[] theta, double[] x, double[] out) {
        double z = preActivation(theta, x, n);
        out[0] = z > 0 ? z : NEGATIVE_SLOPE * z;
    }

    @Override
    public void jacobian(double[] theta, double[] x, double[] jac) {
        double slope = preActivation(theta, x, n) > 0 ? 1.0 : NEGATIVE_SLOPE;
        for (int i = 0; i < n; i++) jac[i] = slope * x[i];
    }
}
