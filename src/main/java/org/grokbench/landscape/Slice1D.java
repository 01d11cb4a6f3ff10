package org.grokbench.landscape;

/**
 * f(α) = L(θ_t + αδ) at the points {@code alphas} (predicting-grokking App. G.1, Fig. 3).
 *
 * @param step      the step of θ_t
 * @param finalStep the step of θ* (the path's last row)
 * @param kind      what δ is
 * @param scaling   how δ was scaled
 * @param alphas    the α values, increasing
 * @param values    the measures at θ_t + α_i δ
 * @param deltaNorm ‖δ‖ (0: δ vanishes, e.g. toward θ* at θ* itself: the slice is flat)
 */
public record Slice1D(long step, long finalStep, DirectionKind kind, Scaling scaling, double[] alphas, SliceValues values,
                      double deltaNorm) {
    /** Index of the α closest to {@code alpha}. */
    public int indexOf(double alpha) {
        int best = 0;
        for (int i = 1; i < alphas.length; i++) if (Math.abs(alphas[i] - alpha) < Math.abs(alphas[best] - alpha)) best = i;
        return best;
    }
}
