package org.grokbench.analysis;

import org.grokbench.math.VecOps;

/**
 * Hessian-vector products Hv of a {@link LossSurface}'s training loss without forming H: the
 * central difference of gradients, Hv ≈ (∇L(θ + εv) − ∇L(θ − εv)) / 2ε. Two gradient evaluations
 * per product, exact for quadratics, O(ε²) otherwise; the step ε scales with ‖θ‖ so that the
 * truncation and rounding errors stay near their balance (ε ≈ 1e-5 relative) for any weight scale.
 * Works for every model the engine has, since each already has an analytic gradient; ReLU kinks
 * inside the ±ε window blur the product only where the Hessian itself is undefined.
 *
 * <p>Owns its buffers: one instance per thread.
 */
public final class HessianProduct {
    /** Relative finite-difference step. */
    static final double RELATIVE_STEP = 1e-5;

    private final LossSurface surface;
    private final double[] shifted;
    private final double[] gPlus;
    private final double[] gMinus;
    private int products;

    public HessianProduct(LossSurface surface) {
        this.surface = surface;
        int d = surface.dimension();
        this.shifted = new double[d];
        this.gPlus = new double[d];
        this.gMinus = new double[d];
    }

    public int dimension() { return surface.dimension(); }

    /** How many products have been formed (each costs two gradients). */
    public int products() { return products; }

    /** Writes H(θ)v into {@code out}; θ and v unchanged. A zero v gives a zero product. */
    public void apply(double[] theta, double[] v, double[] out) {
        double vn = VecOps.norm(v);
        if (vn == 0) {
            java.util.Arrays.fill(out, 0);
            return;
        }
        double eps = RELATIVE_STEP * Math.max(1, VecOps.norm(theta)) / vn;
        for (int i = 0; i < theta.length; i++) shifted[i] = theta[i] + eps * v[i];
        surface.trainGradient(shifted, gPlus);
        for (int i = 0; i < theta.length; i++) shifted[i] = theta[i] - eps * v[i];
        surface.trainGradient(shifted, gMinus);
        double s = 0.5 / eps;
        for (int i = 0; i < out.length; i++) out[i] = (gPlus[i] - gMinus[i]) * s;
        products++;
    }
}
