package org.grokbench.optim;

/**
 * Resilient backpropagation (Riedmiller &amp; Braun 1993), the full-batch sign-based method, in the
 * variant PyTorch's {@code Rprop} implements (iRprop⁻ of Igel &amp; Hüsken 2000: no weight
 * backtracking). Only the sign of each gradient component is used. Each parameter has its own step
 * size Δᵢ, starting at the learning rate η: while the sign of gᵢ holds, Δᵢ ← min(Δᵢ·η⁺, Δ_max); when
 * it flips (a minimum was jumped over), Δᵢ ← max(Δᵢ·η⁻, Δ_min) and that component does not move this
 * step (its remembered gradient is set to 0, so the next step neither grows nor shrinks Δᵢ). Then
 * θᵢ ← θᵢ − sign(gᵢ)·Δᵢ, with g = ∇L + 2λθ. Because the step ignores the gradient's size, the
 * huge gradients of a log-scaled landscape near its optimum cannot throw it away.
 *
 * <p>The learning rate only sets the initial step sizes (at the first step or after {@link #reset});
 * changing it later has no effect, as in PyTorch.
 */
public final class Rprop implements Optimizer {
    private final double etaMinus, etaPlus, stepMin, stepMax;
    private double[] stepSize, previous;

    /**
     * @param etaMinus factor of Δ on a sign flip, in (0, 1) (PyTorch: 0.5)
     * @param etaPlus  factor of Δ while the sign holds, &gt; 1 (PyTorch: 1.2)
     * @param stepMin  smallest Δ, &gt;= 0 (PyTorch: 1e-6)
     * @param stepMax  largest Δ, &gt; stepMin (PyTorch: 50)
     */
    public Rprop(double etaMinus, double etaPlus, double stepMin, double stepMax) {
        if (!(etaMinus > 0 && etaMinus < 1)) throw new IllegalArgumentException("etaMinus must be in (0, 1), got " + etaMinus);
        if (!(etaPlus > 1 && Double.isFinite(etaPlus))) throw new IllegalArgumentException("etaPlus must be > 1, got " + etaPlus);
        if (!(stepMin >= 0 && Double.isFinite(stepMin))) throw new IllegalArgumentException("stepMin must be >= 0, got " + stepMin);
        if (!(stepMax > stepMin && Double.isFinite(stepMax)))
            throw new IllegalArgumentException("stepMax must be > stepMin (" + stepMin + "), got " + stepMax);
        this.etaMinus = etaMinus;
        this.etaPlus = etaPlus;
        this.stepMin = stepMin;
        this.stepMax = stepMax;
    }

    /** PyTorch's defaults: η⁻ = 0.5, η⁺ = 1.2, Δ in [1e-6, 50]. */
    public static Rprop rprop() { return new Rprop(0.5, 1.2, 1e-6, 50); }

    @Override public String name() { return "rprop"; }

    @Override
    public void step(double[] theta, double[] g, double lr, double lambda) {
        if (stepSize == null || stepSize.length != theta.length) {
            stepSize = new double[theta.length];
            java.util.Arrays.fill(stepSize, lr);
            previous = new double[theta.length];
        }
        for (int i = 0; i < theta.length; i++) {
            double gi = g[i] + 2 * lambda * theta[i];
            double agreement = gi * previous[i];
            if (agreement > 0) stepSize[i] *= etaPlus;
            else if (agreement < 0) stepSize[i] *= etaMinus;
            stepSize[i] = Math.min(stepMax, Math.max(stepMin, stepSize[i]));
            if (agreement < 0) gi = 0;
            theta[i] -= Math.signum(gi) * stepSize[i];
            previous[i] = gi;
        }
    }

    /** The current step sizes Δᵢ (a copy; null before the first step). */
    public double[] stepSizes() { return stepSize == null ? null : stepSize.clone(); }

    @Override public void reset() { stepSize = null; previous = null; }

    @Override
    public Optimizer copy() {
        Rprop r = new Rprop(etaMinus, etaPlus, stepMin, stepMax);
        if (stepSize != null) { r.stepSize = stepSize.clone(); r.previous = previous.clone(); }
        return r;
    }
}
