package org.grokbench.optim;

/**
 * Heavy-ball gradient descent (Polyak 1964), PyTorch's form: v ← βv + (∇L + 2λθ), θ ← θ − ηv.
 * App. D of geometry-of-grokking uses β = 0.9 to approach the zero-loss set quickly.
 */
public final class Momentum implements Optimizer {
    private final double beta;
    private double[] velocity;

    public Momentum(double beta) {
        if (!(beta >= 0 && beta < 1)) throw new IllegalArgumentException("momentum must be in [0, 1), got " + beta);
        this.beta = beta;
    }

    public double beta() { return beta; }
    @Override public String name() { return "momentum"; }

    @Override
    public void step(double[] theta, double[] g, double lr, double lambda) {
        if (velocity == null || velocity.length != theta.length) velocity = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            velocity[i] = beta * velocity[i] + g[i] + 2 * lambda * theta[i];
            theta[i] -= lr * velocity[i];
        }
    }

    @Override public void reset() { velocity = null; }

    @Override
    public Optimizer copy() {
        Momentum m = new Momentum(beta);
        if (velocity != null) m.velocity = velocity.clone();
        return m;
    }
}
