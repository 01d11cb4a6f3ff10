package org.grokbench.analysis;

import java.util.List;
import org.grokbench.math.VecOps;

/**
 * An affine zero-loss set Z = {θ ∈ ℝ^d : Aθ = b}, A ∈ ℝ^{k×d}. This is Z for the linear model
 * (rows of A are the inputs x_i, b the targets: Figures 1 and 2) and for the leaky-ReLU unit,
 * because σ is a bijection: σ(w·x) = y ⇔ w·x = σ⁻¹(y) (= y if y > 0, else 10·y; Figure 3 right).
 *
 * <p>Projection (Def. 4.13) is exact: proj_Z(θ) = θ − A⁺(Aθ − b), the minimum-norm correction
 * that satisfies the constraints; θ − proj_Z(θ) lies in the row space of A, the normal space.
 * The tangent space is the same at every point, the null space of A (= ∇𝓕 up to the leaky-ReLU
 * slope, which does not change the null space), computed once by SVD.
 *
 * <p>If the system is inconsistent (Z empty) the projection returns the least-squares point and
 * {@link #consistent()} is false. Immutable and thread-safe.
 */
public final class AffineZeroLoss implements ZeroLossManifold {
    private final int d;
    private final int k;
    private final double[] a;      // k × d, row-major
    private final double[] b;
    private final double[] pinv;   // A⁺, d × k, row-major
    private final double[][] tangentRows;
    private final TangentSpace tangent;
    private final boolean consistent;

    /** Z = {θ : Aθ = b}; {@code A} has k rows of length d (arrays copied). */
    public AffineZeroLoss(double[][] A, double[] b) {
        if (A.length != b.length) throw new IllegalArgumentException("A has " + A.length + " rows, b " + b.length);
        if (A.length == 0) throw new IllegalArgumentException("A needs at least one row");
        this.k = A.length;
        this.d = A[0].length;
        this.a = new double[k * d];
        for (int i = 0; i < k; i++) {
            if (A[i].length != d) throw new IllegalArgumentException("ragged A");
            System.arraycopy(A[i], 0, a, i * d, d);
        }
        this.b = b.clone();
        JacobianSvd svd = JacobianSvd.of(a, k, d, true);
        this.pinv = pseudoInverse(svd, k, d);
        this.tangentRows = svd.nullSpaceBasis();
        double[][] normalRows = svd.rowSpaceBasis();
        this.tangent = tangentRows.length <= normalRows.length
                ? TangentSpace.spannedBy(tangentRows, d) : TangentSpace.complementOf(normalRows, d);
        double[] p0 = project(new double[d]);
        this.consistent = VecOps.norm(residual(p0)) <= 1e-10 * (1 + VecOps.norm(this.b));
    }

    /** A⁺ column by column: column i is A⁺e_i. */
    private static double[] pseudoInverse(JacobianSvd svd, int k, int d) {
        double[] p = new double[d * k];
        double[] e = new double[k];
        double[] col = new double[d];
        for (int i = 0; i < k; i++) {
            e[i] = 1;
            svd.solveMinNorm(e, col);
            e[i] = 0;
            for (int j = 0; j < d; j++) p[j * k + i] = col[j];
        }
        return p;
    }

    /** False when Aθ = b has no solution (then Z is empty and the projection is a least-squares point). */
    public boolean consistent() {
        return consistent;
    }

    /** Aθ − b as a new array of length k. */
    public double[] residual(double[] theta) {
        double[] r = new double[k];
        for (int i = 0; i < k; i++) {
            double s = -b[i];
            for (int j = 0; j < d; j++) s += a[i * d + j] * theta[j];
            r[i] = s;
        }
        return r;
    }

    @Override public int dimension() { return d; }

    @Override public boolean analytic() { return true; }

    /** θ − A⁺(Aθ − b). */
    @Override
    public double[] project(double[] theta) {
        double[] r = residual(theta);
        double[] p = theta.clone();
        for (int j = 0; j < d; j++) {
            double s = 0;
            for (int i = 0; i < k; i++) s += pinv[j * k + i] * r[i];
            p[j] -= s;
        }
        return p;
    }

    /** The orthonormal null space of A (independent of p). */
    @Override
    public double[][] tangentBasis(double[] p) {
        double[][] copy = new double[tangentRows.length][];
        for (int i = 0; i < copy.length; i++) copy[i] = tangentRows[i].clone();
        return copy;
    }

    @Override
    public TangentSpace tangentSpace(double[] p) {
        return tangent;
    }

    /**
     * The slice of Z in the (θ₁, θ₂) plane: for d = 2, Z itself; for d = 3, the solutions with
     * θ₃ = slice, i.e. A' (θ₁, θ₂) = b − A_{·3}·slice. A line is clipped exactly; a single point is
     * returned as a one-point polyline when inside the box. Empty for d > 3, for an empty slice, and
     * when the slice is the whole plane (A' = 0: nothing to draw).
     */
    @Override
    public List<double[][]> polylines2D(double xmin, double xmax, double ymin, double ymax, double slice) {
        if (d != 2 && d != 3) return List.of();
        double[] a2 = new double[k * 2];
        double[] b2 = new double[k];
        for (int i = 0; i < k; i++) {
            a2[2 * i] = a[i * d];
            a2[2 * i + 1] = a[i * d + 1];
            b2[i] = b[i] - (d == 3 ? a[i * d + 2] * slice : 0);
        }
        JacobianSvd svd = JacobianSvd.of(a2, k, 2, true);
        double[] p0 = new double[2];
        svd.solveMinNorm(b2, p0);
        double misfit = 0;
        for (int i = 0; i < k; i++) {
            double e = a2[2 * i] * p0[0] + a2[2 * i + 1] * p0[1] - b2[i];
            misfit += e * e;
        }
        if (Math.sqrt(misfit) > 1e-10 * (1 + VecOps.norm(b2))) return List.of();
        switch (svd.rank()) {
            case 2:
                return PlaneCurves.inside(p0, xmin, xmax, ymin, ymax) ? List.<double[][]>of(new double[][] {p0}) : List.of();
            case 1:
                return PlaneCurves.line(p0, svd.nullSpaceBasis()[0], xmin, xmax, ymin, ymax);
            default:
                return List.of();
        }
    }
}
