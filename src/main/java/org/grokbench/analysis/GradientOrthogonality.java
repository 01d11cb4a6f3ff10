package org.grokbench.analysis;

import java.util.ArrayList;
import java.util.List;
import org.grokbench.math.VecOps;
import org.grokbench.model.SquaredLoss;

/**
 * Theorem 4.14 (gradient orthogonality) as a measurement: near Z the loss gradient is orthogonal
 * to every tangent direction at the projection, |cos∠(v, ∇L(θ))| &lt; C·dist_Z(θ) for all
 * v ∈ T_{proj_Z(θ)} (Figure 4). The proof (App. C) gives the mechanism: ∇L(p + xα) = x·Hα + O(x²)
 * with H = ∇²L(p) = 2JᵀJ, and Hα is normal (Lemma C.1), so the tangent part is O(x²) while the
 * gradient is Θ(x): the ratio |cos|/dist tends to a constant along a normal line.
 *
 * <p>Not thread-safe (the {@link SquaredLoss} owns scratch buffers).
 */
public final class GradientOrthogonality {
    /** One row of {@link #approach}: the offset along the normal, the measured dist_Z and |cos|. */
    public record Approach(double offset, double distance, double cosine) {
        /** |cos| / dist_Z, the quantity Theorem 4.14 bounds by C. */
        public double ratio() {
            return cosine / distance;
        }
    }

    private final SquaredLoss loss;
    private final ZeroLossManifold z;

    public GradientOrthogonality(SquaredLoss loss, ZeroLossManifold z) {
        if (loss.model().parameterCount() != z.dimension())
            throw new IllegalArgumentException("model and zero-loss set differ in dimension");
        this.loss = loss;
        this.z = z;
    }

    /**
     * sup over unit v ∈ T_{proj_Z(θ)} of |cos∠(v, ∇L(θ))| = ‖P_T ∇L(θ)‖ / ‖∇L(θ)‖, the norm of the
     * unit gradient's projection onto T (for dim T = 1 the |cos| with the tangent itself; for more
     * dimensions the worst tangent direction, which a basis vector alone could miss). 0 when
     * ∇L(θ) = 0 (θ on Z, or another critical point).
     */
    public double tangentCosine(double[] theta) {
        double[] grad = new double[theta.length];
        loss.gradient(theta, grad);
        double g = VecOps.norm(grad);
        if (g == 0) return 0;
        double[] tangent = z.tangentSpace(z.project(theta)).project(grad);
        return Math.min(1, VecOps.norm(tangent) / g);
    }

    /**
     * A unit normal to Z at p: the row of ∇𝓕(p) with the largest norm (rows of the Jacobian span the
     * normal space at a regular point), with any tangent component removed.
     *
     * @throws IllegalArgumentException when the Jacobian vanishes on T's complement (no normal:
     *                                  a singular point, or Z is all of ℝ^d)
     */
    public double[] normalDirection(double[] p) {
        int d = p.length, rows = loss.constraintCount();
        double[] jac = new double[rows * d];
        loss.stackedJacobian(p, jac);
        double[] best = new double[d];
        double bestNorm = -1;
        double[] row = new double[d];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(jac, i * d, row, 0, d);
            double n = VecOps.norm(row);
            if (n > bestNorm) {
                bestNorm = n;
                System.arraycopy(row, 0, best, 0, d);
            }
        }
        return unitNormal(p, best);
    }

    private double[] unitNormal(double[] p, double[] direction) {
        double[] n = z.tangentSpace(p).normalPart(direction);
        double len = VecOps.norm(n);
        if (!(len > 0)) throw new IllegalArgumentException("no normal direction at this point of Z");
        return VecOps.scaled(1 / len, n);
    }

    /**
     * Points θ = p + δ·n̂ approaching Z along the normal line through p (the A, B, C of Figure 4), one
     * row per offset δ: (δ, dist_Z(θ), |cos|). For offsets below the local radius of curvature
     * proj_Z(θ) = p and dist_Z(θ) = |δ|.
     *
     * @param pointOnZ  p, a point of Z
     * @param direction the side to approach from, reduced to its normal part and normalized; null for
     *                  {@link #normalDirection(double[])}
     * @param offsets   the δ's, e.g. 1e-1, 1e-2, 1e-3
     */
    public List<Approach> approach(double[] pointOnZ, double[] direction, double... offsets) {
        double[] n = direction == null ? normalDirection(pointOnZ) : unitNormal(pointOnZ, direction);
        List<Approach> rows = new ArrayList<>(offsets.length);
        for (double delta : offsets) {
            double[] theta = pointOnZ.clone();
            VecOps.axpy(delta, n, theta);
            rows.add(new Approach(delta, z.distance(theta), tangentCosine(theta)));
        }
        return List.copyOf(rows);
    }
}
