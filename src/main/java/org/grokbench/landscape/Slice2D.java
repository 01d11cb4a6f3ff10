package org.grokbench.landscape;

/**
 * f(α, β) = L(θ_t + αδ + βη) on the grid {@code alphas} × {@code betas} (App. G.1 footnote 3, Li et
 * al. 2018), values flat with α fastest: point (i, j) at index j·alphas.length + i; and the recorded
 * trajectory projected on the plane (least squares in the basis δ, η), so the path can be drawn
 * over the landscape it crossed.
 *
 * @param pathAlpha α of each recorded θ row's projection (NaN when δ, η span no plane)
 * @param pathBeta  β of each projection
 * @param pathSteps step of each recorded row
 * @param firstRatio share of the trajectory's variance along δ (PCA planes only; NaN otherwise)
 * @param secondRatio the same along η
 */
public record Slice2D(long step, long finalStep, DirectionKind kind, Scaling scaling, double[] alphas, double[] betas,
                      SliceValues values, double[] pathAlpha, double[] pathBeta, long[] pathSteps,
                      double firstRatio, double secondRatio) {
    /** Flat index of grid point (i, j). */
    public int index(int i, int j) { return j * alphas.length + i; }

    /** Index of the path row at θ_t itself (its projection is (0, 0)). */
    public int pathIndexOf(long atStep) {
        int best = 0;
        for (int k = 0; k < pathSteps.length; k++) if (pathSteps[k] <= atStep) best = k;
        return best;
    }
}
