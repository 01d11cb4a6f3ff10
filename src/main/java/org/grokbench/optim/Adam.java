package org.grokbench.optim;

/**
 * Adam (Kingma &amp; Ba 2015) with bias correction; with {@code decoupled} it is AdamW
 * (Loshchilov &amp; Hutter 2019). Coupled: the rule sees g = ∇L + 2λθ. Decoupled: the rule sees ∇L
 * and θ additionally shrinks by η·2λ·θ (see {@link Optimizer} for the factor 2).
 */
public final class Adam implements Optimizer {
    private final double beta1, beta2, eps;
    private final boolean decoupled;
    private double[] m, v;
    private long t;

    public Adam(double beta1, double beta2, double eps, boolean decoupled) {
        checkMoments(beta1, beta2, eps);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.decoupled = decoupled;
    }

    /** The ranges of the moment hyperparameters shared by Adam, AdamW and {@link Adamax}. */
    static void checkMoments(double beta1, double beta2, double eps) {
        if (!(beta1 >= 0 && beta1 < 1)) throw new IllegalArgumentException("beta1 must be in [0, 1), got " + beta1);
        if (!(beta2 >= 0 && beta2 < 1)) throw new IllegalArgumentException("beta2 must be in [0, 1), got " + beta2);
        if (!(eps > 0)) throw new IllegalArgumentException("eps must be > 0, got " + eps);
    }

    public static Adam adam() { return new Adam(0.9, 0.999, 1e-8, false); }
    public static Adam adamW() { return new Adam(0.9, 0.999, 1e-8, true); }

    @Override public String name() { return decoupled ? "adamw" : "adam"; }

    @Override
    public void step(double[] theta, double[] g, double lr, double lambda) {
        if (m == null || m.length != theta.length) {
            m = new double[theta.length];
            v = new double[theta.length];
            t = 0;
        }
        t++;
        double c1 = 1 - Math.pow(beta1, t), c2 = 1 - Math.pow(beta2, t);
        for (int i = 0; i < theta.length; i++) {
            double gi = decoupled ? g[i] : g[i] + 2 * lambda * theta[i];
            m[i] = beta1 * m[i] + (1 - beta1) * gi;
            v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
            double update = (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps);
            if (decoupled) update += 2 * lambda * theta[i];
            theta[i] -= lr * update;
        }
    }

    @Override public void reset() { m = null; v = null; t = 0; }

    @Override
    public Optimizer copy() {
        Adam a = new Adam(beta1, beta2, eps, decoupled);
        if (m != null) { a.m = m.clone(); a.v = v.clone(); a.t = t; }
        return a;
    }
}
