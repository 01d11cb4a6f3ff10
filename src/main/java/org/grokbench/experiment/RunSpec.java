package org.grokbench.experiment;

/**
 * One trajectory of an experiment: its label in legends, learning rate η, weight decay λ of
 * L_λ = L + λ‖θ‖², number of steps, initial parameters θ₀ and optimizer. Large models give no
 * {@code init} (empty array) and draw θ₀ with {@code initSeed} instead, with standard deviation
 * {@code initStd} (NaN: the model's default, e.g. PyTorch's for the MLP).
 */
public record RunSpec(String label, double lr, double lambda, long steps, double[] init, OptimizerSpec optimizer,
                      long initSeed, double initStd) {
    /** A run that starts from the given θ₀. */
    public RunSpec(String label, double lr, double lambda, long steps, double[] init, OptimizerSpec optimizer) {
        this(label, lr, lambda, steps, init, optimizer, 0, Double.NaN);
    }

    public RunSpec withLabel(String v) { return new RunSpec(v, lr, lambda, steps, init, optimizer, initSeed, initStd); }
    public RunSpec withLr(double v) { return new RunSpec(label, v, lambda, steps, init, optimizer, initSeed, initStd); }
    public RunSpec withLambda(double v) { return new RunSpec(label, lr, v, steps, init, optimizer, initSeed, initStd); }
    public RunSpec withSteps(long v) { return new RunSpec(label, lr, lambda, v, init, optimizer, initSeed, initStd); }
    public RunSpec withInit(double[] v) { return new RunSpec(label, lr, lambda, steps, v.clone(), optimizer, initSeed, initStd); }
    public RunSpec withInitSeed(long v) { return new RunSpec(label, lr, lambda, steps, init, optimizer, v, initStd); }

    @Override public double[] init() { return init.clone(); }
}
