package org.grokbench.representation;

import org.grokbench.optim.Adam;
import org.grokbench.optim.Optimizer;

/**
 * One of the two optimizers of the toy model (§4.1: the representation and the decoder are updated
 * by different optimizers): Adam or AdamW with its own learning rate and weight decay.
 *
 * <p>{@code weightDecay} is PyTorch's {@code weight_decay} (the paper's and the authors' values):
 * AdamW shrinks θ by lr·wd·θ per step, Adam adds wd·θ to the gradient. The engine's
 * {@link Optimizer} uses the penalty λ‖θ‖² (decay 2λθ), so {@link #lambda()} = wd/2.
 */
public record OptimizerChoice(boolean decoupled, double lr, double weightDecay) {
    public OptimizerChoice {
        if (!(lr > 0 && Double.isFinite(lr))) throw new IllegalArgumentException("learning rate must be > 0, got " + lr);
        if (!(weightDecay >= 0 && Double.isFinite(weightDecay))) throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
    }

    public static OptimizerChoice adamW(double lr, double weightDecay) { return new OptimizerChoice(true, lr, weightDecay); }

    public static OptimizerChoice adam(double lr, double weightDecay) { return new OptimizerChoice(false, lr, weightDecay); }

    /** A fresh optimizer (β = 0.9, 0.999, ε = 1e-8 as PyTorch). */
    public Optimizer create() { return decoupled ? Adam.adamW() : Adam.adam(); }

    /** The engine's λ for this weight decay: wd/2. */
    public double lambda() { return weightDecay / 2; }

    public String name() { return decoupled ? "adamw" : "adam"; }

    public OptimizerChoice withLr(double v) { return new OptimizerChoice(decoupled, v, weightDecay); }

    public OptimizerChoice withWeightDecay(double v) { return new OptimizerChoice(decoupled, lr, v); }
}
