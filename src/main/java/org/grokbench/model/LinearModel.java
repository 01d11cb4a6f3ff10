package org.grokbench.model;

import java.util.ArrayList;
import java.util.List;

/** ŷ = w·x with n weights (Figures 1 and 2 of geometry-of-grokking: n = 2 and n = 3). */
public final class LinearModel implements Model {
    private final int n;

    public LinearModel(int n) {
        if (n < 1) throw new IllegalArgumentException("inputs must be >= 1, got " + n);
        this.n = n;
    }

    @Override public String kind() { return "linear"; }
    @Override public int parameterCount() { return n; }
    @Override public int inputDim() { return n; }
    @Override public int outputDim() { return 1; }
    @Override public List<String> parameterNames() { return indexedNames("w", n); }

    @Override
    public void predict(double[] theta, double[] x, double[] out) {
        double s = 0;
        for (int i = 0; i < n; i++) s += theta[i] * x[i];
        out[0] = s;
    }

    @Override
    public void jacobian(double[] theta, double[] x, double[] jac) {
        System.arraycopy(x, 0, jac, 0, n);
    }

    static List<String> indexedNames(String prefix, int n) {
        List<String> names = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) names.add(prefix + i);
        return List.copyOf(names);
    }
}
