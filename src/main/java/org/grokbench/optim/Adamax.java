package org.grokbench.optim;

/**
 * Adamax (Kingma &amp; Ba 2015, §7.1): Adam with the second moment replaced by an infinity norm,
 * in PyTorch's form (ε inside the maximum): m ← β₁m + (1 − β₁)g, u ← max(β₂u, |g| + ε),
 * θ ← θ − η/(1 − β₁ᵗ) · m/u, with g = ∇L + 2λθ (coupled decay, see {@link Optimizer}). Each component
 * moves by about η at most per step whatever the gradient's size (the first step is exactly
 * η·sign(g) up to ε), and u forgets a spike only slowly (factor β₂ per step), which keeps the steps
 * small after the large gradients near the sharp optimum of a log-scaled landscape.
 */
public final class Adamax implements Optimizer {
    private final double beta1, beta2, eps;
    private double[] m, u;
    private long t;

    /**
     * @param beta1 decay of the first moment, in [0, 1) (PyTorch: 0.9)
     * @param beta2 decay of the infinity norm, in [0, 1) (PyTorch: 0.999)
     * @param eps   added to |g| inside the maximum, &gt; 0 (PyTorch: 1e-8)
     */
    public Adamax(double beta1, double beta2, double eps) {
        Adam.checkMoments(beta1, beta2, eps);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
    }

    /** PyTorch's defaults: β₁ = 0.9, β₂ = 0.999, ε = 1e-8. */
    public static Adamax adamax() { return new Adamax(0.9, 0.999, 1e-8); }

    @Override public String name() { return "adamax"; }

    @Override
    public void step(double[] theta, double[] g, double lr, double lambda) {
        if (m == null || m.length != theta.length) {
            m = new double[theta.length];
            u = new double[theta.length];
            t = 0;
        }
        t++;
        double rate = lr / (1 - Math.pow(beta1, t));
        for (int i = 0; i < theta.length; i++) {
            double gi = g[i] + 2 * lambda * theta[i];
            m[i] = beta1 * m[i] + (1 - beta1) * gi;
            u[i] = Math.max(beta2 * u[i], Math.abs(gi) + eps);
            theta[i] -= rate * m[i] / u[i];
        }
    }

    @Override public void reset() { m = null; u = null; t = 0; }

    @Override
    public Optimizer copy() {
        Adamax a = new Adamax(beta1, beta2, eps);
        if (m != null) { a.m = m.clone(); a.u = u.clone(); a.t = t; }
        return a;
    }
}
