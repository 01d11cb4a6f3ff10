package org.grokbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.grokbench.math.VecOps;
import org.grokbench.model.SquaredLoss;
import org.junit.jupiter.api.Test;

/**
 * The properties every {@link ZeroLossManifold} must have, run against each implementation and
 * configuration by a subclass (EJML-style shared suite). Checked on {@value #POINTS} random points:
 * the projection lies on Z (L(p) &lt; 1e-20), is idempotent, and its displacement θ − p is normal to
 * the tangent basis at p (Prop. C.4); the tangent basis is orthonormal, inside the null space of
 * the stacked Jacobian ∇𝓕(p) and as large as that null space (Lemma C.1); the projector agrees with
 * the basis; an analytic projection is never farther than the numeric (local) one and agrees with
 * it close to Z; an optional independent reference (brute-force sampling, closed form) matches;
 * the drawing lies on Z and inside the box.
 */
abstract class ZeroLossManifoldContract {
    static final int POINTS = 100;

    abstract ZeroLossManifold manifold();

    /** The training loss whose zero set is {@link #manifold()}. */
    abstract SquaredLoss loss();

    /** A random test point; default uniform in [−3, 3]^d. */
    double[] randomPoint(Random rng) {
        double[] t = new double[manifold().dimension()];
        for (int i = 0; i < t.length; i++) t[i] = -3 + 6 * rng.nextDouble();
        return t;
    }

    /** An independent dist_Z(θ) (brute force or closed form), or NaN when there is none. */
    double referenceDistance(double[] theta) {
        return Double.NaN;
    }

    /** Allowed |dist − reference|. */
    double referenceTolerance() {
        return 1e-9;
    }

    /** Whether the near-Z comparison with the numeric projection is meaningful around p. */
    boolean nearComparable(double[] p) {
        return true;
    }

    /** Whether Z (or its slice θ₃ = 0.5) meets the box of {@link #drawingLiesOnZAndInsideTheBox}. */
    boolean drawingCrossesDefaultBox() {
        return manifold().analytic();
    }

    final double[][] randomPoints(long seed) {
        Random rng = new Random(seed);
        double[][] pts = new double[POINTS][];
        for (int i = 0; i < POINTS; i++) pts[i] = randomPoint(rng);
        return pts;
    }

    @Test
    void projectionLiesOnZ() {
        ZeroLossManifold z = manifold();
        SquaredLoss loss = loss();
        for (double[] theta : randomPoints(11)) {
            double[] p = z.project(theta);
            assertTrue(VecOps.allFinite(p));
            assertTrue(loss.value(p) < 1e-20, () -> "L(p) = " + loss.value(p) + " for θ = " + str(theta));
        }
    }

    @Test
    void projectionIsIdempotentAndDistanceConsistent() {
        ZeroLossManifold z = manifold();
        for (double[] theta : randomPoints(12)) {
            double[] p = z.project(theta);
            assertTrue(VecOps.distance(z.project(p), p) <= 1e-10 * (1 + VecOps.norm(p)), () -> "at " + str(p));
            assertEquals(VecOps.distance(theta, p), z.distance(theta), 1e-12 * (1 + VecOps.norm(theta)));
        }
    }

    @Test
    void displacementIsNormalToTangent() {
        ZeroLossManifold z = manifold();
        for (double[] theta : randomPoints(13)) {
            double[] p = z.project(theta);
            double[] disp = VecOps.sub(theta, p);
            for (double[] t : z.tangentBasis(p)) {
                assertEquals(0, VecOps.dot(t, disp), 1e-9 * Math.max(1, VecOps.norm(disp)),
                        () -> "θ − p not normal at θ = " + str(theta) + ", p = " + str(p));
            }
        }
    }

    @Test
    void tangentBasisIsOrthonormalAndSpansJacobianNullSpace() {
        ZeroLossManifold z = manifold();
        SquaredLoss loss = loss();
        int d = z.dimension(), rows = loss.constraintCount();
        double[] jac = new double[rows * d];
        for (double[] theta : randomPoints(14)) {
            double[] p = z.project(theta);
            double[][] basis = z.tangentBasis(p);
            for (int i = 0; i < basis.length; i++) {
                assertEquals(d, basis[i].length);
                for (int j = 0; j < basis.length; j++)
                    assertEquals(i == j ? 1 : 0, VecOps.dot(basis[i], basis[j]), 1e-12, "Gram matrix entry");
            }
            loss.stackedJacobian(p, jac);
            double jNorm = VecOps.norm(jac);
            for (double[] t : basis) {
                for (int r = 0; r < rows; r++) {
                    double s = 0;
                    for (int j = 0; j < d; j++) s += jac[r * d + j] * t[j];
                    assertEquals(0, s, 1e-10 * (1 + jNorm), () -> "tangent vector not in null(J) at p = " + str(p));
                }
            }
            DMatrixRMaj jm = new DMatrixRMaj(rows, d);
            System.arraycopy(jac, 0, jm.data, 0, rows * d);
            int rank = rows == 0 ? 0 : SingularOps_DDRM.rank(jm);
            assertEquals(d - rank, basis.length, () -> "dim T_p + rank J != d at p = " + str(p));
        }
    }

