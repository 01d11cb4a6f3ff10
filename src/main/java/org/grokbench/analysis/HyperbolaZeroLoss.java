package org.grokbench.analysis;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Z = {(w1, w2) : w1·w2 = c}, c ≠ 0: the zero-loss set of the two-layer scalar net ŷ = w2·w1·x on
 * one sample (x, y ≠ 0), c = y/x (Figure 3 left). Two branches, in the quadrants where
 * sign(w1·w2) = sign(c); no singular point (∇(w1w2) = (w2, w1) ≠ 0 on Z).
 *
 * <p><b>Projection.</b> Put s = √|c|, σ = sign(c) and scale the point: (a, b) = θ/s, so that Z
 * becomes t·u = σ. On Z parametrized by t = w1 (w2 = σ/t) the squared distance
 * g(t) = (t − a)² + (σ/t − b)² has g'(t) = 0 ⇔ P(t) = t⁴ − a t³ + σ b t − 1 = 0 (multiply by t³;
 * this is the quartic of the Lagrange conditions). P(0) = −1 and P(±∞) = +∞, so P has a real
 * root of each sign: one candidate on each branch at least. All four roots are found as the
 * eigenvalues of P's companion matrix, the real part of each is polished by Newton on P, and the
 * candidate point (t, σ/t) closest to θ wins; it is exactly on Z by construction. Since g → ∞ at
 * t → 0 and t → ±∞, the global minimum is among the stationary points, so the result is the
 * global projection, on either branch. When |b| > |a| the roles of w1 and w2 are swapped first
 * (Z is symmetric), so that the parameter stays well scaled.
 *
 * <p>{@link #analytic()} is true in the sense of the interface: the answer is the exact global
 * closest point up to rounding, although the quartic's roots are computed by an eigen-solver
 * rather than by Ferrari's formula.
 *
 * <p><b>Tangent.</b> At p the Jacobian of 𝓕 is x·(p2, p1), so T_p = span{(p1, −p2)}/‖·‖.
 *
 * <p>Immutable and thread-safe.
 */
public final class HyperbolaZeroLoss implements ZeroLossManifold {
    /** Points per visible branch piece in {@link #polylines2D}, evenly spaced in log|w1|. */
    static final int SAMPLES = 400;

    private final double c;
    private final double scale;
    private final double sign;

    /** Z = {w1·w2 = c}; c must be finite and non-zero (c = 0 is {@link AxesZeroLoss}). */
    public HyperbolaZeroLoss(double c) {
        if (c == 0 || !Double.isFinite(c)) throw new IllegalArgumentException("c must be finite and non-zero, got " + c);
        this.c = c;
        this.scale = Math.sqrt(Math.abs(c));
        this.sign = Math.signum(c);
    }

    /** The product w1·w2 on Z. */
    public double c() {
        return c;
    }

    @Override public int dimension() { return 2; }

    @Override public boolean analytic() { return true; }

    @Override
    public double[] project(double[] theta) {
        double a = theta[0] / scale, b = theta[1] / scale;
        boolean swap = Math.abs(b) > Math.abs(a);
        if (swap) {
            double tmp = a;
            a = b;
            b = tmp;
        }
        double[] roots = quarticRoots(a, sign * b);
        double bestT = Double.NaN, best = Double.POSITIVE_INFINITY;
        for (double t0 : roots) {
            double t = polish(t0, a, sign * b);
            if (t == 0 || !Double.isFinite(t)) continue;
            double du = t - a, dv = sign / t - b;
            double dist2 = du * du + dv * dv;
            if (dist2 < best) {
                best = dist2;
                bestT = t;
            }
        }
        double first = bestT * scale, second = sign / bestT * scale;
        return swap ? new double[] {second, first} : new double[] {first, second};
    }

    /** Real parts of the roots of t⁴ − a t³ + e t − 1 (e = σb), as eigenvalues of the companion matrix. */
    private static double[] quarticRoots(double a, double e) {
        DMatrixRMaj companion = new DMatrixRMaj(4, 4);
        companion.set(0, 0, a);      // −c3 with c3 = −a
        companion.set(0, 1, 0);      // −c2 with c2 = 0
        companion.set(0, 2, -e);     // −c1 with c1 = e
        companion.set(0, 3, 1);      // −c0 with c0 = −1
        companion.set(1, 0, 1);
        companion.set(2, 1, 1);
        companion.set(3, 2, 1);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(4, false);
        if (!eig.decompose(companion)) throw new ArithmeticException("eigen-decomposition did not converge");
        double[] roots = new double[eig.getNumberOfEigenvalues()];
        for (int i = 0; i < roots.length; i++) {
            Complex_F64 z = eig.getEigenvalue(i);
            roots[i] = z.real;
        }
        return roots;
    }

    /** A few Newton steps on P(t) = t⁴ − a t³ + e t − 1, each kept only if it lowers |P|. */
    private static double polish(double t, double a, double e) {
        double p = quartic(t, a, e);
        for (int it = 0; it < 4 && p != 0; it++) {
            double dp = (4 * t - 3 * a) * t * t + e;
            if (dp == 0) break;
            double next = t - p / dp;
            double pn = quartic(next, a, e);
            if (!(Math.abs(pn) < Math.abs(p))) break;
            t = next;
            p = pn;
        }
        return t;
    }

    private static double quartic(double t, double a, double e) {
        return ((t - a) * t * t + e) * t - 1;
    }

    /** {(p1, −p2)/‖p‖}; at the origin (not on Z, Jacobian zero) the identity basis. */
    @Override
    public double[][] tangentBasis(double[] p) {
        double n = Math.hypot(p[0], p[1]);
        if (n == 0) return new double[][] {{1, 0}, {0, 1}};
        return new double[][] {{p[0] / n, -p[1] / n}};
    }

    /**
     * Both branches, each as u ↦ (σ₁ s eᵘ, σ₁ σ s e⁻ᵘ) for σ₁ = ±1, clipped exactly to the box (the
     * crossings with the box lines are solved for u in closed form). The slice is ignored (d = 2).
     */
    @Override
    public List<double[][]> polylines2D(double xmin, double xmax, double ymin, double ymax, double slice) {
        List<double[][]> out = new ArrayList<>();
        for (double s1 : new double[] {1, -1}) {
            double s2 = s1 * sign;
            double[] bp = new double[4];
            int n = 0;
            for (double x : new double[] {xmin, xmax}) if (x * s1 > 0) bp[n++] = Math.log(x * s1 / scale);
            for (double y : new double[] {ymin, ymax}) if (y * s2 > 0) bp[n++] = -Math.log(y * s2 / scale);
            out.addAll(PlaneCurves.clip(u -> new double[] {s1 * scale * Math.exp(u), s2 * scale * Math.exp(-u)},
                    java.util.Arrays.copyOf(bp, n), SAMPLES, xmin, xmax, ymin, ymax));
        }
        return out;
    }
}
