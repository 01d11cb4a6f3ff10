package org.grokbench.optim;

/** Plain gradient descent on L_λ: θ ← θ − η(∇L + 2λθ). */
public final class GradientDescent implements Optimizer {
    @Override public String name() { return "gd"; }

    @Override
    public void step(double[] theta, double[] g, double lr, double lambda) {
        for (int i = 0; i < theta.length; i++) theta[i] -= lr * (g[i] + 2 * lambda * theta[i]);
    }

    @Override public void reset() {}
    @Override public Optimizer copy() { return new GradientDescent(); }
}
