package org.grokbench.analysis;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The singular value decomposition J = U Σ Vᵀ of a row-major r × c matrix (a stacked Jacobian
 * ∇𝓕 or the constraint matrix A of an affine zero-loss set), with the numerical rank decided once:
 * singular values σ_i ≤ tol = max(r, c)·ε·σ_max count as zero (EJML's default threshold, so an
 * exactly zero matrix has rank 0). Everything the geometry needs follows from it:
 * <ul>
 *   <li>the row space of J, span{v_i : σ_i > tol}: the normal space N_p when J = ∇𝓕(p);</li>
 *   <li>the null space of J, the tangent space T_p of Lemma C.1 (needs the full V);</li>
 *   <li>the Moore–Penrose solve J⁺y = Σ v_i (u_iᵀy)/σ_i, the minimum-norm least-squares solution;</li>
 *   <li>the Gram solve (JJᵀ)⁺y = Σ u_i (u_iᵀy)/σ_i², giving Lagrange multipliers.</li>
 * </ul>
 * Immutable after construction; the input array is copied.
 */
final class JacobianSvd {
    private final int rows;
    private final int cols;
    private final double[] sigma;
    private final DMatrixRMaj u;
    private final DMatrixRMaj v;
    private final int[] kept;       // indices i with σ_i > tol
    private final boolean[] isKept; // the same as a mask over 0..min(r, c) − 1

    private JacobianSvd(int rows, int cols, double[] sigma, DMatrixRMaj u, DMatrixRMaj v, int[] kept) {
        this.rows = rows;
        this.cols = cols;
        this.sigma = sigma;
        this.u = u;
        this.v = v;
        this.kept = kept;
        this.isKept = new boolean[sigma.length];
        for (int i : kept) isKept[i] = true;
    }

    /**
     * Decomposes the row-major {@code rows × cols} matrix {@code a} (not modified).
     *
     * @param fullV also compute the full c × c matrix V, required by {@link #nullSpaceBasis()};
     *              the compact V (c × min(r, c)) suffices for everything else
     */
    static JacobianSvd of(double[] a, int rows, int cols, boolean fullV) {
        if (a.length < rows * cols) throw new IllegalArgumentException("matrix array too short");
        if (rows == 0 || cols == 0) {
            DMatrixRMaj vEmpty = fullV ? eye(cols) : new DMatrixRMaj(cols, 0);
            return new JacobianSvd(rows, cols, new double[0], new DMatrixRMaj(rows, 0), vEmpty, new int[0]);
        }
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        System.arraycopy(a, 0, m.data, 0, rows * cols);
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(rows, cols, true, true, !fullV);
        if (!svd.decompose(m)) throw new ArithmeticException("SVD did not converge");
        int n = svd.numberOfSingularValues();
        double[] s = java.util.Arrays.copyOf(svd.getSingularValues(), n);
        double tol = SingularOps_DDRM.singularThreshold(svd);
        int count = 0;
        for (int i = 0; i < n; i++) if (s[i] > tol) count++;
        int[] kept = new int[count];
        for (int i = 0, k = 0; i < n; i++) if (s[i] > tol) kept[k++] = i;
        return new JacobianSvd(rows, cols, s, svd.getU(null, false), svd.getV(null, false), kept);
    }

    private static DMatrixRMaj eye(int n) {
        DMatrixRMaj e = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) e.set(i, i, 1);
        return e;
    }

    /** Numerical rank of J. */
    int rank() {
        return kept.length;
    }

    /** Orthonormal basis of the row space of J as rows (rank × c): the right singular vectors with σ_i > tol. */
    double[][] rowSpaceBasis() {
        double[][] basis = new double[kept.length][];
        for (int k = 0; k < kept.length; k++) basis[k] = column(v, kept[k]);
        return basis;
    }

    /**
     * Orthonormal basis of the null space {x : Jx = 0} as rows ((c − rank) × c): the right singular
     * vectors with σ_i ≤ tol plus the columns of the full V beyond min(r, c).
     *
     * @throws IllegalStateException when the decomposition was made without the full V
     */
    double[][] nullSpaceBasis() {
        if (v.numCols != cols) throw new IllegalStateException("null space needs the full V (fullV = true)");
        double[][] basis = new double[cols - kept.length][];
        int k = 0;
        for (int j = 0; j < cols; j++) {
            if (j < sigma.length && isKept[j]) continue;
            basis[k++] = column(v, j);
        }
        return basis;
    }

    /** Writes J⁺y (length c) into {@code out}: the minimum-norm x minimizing ‖Jx − y‖. */
    void solveMinNorm(double[] y, double[] out) {
        java.util.Arrays.fill(out, 0, cols, 0);
        for (int i : kept) {
            double coef = leftDot(i, y) / sigma[i];
            for (int j = 0; j < cols; j++) out[j] += coef * v.get(j, i);
        }
    }

    /** Writes (JJᵀ)⁺y (length r) into {@code out}. */
    void solveGram(double[] y, double[] out) {
        java.util.Arrays.fill(out, 0, rows, 0);
        for (int i : kept) {
            double coef = leftDot(i, y) / (sigma[i] * sigma[i]);
            for (int r = 0; r < rows; r++) out[r] += coef * u.get(r, i);
        }
    }

    private double leftDot(int i, double[] y) {
        double s = 0;
        for (int r = 0; r < rows; r++) s += u.get(r, i) * y[r];
        return s;
    }

    private static double[] column(DMatrixRMaj m, int j) {
        double[] c = new double[m.numRows];
        for (int i = 0; i < m.numRows; i++) c[i] = m.get(i, j);
        return c;
    }
}