    @Test
    void tangentProjectorAgreesWithBasis() {
        ZeroLossManifold z = manifold();
        Random rng = new Random(15);
        for (double[] theta : randomPoints(15)) {
            double[] p = z.project(theta);
            double[] v = randomPoint(rng);
            double[] expected = new double[v.length];
            for (double[] t : z.tangentBasis(p)) VecOps.axpy(VecOps.dot(t, v), t, expected);
            double[] got = z.tangentSpace(p).project(v);
            assertTrue(VecOps.distance(expected, got) <= 1e-10 * (1 + VecOps.norm(v)));
            assertEquals(z.tangentBasis(p).length, z.tangentSpace(p).dimension());
            double[] alias = v.clone();
            z.tangentSpace(p).project(alias, alias);
            assertTrue(VecOps.distance(alias, got) <= 1e-14 * (1 + VecOps.norm(v)), "aliased projection");
        }
    }

    @Test
    void analyticProjectionIsNeverFartherThanTheNumericLocalOne() {
        ZeroLossManifold z = manifold();
        if (!z.analytic()) return;
        NumericZeroLoss numeric = new NumericZeroLoss(loss().model(), loss().data());
        SquaredLoss loss = loss();
        for (double[] theta : randomPoints(16)) {
            double[] q = numeric.project(theta);
            assertTrue(loss.value(q) < 1e-20, () -> "numeric projection off Z for θ = " + str(theta));
            double dAnalytic = z.distance(theta);
            assertTrue(dAnalytic <= VecOps.distance(theta, q) + 1e-9,
                    () -> "analytic " + dAnalytic + " > numeric " + VecOps.distance(theta, q) + " at " + str(theta));
        }
    }

    @Test
    void analyticProjectionAgreesWithNumericNearZ() {
        ZeroLossManifold z = manifold();
        if (!z.analytic()) return;
        NumericZeroLoss numeric = new NumericZeroLoss(loss().model(), loss().data());
        Random rng = new Random(17);
        int compared = 0;
        for (double[] theta0 : randomPoints(17)) {
            double[] p = z.project(theta0);
            if (!nearComparable(p)) continue;
            double[] n = z.tangentSpace(p).normalPart(randomPoint(rng));
            if (VecOps.norm(n) == 0) continue;
            double[] theta = p.clone();
            VecOps.axpy(1e-2 * (0.5 + rng.nextDouble()) / VecOps.norm(n), n, theta);
            double[] a = z.project(theta), b = numeric.project(theta);
            assertTrue(VecOps.distance(a, b) <= 1e-8 * (1 + VecOps.norm(a)),
                    () -> "analytic " + str(a) + " vs numeric " + str(b) + " at " + str(theta));
            assertTrue(VecOps.distance(a, p) <= 1e-8 * (1 + VecOps.norm(p)), "normal offset projects back to p");
            compared++;
        }
        assertTrue(compared > POINTS / 2, "too few comparable points");
    }

    @Test
    void matchesReferenceDistance() {
        ZeroLossManifold z = manifold();
        for (double[] theta : randomPoints(18)) {
            double ref = referenceDistance(theta);
            if (Double.isNaN(ref)) return;
            double got = z.distance(theta);
            if (z.analytic()) {
                assertEquals(ref, got, referenceTolerance(), () -> "dist_Z at " + str(theta));
            } else {
                assertTrue(got >= ref - referenceTolerance(), "a point of Z closer than the global minimum");
            }
        }
    }

    @Test
    void drawingLiesOnZAndInsideTheBox() {
        ZeroLossManifold z = manifold();
        int d = z.dimension();
        if (d > 3) return;
        SquaredLoss loss = loss();
        double xmin = -2.5, xmax = 3, ymin = -2, ymax = 2.75, slice = 0.5;
        List<double[][]> lines = z.polylines2D(xmin, xmax, ymin, ymax, slice);
        for (double[][] line : lines) {
            for (double[] pt : line) {
                assertTrue(pt[0] >= xmin - 1e-12 && pt[0] <= xmax + 1e-12 && pt[1] >= ymin - 1e-12 && pt[1] <= ymax + 1e-12,
                        () -> "outside the box: " + str(pt));
                double[] theta = d == 3 ? new double[] {pt[0], pt[1], slice} : pt;
                assertTrue(loss.value(theta) < 1e-20, () -> "drawn point off Z: " + str(pt));
            }
        }
        if (drawingCrossesDefaultBox()) assertFalse(lines.isEmpty(), "Z crosses the box but nothing is drawn");
    }

    static String str(double[] v) {
        return java.util.Arrays.toString(v);
    }
}
