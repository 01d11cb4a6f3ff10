package org.grokbench.math;

import java.util.concurrent.ForkJoinPool;

/**
 * Blocked Cholesky factorization G = UᵀU of a symmetric positive definite n × n matrix stored as
 * row arrays (only the upper triangle is read; see {@link GramKernels} for why rows), with solves
 * for many right-hand sides and a cheap
 * condition-number estimate. A reusable object: its scratch arrays grow to the largest n seen and
 * are then reused, so repeated factorizations of one size allocate nothing but a few fork/join
 * tasks.
 *
 * <p>Algorithm: right-looking, panels of {@value #PANEL} rows. A panel is factored row by row,
 * left-looking inside the panel (u_jj = √(g_jj − Σ_{r<j} u_rj²), u_jc = (g_jc − Σ_{r<j} u_rj u_rc)/u_jj,
 * the earlier panel rows applied four at a time), then the rows below it
 * receive the rank-{@value #PANEL} update g_ic −= Σ_{r∈panel} u_ri u_rc, which is the same
 * vectorized kernel as the Gram product ({@link GramKernels#rankUpdateRow}) and is split over the
 * pool by rows.
 *
 * <p>Breakdown test: the pivot d_j = g_jj − Σ_{r<j} u_rj² is the squared distance of the j-th
 * sample to the span of the previous ones (for G = HHᵀ). When d_j ≤ τ·g_jj (τ = pivot tolerance)
 * or d_j is not a positive number, the matrix is reported as not (numerically) positive definite
 * and the factorization stops; {@link #failedPivot()} says where.
 */
public final class CholeskyFactorization {
    /** Rows per panel. */
    public static final int PANEL = 32;

    /** Below this many trailing rows the update runs on the calling thread only. */
    private static final int PARALLEL_MIN_ROWS = 96;

    private double[][] u;        // the user's rows, overwritten by U (upper triangle)
    private double[][] lower;    // Uᵀ as rows (lower triangle), for the backward solve
    private double[] invDiag;    // 1/u_jj
    private double[] diag0;      // g_jj before factoring
    private int n = -1;
    private int capacity = -1;
    private boolean ok;
    private int failedPivot = -1;
    private double minPivotRatio = Double.NaN;
    private int[][] trailingBounds;
    private int boundsParts = -1;
    private int boundsN = -1;
    private int[] rhsBounds;
    private int rhsBoundsCount = -1;
    private int rhsBoundsParts = -1;

    /** Default pivot tolerance τ = 16·n·ε (ε = 2⁻⁵² the double precision unit roundoff ×2). */
    public static double defaultPivotTolerance(int n) {
        return Math.max(1, n) * 0x1.0p-52 * 16;
    }

    /**
     * Factors the upper triangle of the n × n matrix {@code a} (rows of length ≥ n) in place: on success
     * a[i][j], j ≥ i, holds U with G = UᵀU (the strict lower triangle is not touched). On failure the
     * upper triangle is partly overwritten and must not be used.
     *
     * @param pivotTolerance τ ≥ 0 of the breakdown test (see the class comment)
     * @param pool           null for single-threaded; otherwise the trailing updates are split over it
     * @return true when G was found positive definite
     */
    public boolean factor(double[][] a, int n, double pivotTolerance, ForkJoinPool pool) {
        if (a.length < n) throw new IllegalArgumentException("need " + n + " rows");
        ensureCapacity(n);
        this.u = a;
        this.n = n;
        this.ok = false;
        this.failedPivot = -1;
        double minRatio = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) diag0[j] = a[j][j];
        int parts = RangeParallel.parts(pool);
        if (parts != boundsParts || n != boundsN) buildTrailingBounds(n, parts);

