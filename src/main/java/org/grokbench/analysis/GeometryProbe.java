package org.grokbench.analysis;

import org.grokbench.math.VecOps;
import org.grokbench.model.SquaredLoss;

/**
 * Measures how a training step moves relative to the zero-loss set (geometry-of-grokking §4.6,
 * App. D, Figure 5). For a state θ and an update Δθ:
 * <ul>
 *   <li>p = proj_Z(θ) (Def. 4.13) and distance = dist_Z(θ) = ‖θ − p‖ (Def. 4.7);</li>
 *   <li>T = T_p, the tangent space at p, with projector P_T = I − J⁺J, J = ∇𝓕(p) (Lemma C.1);</li>
 *   <li>tangentPart = ‖P_T Δθ‖ and normalPart = ‖Δθ − P_T Δθ‖, so that
 *       tangentPart² + normalPart² = ‖Δθ‖²;</li>
 *   <li>the norm-minimizing direction on Z, g̃ = P_T(−θ) = (I − J⁺J)(−θ) (App. D eq. 29): among
 *       the tangent directions v at p, the one of steepest descent of ‖θ‖² (eq. 28 up to length);</li>
 *   <li>cosNormMin = cos∠(Δθ, g̃). It is NaN (undefined) when ‖Δθ‖ or ‖g̃‖ is below
 *       {@value #NEGLIGIBLE}·(1 + ‖θ‖) (a run that has converged, or θ ⊥ T_p at the minimum-norm
 *       solution): the cosine of rounding noise is noise, and a curve that ends says so better
 *       than one that drops to 0.</li>
 * </ul>
 * Theory (Theorem 4.14, Remark 4.15): after memorization the loss gradient is nearly normal to Z,
 * so the tangent motion is driven by weight decay alone, −2ηλ P_T θ, parallel to g̃.
 *
 * <p>When the projection is not on Z (Z empty, e.g. inconsistent linear data, or a numeric
 * projection that did not converge: L(p) &gt; {@value #ON_Z_TOLERANCE}·(1 + L(θ))) the reading is
 * {@link GeometryReading#NONE}. Not thread-safe (the {@link SquaredLoss} owns scratch buffers).
 */
public final class GeometryProbe {
    /** Relative bound on L(proj_Z(θ)) for the projection to count as a point of Z. */
    public static final double ON_Z_TOLERANCE = 1e-10;
    /** Relative length below which Δθ or g̃ has no meaningful direction. */
    public static final double NEGLIGIBLE = 1e-12;

    private final SquaredLoss trainLoss;
    private final ZeroLossManifold z;

    public GeometryProbe(SquaredLoss trainLoss, ZeroLossManifold z) {
        if (trainLoss.model().parameterCount() != z.dimension())
            throw new IllegalArgumentException("model has " + trainLoss.model().parameterCount()
                    + " parameters, zero-loss set lives in dimension " + z.dimension());
        this.trainLoss = trainLoss;
        this.z = z;
    }

    public ZeroLossManifold manifold() {
        return z;
    }

    /** The reading for state θ and update Δθ (both untouched). */
    public GeometryReading measure(double[] theta, double[] update) {
        double[] p = z.project(theta);
        if (!onZ(theta, p)) return GeometryReading.NONE;
        TangentSpace t = z.tangentSpace(p);
        double[] tangent = t.project(update);
        double tangentNorm = VecOps.norm(tangent);
        double normalNorm = VecOps.distance(update, tangent);
        double[] gTilde = t.project(VecOps.scaled(-1, theta));
        double scale = NEGLIGIBLE * (1 + VecOps.norm(theta));
        double cos = VecOps.norm(update) < scale || VecOps.norm(gTilde) < scale
                ? Double.NaN : VecOps.cosine(update, gTilde);
        return new GeometryReading(VecOps.distance(theta, p), cos, normalNorm, tangentNorm);
    }

    /**
     * g̃ = P_T(−θ) at T = T_{proj_Z(θ)} (App. D eq. 29), not normalized (its length ‖P_T θ‖ is the
     * rate at which ‖θ‖ can still shrink along Z); all NaN, like {@link GeometryReading#NONE}, when
     * the projection is not on Z.
     */
    public double[] normMinimizingDirection(double[] theta) {
        double[] p = z.project(theta);
        if (!onZ(theta, p)) {
            double[] none = new double[theta.length];
            java.util.Arrays.fill(none, Double.NaN);
            return none;
        }
        return z.tangentSpace(p).project(VecOps.scaled(-1, theta));
    }

    private boolean onZ(double[] theta, double[] p) {
        return VecOps.allFinite(p) && trainLoss.value(p) <= ON_Z_TOLERANCE * (1 + trainLoss.value(theta));
    }
}
