package org.grokbench.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The diagonal linear network ŷ = ⟨u⊙u − v⊙v, x⟩ with θ = (u, v) ∈ ℝ^{2n} (riemannian-norm-minimisation
 * §5's sparse-regression task). The effective regressor w = u⊙u − v⊙v is linear in x, but the
 * parametrization changes which interpolating w weight decay prefers: min ‖u‖² + ‖v‖² subject to
 * u⊙u − v⊙v = w is Σ|w_j|, so the slow phase of L + λ‖θ‖² minimizes the ℓ₁ norm of w on the zero-loss
 * set and recovers a sparse ground truth from n &lt; d samples, where the ℓ₂-flavoured solution the
 * unregularized flow reaches from a large initialization does not.
 */
public final class DiagonalLinearNetwork implements Model {
    private final int n;

    public DiagonalLinearNetwork(int inputs) {
        if (inputs < 1) throw new IllegalArgumentException("inputs must be >= 1, got " + inputs);
        this.n = inputs;
    }

    @Override public String kind() { return "diagonal-linear"; }
    @Override public int parameterCount() { return 2 * n; }
    @Override public int inputDim() { return n; }
    @Override public int outputDim() { return 1; }

    @Override
    public List<String> parameterNames() {
        List<String> names = new ArrayList<>(2 * n);
        for (int j = 1; j <= n; j++) names.add("u" + j);
        for (int j = 1; j <= n; j++) names.add("v" + j);
        return names;
    }

    /** Writes w = u⊙u − v⊙v (length n) into {@code w}. */
    public void regressor(double[] theta, double[] w) {
        for (int j = 0; j < n; j++) w[j] = theta[j] * theta[j] - theta[n + j] * theta[n + j];
    }

    @Override
    public void predict(double[] theta, double[] x, double[] out) {
        double s = 0;
        for (int j = 0; j < n; j++) s += (theta[j] * theta[j] - theta[n + j] * theta[n + j]) * x[j];
        out[0] = s;
    }

    /** ∂ŷ/∂u_j = 2u_j x_j, ∂ŷ/∂v_j = −2v_j x_j. */
    @Override
    public void jacobian(double[] theta, double[] x, double[] jac) {
        for (int j = 0; j < n; j++) {
            jac[j] = 2 * theta[j] * x[j];
            jac[n + j] = -2 * theta[n + j] * x[j];
        }
    }
}
