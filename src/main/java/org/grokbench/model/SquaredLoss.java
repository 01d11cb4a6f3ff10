package org.grokbench.model;

import org.grokbench.data.Dataset;

/**
 * The data loss of geometry-of-grokking Eq. (1), L(θ) = Σ_i ‖f(θ, x_i) − y_i‖² (a sum, not a
 * mean), its gradient ∇L = Σ_i 2 J_iᵀ r_i, the stacked outputs 𝓕(θ) ∈ ℝ^{km} of Eq. (2) and their
 * Jacobian. Weight decay (L_λ = L + λ‖θ‖²) is added by the optimizer step, not here, so that the
 * zero-loss set Z = {L = 0} is the object the geometry works with.
 *
 * <p>Not thread-safe: it owns scratch buffers. Give each thread its own instance.
 */
public final class SquaredLoss {
    private final Model model;
    private final Dataset data;
    private final double[] out;
    private final double[] jac;

    public SquaredLoss(Model model, Dataset data) {
        this.model = model;
        this.data = data;
        this.out = new double[model.outputDim()];
        this.jac = new double[model.outputDim() * model.parameterCount()];
    }

    public Model model() { return model; }
    public Dataset data() { return data; }

    /** L(θ) = Σ ‖f(θ, x_i) − y_i‖². */
    public double value(double[] theta) {
        double loss = 0;
        for (int i = 0; i < data.size(); i++) {
            model.predict(theta, data.inputs()[i], out);
            double[] y = data.targets()[i];
            for (int r = 0; r < out.length; r++) {
                double e = out[r] - y[r];
                loss += e * e;
            }
        }
        return loss;
    }

    /** Mean over samples of ‖f − y‖², the scale used for test sets of any size. */
    public double meanValue(double[] theta) {
        return data.size() == 0 ? 0 : value(theta) / data.size();
    }

    /** Writes ∇L(θ) into {@code grad} (overwritten) and returns L(θ). */
    public double gradient(double[] theta, double[] grad) {
        int d = model.parameterCount();
        java.util.Arrays.fill(grad, 0);
        double loss = 0;
        for (int i = 0; i < data.size(); i++) {
            double[] x = data.inputs()[i];
            double[] y = data.targets()[i];
            model.predict(theta, x, out);
            model.jacobian(theta, x, jac);
            for (int r = 0; r < out.length; r++) {
                double e = out[r] - y[r];
                loss += e * e;
                for (int j = 0; j < d; j++) grad[j] += 2 * e * jac[r * d + j];
            }
        }
        return loss;
    }

    /**
     * Fraction of samples whose every output is within {@code tolerance} of its target: the
     * accuracy-like measure of the regression toys (a sample is "right" when |ŷ − y| < tol).
     */
    public double accuracy(double[] theta, double tolerance) {
        if (data.size() == 0) return Double.NaN;
        int right = 0;
        for (int i = 0; i < data.size(); i++) {
            model.predict(theta, data.inputs()[i], out);
            boolean ok = true;
            for (int r = 0; r < out.length; r++) ok &= Math.abs(out[r] - data.targets()[i][r]) < tolerance;
            if (ok) right++;
        }
        return right / (double) data.size();
    }

    /** Writes the residuals 𝓕(θ) − Y (length k·m) into {@code res}. */
    public void residuals(double[] theta, double[] res) {
        int m = model.outputDim();
        for (int i = 0; i < data.size(); i++) {
            model.predict(theta, data.inputs()[i], out);
            for (int r = 0; r < m; r++) res[i * m + r] = out[r] - data.targets()[i][r];
        }
    }

    /** Writes ∇𝓕(θ), the (k·m) × d Jacobian of the stacked outputs (Eq. 2), row-major into {@code J}. */
    public void stackedJacobian(double[] theta, double[] J) {
        int d = model.parameterCount(), m = model.outputDim();
        for (int i = 0; i < data.size(); i++) {
            model.jacobian(theta, data.inputs()[i], jac);
            System.arraycopy(jac, 0, J, i * m * d, m * d);
        }
    }

    /** k·m: the number of constraints that define Z. */
    public int constraintCount() {
        return data.size() * model.outputDim();
    }
}
