package org.grokbench.experiment;

/**
 * How the two phases of a run are timed (riemannian-norm-minimisation: interpolation, then norm
 * minimization on a time scale of 1/λ).
 * <ul>
 *   <li>interpolation step t_int: the first step with training loss below {@code interpolationThreshold}
 *       ("training loss reaches ~0": the run has reached the zero-loss set Z);</li>
 *   <li>plateau: the test loss at t_int, the value the unregularized flow leaves it at;</li>
 *   <li>drop step t_drop: the first step t ≥ t_int with test loss ≤ {@code dropFraction} × plateau.</li>
 * </ul>
 * The theory predicts t_drop − t_int ≈ τ_drop / (2ηλ) for small λ (η the learning rate, τ_drop the
 * time the slow flow on Z needs to lower the test loss by that fraction), hence a slope of 1 of
 * log t_drop against log(1/λ).
 */
public record TwoPhaseSpec(double interpolationThreshold, double dropFraction) {
    public static final double DEFAULT_INTERPOLATION_THRESHOLD = 1e-5;
    public static final double DEFAULT_DROP_FRACTION = 0.5;

    public TwoPhaseSpec {
        if (!(interpolationThreshold > 0)) throw new IllegalArgumentException("interpolationThreshold must be > 0, got " + interpolationThreshold);
        if (!(dropFraction > 0 && dropFraction < 1)) throw new IllegalArgumentException("dropFraction must be in (0, 1), got " + dropFraction);
    }

    public static TwoPhaseSpec defaults() {
        return new TwoPhaseSpec(DEFAULT_INTERPOLATION_THRESHOLD, DEFAULT_DROP_FRACTION);
    }
}
