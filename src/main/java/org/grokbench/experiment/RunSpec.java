package org.grokbench.experiment;

/**
 * One trajectory of an experiment: its label in legends, learning rate η, weight decay λ of
 * L_λ = L + λ‖θ‖², number of steps, initial parameters θ₀ and optimizer.
 */
public record RunSpec(String label, double lr, double lambda, long steps, double[] init, OptimizerSpec optimizer) {
    public RunSpec withLabel(String v) { return new RunSpec(v, lr, lambda, steps, init, optimizer); }
    public RunSpec withLr(double v) { return new RunSpec(label, v, lambda, steps, init, optimizer); }
    public RunSpec withLambda(double v) { return new RunSpec(label, lr, v, steps, init, optimizer); }
    public RunSpec withSteps(long v) { return new RunSpec(label, lr, lambda, v, init, optimizer); }
    public RunSpec withInit(double[] v) { return new RunSpec(label, lr, lambda, steps, v.clone(), optimizer); }

    @Override public double[] init() { return init.clone(); }
}
