package org.grokbench.modular;

/**
 * The elementwise hidden activation σ of the two-layer network Ŷ = σ(XE)W and of the first-layer
 * dynamics (Eq. 20), with its derivative σ'. The kernels specialise {@link #RELU} (mask instead of
 * calls); the others go through {@link #apply} and {@link #derivative}.
 */
public enum Activation {
    /** σ(z) = max(0, z), σ'(z) = 1 for z &gt; 0 else 0 (PyTorch's choice at the kink z = 0). */
    RELU {
        @Override public double apply(double z) { return z > 0 ? z : 0; }
        @Override public double derivative(double z) { return z > 0 ? 1 : 0; }
    },
    /** σ(z) = z² (the quadratic activation of Gromov's analytic grokking solution), σ'(z) = 2z. */
    QUADRATIC {
        @Override public double apply(double z) { return z * z; }
        @Override public double derivative(double z) { return 2 * z; }
    },
    /** σ(z) = tanh z, σ'(z) = 1 − tanh² z. */
    TANH {
        @Override public double apply(double z) { return Math.tanh(z); }
        @Override public double derivative(double z) { double t = Math.tanh(z); return 1 - t * t; }
    },
    /** σ(z) = z: a linear network (useful as a test case with known geometry). */
    IDENTITY {
        @Override public double apply(double z) { return z; }
        @Override public double derivative(double z) { return 1; }
    };

    /** σ(z). */
    public abstract double apply(double z);

    /** σ'(z). */
    public abstract double derivative(double z);
}
