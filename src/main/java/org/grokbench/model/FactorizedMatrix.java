package org.grokbench.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A matrix M = U Vᵀ in factored form, U, V ∈ ℝ^{s × h}, θ = (U row-major, V row-major): the model of
 * low-rank matrix completion (riemannian-norm-minimisation §5). An "input" is an entry position
 * x = (i, j) (two whole numbers stored as doubles, 0-based) and the output is M_ij = U_i·V_j.
 * With h ≥ s the factorization can fit any observed entries, so Z is large; on it, weight decay
 * minimizes ‖U‖²_F + ‖V‖²_F, whose minimum over factorizations of M is 2‖M‖_* (the nuclear norm):
 * the slow phase is nuclear-norm minimization, which completes a low-rank matrix from few entries.
 */
public final class FactorizedMatrix implements Model {
    private final int s;
    private final int h;

    public FactorizedMatrix(int size, int width) {
        if (size < 1 || width < 1) throw new IllegalArgumentException("size and width must be >= 1");
        this.s = size;
        this.h = width;
    }

    @Override public String kind() { return "matrix-completion"; }
    @Override public int parameterCount() { return 2 * s * h; }
    @Override public int inputDim() { return 2; }
    @Override public int outputDim() { return 1; }
    public int size() { return s; }
    public int width() { return h; }

    @Override
    public List<String> parameterNames() {
        List<String> names = new ArrayList<>(parameterCount());
        for (int i = 1; i <= s; i++) for (int k = 1; k <= h; k++) names.add("U" + i + "_" + k);
        for (int i = 1; i <= s; i++) for (int k = 1; k <= h; k++) names.add("V" + i + "_" + k);
        return names;
    }

    private int row(double[] x) {
        int i = (int) x[0];
        if (i < 0 || i >= s || i != x[0]) throw new IllegalArgumentException("row index must be a whole number in [0, " + (s - 1) + "], got " + x[0]);
        return i;
    }

    private int col(double[] x) {
        int j = (int) x[1];
        if (j < 0 || j >= s || j != x[1]) throw new IllegalArgumentException("column index must be a whole number in [0, " + (s - 1) + "], got " + x[1]);
        return j;
    }

    @Override
    public void predict(double[] theta, double[] x, double[] out) {
        int u = row(x) * h, v = s * h + col(x) * h;
        double sum = 0;
        for (int k = 0; k < h; k++) sum += theta[u + k] * theta[v + k];
        out[0] = sum;
    }

    /** ∂M_ij/∂U_ik = V_jk, ∂M_ij/∂V_jk = U_ik, all other entries 0. */
    @Override
    public void jacobian(double[] theta, double[] x, double[] jac) {
        java.util.Arrays.fill(jac, 0, parameterCount(), 0);
        int u = row(x) * h, v = s * h + col(x) * h;
        for (int k = 0; k < h; k++) {
            jac[u + k] += theta[v + k];
            jac[v + k] += theta[u + k];
        }
    }
}
