package org.grokbench.optim;

/**
 * One update rule for θ given the gradient of the data loss L. Lifecycle: created with its fixed
 * hyperparameters (β's, ε), {@link #step} called once per training step with the current learning
 * rate η and weight decay λ (both may change between steps), {@link #reset} forgets the moment
 * estimates, {@link #copy} returns an optimizer with the same hyperparameters and an independent
 * copy of the state.
 *
 * <p>Weight decay follows the paper's L_λ = L + λ‖θ‖², whose gradient is ∇L + 2λθ. Coupled rules
 * (GD, momentum, Adam) feed that full gradient to the rule; AdamW decouples it (Loshchilov &amp;
 * Hutter 2019) and shrinks θ by η·2λ·θ outside the adaptive scaling, so that with plain GD the
 * two conventions agree.
 */
public interface Optimizer {
    /** Name used in presets: gd, momentum, rmsprop, rprop, adam, adamw, adamax. */
    String name();

    /**
     * Updates {@code theta} in place.
     *
     * @param lossGradient ∇L(θ) at the current θ (not modified)
     */
    void step(double[] theta, double[] lossGradient, double lr, double lambda);

    void reset();

    Optimizer copy();
}
