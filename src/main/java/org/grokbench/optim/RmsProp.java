package org.grokbench.optim;

/**
 * RMSprop (Hinton 2012, Neural Networks for Machine Learning, lecture 6e), in PyTorch's form so
 * that the race of predicting-grokking App. I uses the rule its authors ran: a running mean of the
 * squared gradient v ← αv + (1 − α)g², then θ ← θ − η g / (√v + ε), with g = ∇L + 2λθ (coupled
 * decay, see {@link Optimizer}). Dividing by √v equalizes the step across directions, which is what
 * takes it down the flat floor of the Rosenbrock ravine where plain gradient descent crawls.
 */
public final class RmsProp implements Optimizer {
    private final double alpha, eps;
    private double[] v;

    /**
     * @param alpha smoothing constant of the squared-gradient mean, in [0, 1) (PyTorch: 0.99)
     * @param eps   added to √v, &gt; 0 (PyTorch: 1e-8)
     */
    public RmsProp(double alpha, double eps) {
        if (!(alpha >= 0 && alpha < 1)) throw new IllegalArgumentException("alpha must be in [0, 1), got " + alpha);
        if (!(eps > 0)) throw new IllegalArgumentException("eps must be > 0, got " + eps);
        this.alpha = alpha;
        this.eps = eps;
    }

    /** PyTorch's defaults: α = 0.99, ε = 1e-8. */
    public static RmsProp rmsProp() { return new RmsProp(0.99, 1e-8); }

    @Override public String name() { return "rmsprop"; }

    @Override
    public void step(double[] theta, double[] g, double lr, double lambda) {
        if (v == null || v.length != theta.length) v = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            double gi = g[i] + 2 * lambda * theta[i];
            v[i] = alpha * v[i] + (1 - alpha) * gi * gi;
            theta[i] -= lr * gi / (Math.sqrt(v[i]) + eps);
        }
    }

    @Override public void reset() { v = null; }

    @Override
    public Optimizer copy() {
        RmsProp r = new RmsProp(alpha, eps);
        if (v != null) r.v = v.clone();
        return r;
    }
}
