package org.grokbench.math;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

/**
 * Symmetric rank-k kernels (BLAS SYRK) on row-major {@code double[]} storage, written so that the
 * HotSpot C2 compiler vectorizes the innermost loop: every inner loop is an "axpy" along one
 * contiguous row, y[c] += Σ_t a_t·x_t[c], with four source rows folded into one pass to save loads
 * and stores of y.
 *
 * <p>The Gram matrix G = H Hᵀ of an n × m matrix H (n samples, m features) is computed from the
 * transposed storage Hᵀ (m × n row-major, one feature per row): G = Σ_r h_r h_rᵀ, a sum of m outer
 * products of contiguous rows h_r = Hᵀ[r, ·]. Only the upper triangle (j ≥ i) of G is written.
 */
public final class GramKernels {
    private GramKernels() {}

    /** Rows of Hᵀ processed per sweep over the rows of G (64 rows of 492 doubles ≈ 250 KB, L2-sized). */
    static final int FEATURE_BLOCK = 64;

    /**
     * Upper triangle of G = H Hᵀ from Hᵀ: g[i·n + j] = Σ_{r<m} ht[r·n + i]·ht[r·n + j] for 0 ≤ i ≤ j < n.
     * Writes only the upper triangle (diagonal included) of {@code g}; reads {@code ht} (m × n).
     *
     * @param bounds row ranges of G handled as one task each (from {@link RangeParallel#triangularBounds});
     *               with a null pool they run one after the other. Results do not depend on the split.
     */
    public static void upperGramFromTransposed(double[] ht, int m, int n, double[] g, ForkJoinPool pool, int[] bounds) {
        if (ht.length < (long) m * n || g.length < (long) n * n) throw new IllegalArgumentException("array too short");
        RangeParallel.forRanges(pool, bounds, (i0, i1) -> upperGramRows(ht, m, n, g, i0, i1));
    }

    /** Sequential {@link #upperGramFromTransposed}. */
    public static void upperGramFromTransposed(double[] ht, int m, int n, double[] g) {
        upperGramRows(ht, m, n, g, 0, n);
    }

    /** Rows [i0, i1) of the upper triangle of G = (Hᵀ)ᵀ Hᵀ (writes g[i·n + j], j ≥ i, i ∈ [i0, i1)). */
    static void upperGramRows(double[] ht, int m, int n, double[] g, int i0, int i1) {
        for (int i = i0; i < i1; i++) Arrays.fill(g, i * n + i, i * n + n, 0.0);
        for (int r0 = 0; r0 < m; r0 += FEATURE_BLOCK) {
            int r1 = Math.min(m, r0 + FEATURE_BLOCK);
            for (int i = i0; i < i1; i++) rankUpdateRow(ht, n, r0, r1, 1.0, g, n, i, n);
        }
    }

    /**
     * One row of a symmetric rank update, upper part only:
     * dst[i·ldd + c] += α·Σ_{r ∈ [r0, r1)} src[r·lds + i]·src[r·lds + c] for c ∈ [i, n).
     * Writes row i of {@code dst} (columns i..n−1); reads rows r0..r1−1 of {@code src}, which must not
     * overlap that row.
     */
    public static void rankUpdateRow(double[] src, int lds, int r0, int r1, double alpha,
                                     double[] dst, int ldd, int i, int n) {
        final int di = i * ldd;
        int r = r0;
        for (; r + 4 <= r1; r += 4) {
            final int o0 = r * lds, o1 = o0 + lds, o2 = o1 + lds, o3 = o2 + lds;
            final double a0 = alpha * src[o0 + i], a1 = alpha * src[o1 + i];
            final double a2 = alpha * src[o2 + i], a3 = alpha * src[o3 + i];
            for (int c = i; c < n; c++) {
                dst[di + c] += a0 * src[o0 + c] + a1 * src[o1 + c] + a2 * src[o2 + c] + a3 * src[o3 + c];
            }
        }
        for (; r < r1; r++) {
            final int o0 = r * lds;
            final double a0 = alpha * src[o0 + i];
            for (int c = i; c < n; c++) dst[di + c] += a0 * src[o0 + c];
        }
    }

    /** Copies the upper triangle of the row-major n × n matrix {@code a} onto its lower triangle (writes a). */
    public static void mirrorUpperToLower(double[] a, int n) {
        for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) a[i * n + j] = a[j * n + i];
    }
}
