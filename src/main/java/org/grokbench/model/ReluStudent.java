package org.grokbench.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A two-layer ReLU network without biases, ŷ = Σ_j a_j·relu(w_j·x), with m hidden units and
 * θ = (W row-major m × n, a ∈ ℝ^m): the student of riemannian-norm-minimisation §5's teacher-student
 * task. Weight decay on (W, a) is, on the zero-loss set, the path norm Σ_j |a_j|‖w_j‖ up to
 * rebalancing, which favours few active units: the slow phase drifts from the many-unit fit
 * reached from a large initialization towards a sparse one close to a small teacher.
 *
 * <p>At relu's kink (w_j·x = 0) the derivative 0 is used, as the training step does.
 */
public final class ReluStudent implements Model {
    private final int n;
    private final int m;

    public ReluStudent(int inputs, int hidden) {
        if (inputs < 1 || hidden < 1) throw new IllegalArgumentException("inputs and hidden must be >= 1");
        this.n = inputs;
        this.m = hidden;
    }

    @Override public String kind() { return "relu-student"; }
    @Override public int parameterCount() { return m * (n + 1); }
    @Override public int inputDim() { return n; }
    @Override public int outputDim() { return 1; }
    public int hidden() { return m; }

    /** Offset of the output weights a inside θ. */
    public int outputOffset() { return m * n; }

    @Override
    public List<String> parameterNames() {
        List<String> names = new ArrayList<>(parameterCount());
        for (int j = 1; j <= m; j++) for (int k = 1; k <= n; k++) names.add("w" + j + "_" + k);
        for (int j = 1; j <= m; j++) names.add("a" + j);
        return names;
    }

    @Override
    public void predict(double[] theta, double[] x, double[] out) {
        double s = 0;
        int a = m * n;
        for (int j = 0; j < m; j++) {
            double z = 0;
            for (int k = 0; k < n; k++) z += theta[j * n + k] * x[k];
            if (z > 0) s += theta[a + j] * z;
        }
        out[0] = s;
    }

    /** ∂ŷ/∂W_jk = a_j·1[w_j·x &gt; 0]·x_k, ∂ŷ/∂a_j = relu(w_j·x). */
    @Override
    public void jacobian(double[] theta, double[] x, double[] jac) {
        int a = m * n;
        for (int j = 0; j < m; j++) {
            double z = 0;
            for (int k = 0; k < n; k++) z += theta[j * n + k] * x[k];
            boolean on = z > 0;
            double g = on ? theta[a + j] : 0;
            for (int k = 0; k < n; k++) jac[j * n + k] = g * x[k];
            jac[a + j] = on ? z : 0;
        }
    }
}
