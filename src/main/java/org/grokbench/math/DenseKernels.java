package org.grokbench.math;

/**
 * Dense row-major kernels on {@code double[]} written for the HotSpot C2 auto-vectorizer: inner
 * loops run along contiguous rows and update one destination row with up to four source rows per
 * pass ("axpy form"). None allocates. Each method states the formula and the argument it writes.
 */
public final class DenseKernels {
    private DenseKernels() {}

    private static final int TILE = 32;

    /**
     * dst ← srcᵀ: dst[j·rows + i] = src[i·cols + j] for the row-major rows × cols matrix {@code src}
     * (writes dst, cols × rows; the arrays must differ). Tiled for cache locality.
     */
    public static void transpose(double[] src, int rows, int cols, double[] dst) {
        for (int i0 = 0; i0 < rows; i0 += TILE) {
            int i1 = Math.min(rows, i0 + TILE);
            for (int j0 = 0; j0 < cols; j0 += TILE) {
                int j1 = Math.min(cols, j0 + TILE);
                for (int i = i0; i < i1; i++) {
                    int s = i * cols;
                    for (int j = j0; j < j1; j++) dst[j * rows + i] = src[s + j];
                }
            }
        }
    }

    /**
     * C[·][j0..j1) += A·B[·][j0..j1) for row-major A (m × k, leading dimension lda), B (k × ·, ldb) and
     * C (m × ·, ldc): c[r·ldc + j] += Σ_{i<k} a[r·lda + i]·b[i·ldb + j]. Writes the column range
     * [j0, j1) of the m rows of {@code c}; reads a and b.
     *
     * <p>Loop order i (blocks of four) → r → j: four rows of B stay in L1 while every row of C is
     * updated once per block, so C is loaded and stored k/4 times instead of k times.
     */
    public static void gemmAccumulate(double[] a, int lda, double[] b, int ldb, double[] c, int ldc,
                                      int m, int k, int j0, int j1) {
        int i = 0;
        for (; i + 4 <= k; i += 4) {
            final int b0 = i * ldb, b1 = b0 + ldb, b2 = b1 + ldb, b3 = b2 + ldb;
            for (int r = 0; r < m; r++) {
                final int ar = r * lda + i;
                final double a0 = a[ar], a1 = a[ar + 1], a2 = a[ar + 2], a3 = a[ar + 3];
                if (a0 == 0 && a1 == 0 && a2 == 0 && a3 == 0) continue;
                final int cr = r * ldc;
                for (int j = j0; j < j1; j++) {
                    c[cr + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
                }
            }
        }
        for (; i < k; i++) {
            final int b0 = i * ldb;
            for (int r = 0; r < m; r++) {
                final double a0 = a[r * lda + i];
                if (a0 == 0) continue;
                final int cr = r * ldc;
                for (int j = j0; j < j1; j++) c[cr + j] += a0 * b[b0 + j];
            }
        }
    }

    /**
     * Linear combination of rows: out[j] = Σ_{t<rows} w_t·b[t·ldb + j] for j ∈ [j0, j1), with weights
     * w_t = coef[coefOffset + t·coefStride]. Overwrites out[j0..j1); reads coef and b.
     */
    public static void combineRows(double[] coef, int coefOffset, int coefStride, double[] b, int ldb, int rows,
                                   int j0, int j1, double[] out) {
        int t = 0;
        if (rows >= 4) {
            final double w0 = coef[coefOffset], w1 = coef[coefOffset + coefStride];
            final double w2 = coef[coefOffset + 2 * coefStride], w3 = coef[coefOffset + 3 * coefStride];
            final int o1 = ldb, o2 = 2 * ldb, o3 = 3 * ldb;
            for (int j = j0; j < j1; j++) out[j] = w0 * b[j] + w1 * b[o1 + j] + w2 * b[o2 + j] + w3 * b[o3 + j];
            t = 4;
        } else {
            for (int j = j0; j < j1; j++) out[j] = 0;
        }
        for (; t + 4 <= rows; t += 4) {
            final int q = coefOffset + t * coefStride;
            final double w0 = coef[q], w1 = coef[q + coefStride], w2 = coef[q + 2 * coefStride], w3 = coef[q + 3 * coefStride];
            final int o0 = t * ldb, o1 = o0 + ldb, o2 = o1 + ldb, o3 = o2 + ldb;
            for (int j = j0; j < j1; j++) out[j] += w0 * b[o0 + j] + w1 * b[o1 + j] + w2 * b[o2 + j] + w3 * b[o3 + j];
        }
        for (; t < rows; t++) {
            final double w0 = coef[coefOffset + t * coefStride];
            final int o0 = t * ldb;
            for (int j = j0; j < j1; j++) out[j] += w0 * b[o0 + j];
        }
    }

    /**
     * Four dot products against one row: s_t = Σ_{j ∈ [j0, j1)} x[j]·a[o_t + j] for t = 0..3 (o_t = oN),
     * written to out[outOffset + t]. Reads x and a; writes four entries of {@code out}.
     */
    public static void dot4(double[] x, double[] a, int o0, int o1, int o2, int o3, int j0, int j1,
                            double[] out, int outOffset) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (int j = j0; j < j1; j++) {
            final double v = x[j];
            s0 += v * a[o0 + j];
            s1 += v * a[o1 + j];
            s2 += v * a[o2 + j];
            s3 += v * a[o3 + j];
        }
        out[outOffset] = s0;
        out[outOffset + 1] = s1;
        out[outOffset + 2] = s2;
        out[outOffset + 3] = s3;
    }

    /** Σ_{j < len} a[ao + j]·b[bo + j], summed in four interleaved partial sums (reads only). */
    public static double dot(double[] a, int ao, double[] b, int bo, int len) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int j = 0;
        for (; j + 4 <= len; j += 4) {
            s0 += a[ao + j] * b[bo + j];
            s1 += a[ao + j + 1] * b[bo + j + 1];
            s2 += a[ao + j + 2] * b[bo + j + 2];
            s3 += a[ao + j + 3] * b[bo + j + 3];
        }
        for (; j < len; j++) s0 += a[ao + j] * b[bo + j];
        return (s0 + s1) + (s2 + s3);
    }
}
