package org.grokbench.math;

/**
 * Rank-revealing Cholesky factorization with complete (diagonal) pivoting of a symmetric positive
 * semidefinite matrix (LAPACK dpstrf, unblocked): Πᵀ G Π = RᵀR with R upper trapezoidal of r rows,
 * where r is the numerical rank: the factorization stops when the largest remaining pivot falls
 * to τ·max_i g_ii or below.
 *
 * <p>For a Gram matrix G = JJᵀ the first r pivots S select r rows of J that span its row space to
 * within the tolerance: the remaining rows lie within √(τ·max g_ii) of that span. The orthogonal
 * projection onto the row space of J is then P = J_Sᵀ (J_S J_Sᵀ)⁻¹ J_S, and {@link #solveOnPivots}
 * applies (J_S J_Sᵀ)⁻¹ = (R₁₁ᵀR₁₁)⁻¹.
 *
 * <p>Reusable; storage grows to the largest order seen.
 */
public final class PivotedCholesky {
    private double[][] r;
    private int n = -1;
    private int rank;
    private int[] perm = new int[0];
    private double[] work = new double[0];
    private double largestPivot;
    private double lastPivot;

    /** Default relative tolerance τ = n·ε (LAPACK's dpstrf default). */
    public static double defaultTolerance(int n) {
        return Math.max(1, n) * 0x1.0p-53;
    }

    /**
     * Factors the symmetric positive semidefinite n × n matrix whose upper triangle is stored in the
     * rows of {@code a} (each of length ≥ n); {@code a} is overwritten (its upper triangle holds R in
     * pivoted order).
     *
     * @param relTol τ: a pivot d_k ≤ τ·max_i g_ii ends the factorization (τ &lt; 0: the default)
     * @return the numerical rank r
     */
    public int factor(double[][] a, int n, double relTol) {
        if (a.length < n) throw new IllegalArgumentException("need " + n + " rows");
        this.r = a;
        this.n = n;
        if (perm.length < n) {
            perm = new int[n];
            work = new double[n];
        }
        for (int i = 0; i < n; i++) perm[i] = i;
        double maxDiag = 0;
        for (int i = 0; i < n; i++) maxDiag = Math.max(maxDiag, a[i][i]);
        double tol = (relTol < 0 ? defaultTolerance(n) : relTol) * maxDiag;
        largestPivot = maxDiag;
        lastPivot = 0;
        int k = 0;
        for (; k < n; k++) {
            int q = k;
            double best = a[k][k];
            for (int i = k + 1; i < n; i++) {
                double d = a[i][i];
                if (d > best) {
                    best = d;
                    q = i;
                }
            }
            if (!(best > tol)) break;
            if (q != k) swap(a, n, k, q);
            double ukk = Math.sqrt(best);
            lastPivot = best;
            final double[] rk = a[k];
            rk[k] = ukk;
            double inv = 1 / ukk;
            for (int c = k + 1; c < n; c++) rk[c] *= inv;
            for (int i = k + 1; i < n; i++) {
                final double s = rk[i];
                if (s == 0) continue;
                final double[] ri = a[i];
                for (int c = i; c < n; c++) ri[c] -= s * rk[c];
            }
        }
        rank = k;
        return rank;
    }

    /** Symmetric swap of indices k &lt; q in the upper-triangle storage, including the computed rows of R. */
    private void swap(double[][] a, int n, int k, int q) {
        for (int row = 0; row < k; row++) {
            double[] o = a[row];
            double t = o[k];
            o[k] = o[q];
            o[q] = t;
        }
        double t = a[k][k];
        a[k][k] = a[q][q];
        a[q][q] = t;
        for (int i = k + 1; i < q; i++) {
            double s = a[k][i];
            a[k][i] = a[i][q];
            a[i][q] = s;
        }
        for (int j = q + 1; j < n; j++) {
            double s = a[k][j];
            a[k][j] = a[q][j];
            a[q][j] = s;
        }
        int p = perm[k];
        perm[k] = perm[q];
        perm[q] = p;
    }

    /** Numerical rank r of the last factorization. */
    public int rank() {
        return rank;
    }

    /** Original index of the k-th pivot (k &lt; n). */
    public int pivot(int k) {
        return perm[k];
    }

    /** Ratio of the last accepted pivot to the largest diagonal entry: ≈ σ_r²/σ_1² for a Gram JJᵀ. */
    public double lastPivotRatio() {
        return largestPivot > 0 ? lastPivot / largestPivot : 0;
    }

    /**
     * Solves G_SS y = b_S on the pivot set S (the first r pivots): reads b (length n, original
     * indexing), writes out (length n, original indexing) with y on S and zeros elsewhere.
     * {@code b} and {@code out} may be the same array.
     */
    public void solveOnPivots(double[] b, double[] out) {
        final int n = this.n, r = this.rank;
        double[] y = work;
        for (int k = 0; k < r; k++) y[k] = b[perm[k]];
        // R₁₁ᵀ z = b_S (forward, axpy form on rows of R)
        for (int k = 0; k < r; k++) {
            final double[] rk = this.r[k];
            double z = y[k] / rk[k];
            y[k] = z;
            for (int c = k + 1; c < r; c++) y[c] -= z * rk[c];
        }
        // R₁₁ x = z (backward, dot form on rows of R)
        for (int k = r - 1; k >= 0; k--) {
            final double[] rk = this.r[k];
            double s = y[k] - DenseKernels.dot(rk, k + 1, y, k + 1, r - k - 1);
            y[k] = s / rk[k];
        }
        for (int i = 0; i < n; i++) out[i] = 0;
        for (int k = 0; k < r; k++) out[perm[k]] = y[k];
    }
}
