package org.grokbench.analysis;

import org.grokbench.math.VecOps;

/**
 * The slow phase predicted by riemannian-norm-minimisation (and geometry-of-grokking Remark 4.15):
 * once on the zero-loss set Z, gradient flow on L + λ‖θ‖² follows the Riemannian gradient flow of
 * ‖θ‖²/2 on Z,
 * <pre>  dθ/dτ = −P_{T_θ} θ,   τ = 2λ t,</pre>
 * where P_T projects onto the tangent space of Z at θ ({@link TangentSpace}, App. D eq. 29) and t is
 * the time of the gradient flow dθ/dt = −∇L − 2λθ. Why 2λ: near Z the loss gradient is normal to Z
 * (Theorem 4.14), so the tangent motion is the tangent part of −2λθ; dividing time by 1/(2λ) gives
 * a λ-free flow. For gradient descent with learning rate η, t = η·step, so one step is Δτ = 2ηλ.
 *
 * <p>Integrated by explicit Euler steps along the tangent direction followed by a retraction onto Z
 * (the closest point {@link ZeroLossManifold#project}), so every point stays on Z and ‖θ‖ decreases
 * to first order: d‖θ‖²/dτ = −2‖P_T θ‖². On an affine Z the flow is exactly θ(τ) = θ* + e^{−τ}(θ(0) − θ*)
 * with θ* the minimum-norm point of Z; Euler reproduces it to O(Δτ). Not thread-safe only in that
 * it calls the manifold, which is (see {@link NumericZeroLoss}).
 */
public final class NormMinimizingFlow {
    private final ZeroLossManifold z;
    private final double maxStep;

    /** @param maxStep the largest Euler step in τ; longer advances are split into equal substeps */
    public NormMinimizingFlow(ZeroLossManifold z, double maxStep) {
        if (!(maxStep > 0)) throw new IllegalArgumentException("maxStep must be > 0, got " + maxStep);
        this.z = z;
        this.maxStep = maxStep;
    }

    /** The flow's starting point for a state near Z: proj_Z(θ) (new array). */
    public double[] start(double[] theta) {
        return z.project(theta);
    }

    /** The velocity −P_{T_θ} θ at a point θ of Z (new array). */
    public double[] velocity(double[] theta) {
        return z.tangentSpace(theta).project(VecOps.scaled(-1, theta));
    }

    /** Moves θ (a point of Z) along the flow by Δτ = {@code dtau} ≥ 0, in place. */
    public void advance(double[] theta, double dtau) {
        if (!(dtau >= 0)) throw new IllegalArgumentException("dtau must be >= 0, got " + dtau);
        int substeps = (int) Math.ceil(dtau / maxStep);
        double h = substeps == 0 ? 0 : dtau / substeps;
        for (int k = 0; k < substeps; k++) {
            double[] v = velocity(theta);
            VecOps.axpy(h, v, theta);
            double[] back = z.project(theta);
            System.arraycopy(back, 0, theta, 0, theta.length);
        }
    }
}