        for (int k0 = 0, p = 0; k0 < n; k0 += PANEL, p++) {
            final int k1 = Math.min(n, k0 + PANEL);
            for (int j = k0; j < k1; j++) {
                final double[] rj = a[j];
                // left-looking inside the panel: row j receives the earlier rows of this panel,
                // four at a time (rows above the panel were applied by the trailing updates)
                GramKernels.rankUpdateRow(a, k0, j, -1.0, rj, j, n);
                double d = rj[j];
                double g0 = diag0[j];
                double ratio = g0 > 0 ? d / g0 : Double.NaN;
                if (!(d > 0) || !(ratio > pivotTolerance) || !Double.isFinite(d)) {
                    failedPivot = j;
                    minPivotRatio = Double.isNaN(ratio) ? 0 : Math.min(minRatio, ratio);
                    return false;
                }
                minRatio = Math.min(minRatio, ratio);
                double ujj = Math.sqrt(d);
                double inv = 1.0 / ujj;
                rj[j] = ujj;
                invDiag[j] = inv;
                for (int c = j + 1; c < n; c++) rj[c] *= inv;
            }
            if (k1 >= n) break;
            final int from = k0;
            RangeParallel.RangeBody body = (i0, i1) -> {
                for (int i = i0; i < i1; i++) GramKernels.rankUpdateRow(a, from, k1, -1.0, a[i], i, n);
            };
            if (pool != null && n - k1 >= PARALLEL_MIN_ROWS) RangeParallel.forRanges(pool, trailingBounds[p], body);
            else body.run(k1, n);
        }
        buildLower(a, n);
        minPivotRatio = minRatio;
        ok = true;
        return true;
    }

    private void ensureCapacity(int n) {
        if (n <= capacity) return;
        capacity = n;
        lower = new double[n][n];
        invDiag = new double[n];
        diag0 = new double[n];
        boundsParts = -1;
    }

    private void buildTrailingBounds(int n, int parts) {
        int panels = (n + PANEL - 1) / PANEL;
        trailingBounds = new int[panels][];
        for (int p = 0; p < panels; p++) {
            int k1 = Math.min(n, (p + 1) * PANEL);
            trailingBounds[p] = RangeParallel.triangularBounds(k1, n, n, parts);
        }
        boundsParts = parts;
        boundsN = n;
    }

    private void buildLower(double[][] a, int n) {
        final int t = 32;
        for (int i0 = 0; i0 < n; i0 += t) {
            int i1 = Math.min(n, i0 + t);
            for (int j0 = i0; j0 < n; j0 += t) {
                int j1 = Math.min(n, j0 + t);
                for (int i = i0; i < i1; i++) {
                    final double[] ri = a[i];
                    for (int j = Math.max(j0, i); j < j1; j++) lower[j][i] = ri[j];
                }
            }
        }
    }

    /** True after a successful {@link #factor}. */
    public boolean isPositiveDefinite() {
        return ok;
    }

    /** Index of the pivot that broke down in the last {@link #factor}, or −1. */
    public int failedPivot() {
        return failedPivot;
    }

    /**
     * min_j d_j / g_jj over the pivots computed: the smallest squared sine of the angle between a
     * sample and the span of the previous samples (for G = HHᵀ). 1/minPivotRatio ≤ κ(G).
     */
    public double minPivotRatio() {
        return minPivotRatio;
    }

    /** Order of the last factored matrix. */
    public int order() {
        return n;
    }

    /** Writes U (n × n, zeros below the diagonal) into the rows of {@code out}. */
    public void copyUpperFactor(double[][] out) {
        requireOk();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) out[i][j] = j >= i ? u[i][j] : 0;
        }
    }

    private void requireOk() {
        if (!ok) throw new IllegalStateException("no successful factorization");
    }

    /**
     * Solves G x = b for {@code nrhs} right-hand sides, the rows x[0..nrhs−1] (each of length ≥ n):
     * every row b_c is replaced by G⁻¹ b_c (writes those rows). Forward substitution with Uᵀ then
     * backward substitution with U, both four pivots at a time in axpy form. With a pool the
     * right-hand sides are split over it.
     */
    public void solveRows(double[][] x, int nrhs, ForkJoinPool pool) {
        requireOk();
        if (x.length < nrhs) throw new IllegalArgumentException("fewer than " + nrhs + " right-hand sides");
        int parts = RangeParallel.parts(pool);
        if (pool == null || parts == 1 || nrhs < 2) {
            forward(x, 0, nrhs);
            backward(x, 0, nrhs);
            return;
        }
        if (rhsBoundsCount != nrhs || rhsBoundsParts != parts) {
            rhsBounds = RangeParallel.uniformBounds(0, nrhs, parts);
            rhsBoundsCount = nrhs;
            rhsBoundsParts = parts;
        }
        RangeParallel.forRanges(pool, rhsBounds, (c0, c1) -> {
            forward(x, c0, c1);
            backward(x, c0, c1);
        });
    }

    /** Solves G x = b for one right-hand side in place (writes b, length ≥ n). */
    public void solve(double[] b) {
        requireOk();
        double[][] one = {b};
        forward(one, 0, 1);
        backward(one, 0, 1);
    }

    /** Uᵀ z = b, in place on rows [c0, c1) of x. */
    private void forward(double[][] x, int c0, int c1) {
        final int n = this.n;
        final double[][] u = this.u;
        int j = 0;
        for (; j + 4 <= n; j += 4) {
            final double[] r0 = u[j], r1 = u[j + 1], r2 = u[j + 2], r3 = u[j + 3];
            final double d0 = invDiag[j], d1 = invDiag[j + 1], d2 = invDiag[j + 2], d3 = invDiag[j + 3];
            final double u01 = r0[j + 1], u02 = r0[j + 2], u03 = r0[j + 3];
            final double u12 = r1[j + 2], u13 = r1[j + 3], u23 = r2[j + 3];
            for (int c = c0; c < c1; c++) {
                final double[] xc = x[c];
                final double z0 = xc[j] * d0;
                final double z1 = (xc[j + 1] - u01 * z0) * d1;
                final double z2 = (xc[j + 2] - u02 * z0 - u12 * z1) * d2;
                final double z3 = (xc[j + 3] - u03 * z0 - u13 * z1 - u23 * z2) * d3;
                xc[j] = z0;
                xc[j + 1] = z1;
                xc[j + 2] = z2;
                xc[j + 3] = z3;
                if (z0 == 0 && z1 == 0 && z2 == 0 && z3 == 0) continue;
                for (int col = j + 4; col < n; col++) {
                    xc[col] -= z0 * r0[col] + z1 * r1[col] + z2 * r2[col] + z3 * r3[col];
                }
            }
        }
        for (; j < n; j++) {
            final double[] r0 = u[j];
            final double d0 = invDiag[j];
            for (int c = c0; c < c1; c++) {
                final double[] xc = x[c];
                final double z0 = xc[j] * d0;
                xc[j] = z0;
                for (int col = j + 1; col < n; col++) xc[col] -= z0 * r0[col];
            }
        }
    }

    /** U x = z, in place on rows [c0, c1) of x, using the rows of L = Uᵀ. */
    private void backward(double[][] x, int c0, int c1) {
        final int n = this.n;
        final double[][] l = this.lower;
        int j = n - 1;
        for (; j - 3 >= 0; j -= 4) {
            // pivots j, j−1, j−2, j−3
            final double[] r3 = l[j], r2 = l[j - 1], r1 = l[j - 2], r0 = l[j - 3];
            final double d3 = invDiag[j], d2 = invDiag[j - 1], d1 = invDiag[j - 2], d0 = invDiag[j - 3];
            final double u23 = r3[j - 1];       // U[j−1][j]
            final double u13 = r3[j - 2], u12 = r2[j - 2];
            final double u03 = r3[j - 3], u02 = r2[j - 3], u01 = r1[j - 3];
            final int end = j - 3;
            for (int c = c0; c < c1; c++) {
                final double[] xc = x[c];
                final double x3 = xc[j] * d3;
                final double x2 = (xc[j - 1] - u23 * x3) * d2;
                final double x1 = (xc[j - 2] - u12 * x2 - u13 * x3) * d1;
                final double x0 = (xc[j - 3] - u01 * x1 - u02 * x2 - u03 * x3) * d0;
                xc[j] = x3;
                xc[j - 1] = x2;
                xc[j - 2] = x1;
                xc[j - 3] = x0;
                for (int col = 0; col < end; col++) {
                    xc[col] -= x3 * r3[col] + x2 * r2[col] + x1 * r1[col] + x0 * r0[col];
                }
            }
        }
        for (; j >= 0; j--) {
            final double[] r = l[j];
            final double d = invDiag[j];
            for (int c = c0; c < c1; c++) {
                final double[] xc = x[c];
                final double xj = xc[j] * d;
                xc[j] = xj;
                for (int col = 0; col < j; col++) xc[col] -= xj * r[col];
            }
        }
    }

    /**
     * Estimates κ₂(G) = λ_max/λ_min from the factor: {@code iterations} power iterations on G = UᵀU
     * (start: the all-ones vector, the Perron direction of a nonnegative Gram matrix) and as many
     * inverse iterations (start: a fixed vector of mixed signs). Both Rayleigh quotients approach
     * their limits from inside, so the result is a lower bound of κ₂ that tightens with iterations.
     * Cost ≈ 2·iterations·n² multiply-adds. Needs two work arrays of length ≥ n (written).
     */
    public double estimateConditionNumber(int iterations, double[] work1, double[] work2) {
        requireOk();
        final int n = this.n;
        // λ_max by power iteration: w = U v, v' = Uᵀ w
        double[] v = work1, w = work2;
        double inv = 1.0 / Math.sqrt(n);
        for (int i = 0; i < n; i++) v[i] = inv;
        double lambdaMax = 0;
        for (int it = 0; it < Math.max(1, iterations); it++) {
            for (int i = 0; i < n; i++) w[i] = DenseKernels.dot(u[i], i, v, i, n - i);
            double q = DenseKernels.dot(w, 0, w, 0, n);   // vᵀGv with ‖v‖ = 1
            lambdaMax = Math.max(lambdaMax, q);
            java.util.Arrays.fill(v, 0, n, 0.0);
            for (int r = 0; r < n; r++) {
                final double s = w[r];
                final double[] ur = u[r];
                for (int c = r; c < n; c++) v[c] += s * ur[c];
            }
            double norm = Math.sqrt(DenseKernels.dot(v, 0, v, 0, n));
            if (!(norm > 0)) break;
            for (int i = 0; i < n; i++) v[i] /= norm;
        }
        // 1/λ_min by inverse iteration
        double sq = 0;
        for (int i = 0; i < n; i++) {
            v[i] = ((i * 7919) % 13 - 6) + 0.5 * Math.sin(i);
            sq += v[i] * v[i];
        }
        double s0 = 1 / Math.sqrt(sq);
        for (int i = 0; i < n; i++) v[i] *= s0;
        double invLambdaMin = 0;
        for (int it = 0; it < Math.max(1, iterations); it++) {
            System.arraycopy(v, 0, w, 0, n);
            solve(w);
            double q = DenseKernels.dot(v, 0, w, 0, n);   // vᵀG⁻¹v
            invLambdaMin = Math.max(invLambdaMin, q);
            double norm = Math.sqrt(DenseKernels.dot(w, 0, w, 0, n));
            if (!(norm > 0)) break;
            for (int i = 0; i < n; i++) v[i] = w[i] / norm;
        }
        return lambdaMax * invLambdaMin;
    }
}
