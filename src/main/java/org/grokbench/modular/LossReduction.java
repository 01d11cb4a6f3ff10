package org.grokbench.modular;

/**
 * How the squared error of the k × p output is reduced to the scalar data loss L.
 *
 * <ul>
 *   <li>{@link #SUM}: L = ‖Ŷ − Y‖²_F, exactly Eq. (12) of geometry-of-grokking (§6.1).</li>
 *   <li>{@link #MEAN}: L = ‖Ŷ − Y‖²_F / (k·p), PyTorch's {@code mse_loss} with its default
 *       {@code reduction='mean'}, which App. D (Fig. 5) and {@code timing.py} train with, at η = 1.</li>
 * </ul>
 * The gradient scales accordingly: ∂L/∂Ŷ = s·2(Ŷ − Y) with s = 1 or 1/(k·p).
 */
public enum LossReduction {
    SUM,
    MEAN;

    /** The factor s multiplying ‖Ŷ − Y‖²_F for a batch of k samples and p outputs. */
    public double scale(int k, int p) {
        return this == SUM ? 1.0 : 1.0 / ((double) k * p);
    }
}
