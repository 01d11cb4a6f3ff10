package org.grokbench.math;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

/**
 * Symmetric rank-k kernels (BLAS SYRK) on row-array matrices ({@code double[][]}, one array per
 * row), written so that the HotSpot C2 compiler vectorizes the innermost loop.
 *
 * <p><b>Why rows and not one flat array.</b> C2 (JDK 17) vectorizes a loop like
 * {@code d[c] += a0*s0[c] + a1*s1[c]} where every array is indexed by the same loop variable, but
 * not {@code g[di + c] += a0*h[o0 + c]} on flat storage: with differing invariant offsets it cannot
 * rule out an overlap between the store and the loads and keeps the loop scalar (measured here:
 * the same SYRK runs 1.7× faster on row arrays). All hot kernels of this package therefore take
 * row arrays; flat ↔ row copies cost O(size) and are done once per step.
 *
 * <p>The Gram matrix G = H Hᵀ of an n × m matrix H (n samples, m features) is computed from the
 * transposed rows Hᵀ (m rows of length n): G = Σ_r h_r h_rᵀ, a sum of m outer products of the rows
 * h_r. Only the upper triangle (j ≥ i) of G is written.
 */
public final class GramKernels {
    private GramKernels() {}

    /** Rows of Hᵀ processed per sweep over the rows of G (64 rows of 492 doubles ≈ 250 KB, L2-sized). */
    static final int FEATURE_BLOCK = 64;

    /**
     * Upper triangle of G = H Hᵀ from Hᵀ: g[i][j] = Σ_{r<m} ht[r][i]·ht[r][j] for 0 ≤ i ≤ j &lt; n.
     * Writes only g[i][i..n−1] for every i; reads the first m rows of {@code ht} (each of length ≥ n).
     *
     * @param bounds row ranges of G handled as one task each (from {@link RangeParallel#triangularBounds});
     *               with a null pool they run one after the other. Results do not depend on the split.
     */
    public static void upperGram(double[][] ht, int m, int n, double[][] g, ForkJoinPool pool, int[] bounds) {
        RangeParallel.forRanges(pool, bounds, (i0, i1) -> upperGramRows(ht, m, n, g, i0, i1));
    }

    /** Sequential {@link #upperGram}. */
    public static void upperGram(double[][] ht, int m, int n, double[][] g) {
        upperGramRows(ht, m, n, g, 0, n);
    }

    /**
     * Rows [i0, i1) of the upper triangle of G. Exact zeros of column i of Hᵀ are skipped: for row i
     * only the features r with h_ri ≠ 0 contribute to g_ij = Σ_r h_ri h_rj, so a ReLU layer with half
     * of its activations at zero costs half the multiply-adds. Features are taken in blocks of
     * {@value #FEATURE_BLOCK} rows of Hᵀ, which stay in the L2 cache while the rows of G are updated.
     */
    static void upperGramRows(double[][] ht, int m, int n, double[][] g, int i0, int i1) {
        for (int i = i0; i < i1; i++) Arrays.fill(g[i], i, n, 0.0);
        final int[] idx = new int[FEATURE_BLOCK];
        for (int r0 = 0; r0 < m; r0 += FEATURE_BLOCK) {
            final int r1 = Math.min(m, r0 + FEATURE_BLOCK);
            for (int i = i0; i < i1; i++) {
                int cnt = 0;
                for (int r = r0; r < r1; r++) {   // branch-free: half the tests go each way at random
                    idx[cnt] = r;
                    cnt += ht[r][i] != 0 ? 1 : 0;
                }
                rankUpdateRow(ht, idx, cnt, 1.0, g[i], i, n);
            }
        }
    }

    /**
     * One row of a symmetric rank update, upper part only:
     * dst[c] += α·Σ_{t<cnt} src[r_t][i]·src[r_t][c] for c ∈ [i, n), with r_t = rows[t].
     * Writes {@code dst} (row i of the destination, which must not be one of the source rows).
     */
    public static void rankUpdateRow(double[][] src, int[] rows, int cnt, double alpha, double[] dst, int i, int n) {
        int t = 0;
        for (; t + 4 <= cnt; t += 4) {
            final double[] s0 = src[rows[t]], s1 = src[rows[t + 1]], s2 = src[rows[t + 2]], s3 = src[rows[t + 3]];
            final double a0 = alpha * s0[i], a1 = alpha * s1[i], a2 = alpha * s2[i], a3 = alpha * s3[i];
            for (int c = i; c < n; c++) dst[c] += a0 * s0[c] + a1 * s1[c] + a2 * s2[c] + a3 * s3[c];
        }
        for (; t < cnt; t++) {
            final double[] s0 = src[rows[t]];
            final double a0 = alpha * s0[i];
            for (int c = i; c < n; c++) dst[c] += a0 * s0[c];
        }
    }

    /**
     * Contiguous-rows form of {@link #rankUpdateRow}: dst[c] += α·Σ_{r ∈ [r0, r1)} src[r][i]·src[r][c]
     * for c ∈ [i, n). Writes {@code dst}.
     */
    public static void rankUpdateRow(double[][] src, int r0, int r1, double alpha, double[] dst, int i, int n) {
        int r = r0;
        for (; r + 4 <= r1; r += 4) {
            final double[] s0 = src[r], s1 = src[r + 1], s2 = src[r + 2], s3 = src[r + 3];
            final double a0 = alpha * s0[i], a1 = alpha * s1[i], a2 = alpha * s2[i], a3 = alpha * s3[i];
            for (int c = i; c < n; c++) dst[c] += a0 * s0[c] + a1 * s1[c] + a2 * s2[c] + a3 * s3[c];
        }
        for (; r < r1; r++) {
            final double[] s0 = src[r];
            final double a0 = alpha * s0[i];
            for (int c = i; c < n; c++) dst[c] += a0 * s0[c];
        }
    }

    /** Copies the upper triangle of the n × n row matrix {@code a} onto its lower triangle (writes a). */
    public static void mirrorUpperToLower(double[][] a, int n) {
        for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) a[i][j] = a[j][i];
    }
}
