package org.grokbench.math;

/**
 * Dense kernels written for the HotSpot C2 auto-vectorizer: inner loops run along rows and update
 * one destination row with up to four source rows per pass ("axpy form"). Matrices are row arrays
 * ({@code double[][]}), because C2 vectorizes only loops whose arrays share one index expression
 * (see {@link GramKernels}). None allocates. Each method states the formula and what it writes.
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

    /** dst[j][i] = src[i][j] for i &lt; rows, j &lt; cols (writes the first cols rows of dst). Tiled. */
    public static void transpose(double[][] src, int rows, int cols, double[][] dst) {
        for (int i0 = 0; i0 < rows; i0 += TILE) {
            int i1 = Math.min(rows, i0 + TILE);
            for (int j0 = 0; j0 < cols; j0 += TILE) {
                int j1 = Math.min(cols, j0 + TILE);
                for (int i = i0; i < i1; i++) {
                    final double[] s = src[i];
                    for (int j = j0; j < j1; j++) dst[j][i] = s[j];
                }
            }
        }
    }

    /**
     * C[r][j0..j1) += Σ_{i<k} A[r][i]·B[i][j0..j1) for r &lt; m: the column range [j0, j1) of C = C + A·B
     * with A (m × k), B (k × ·) and C (m × ·) as row arrays. Writes that range of the first m rows of
     * {@code c}; reads a and b.
     *
     * <p>Loop order i (blocks of four) → r → j: four rows of B stay in L1 while every row of C is
     * updated once per block, so C is loaded and stored k/4 times instead of k times.
     */
    public static void gemmAccumulate(double[][] a, double[][] b, double[][] c, int m, int k, int j0, int j1) {
        int i = 0;
        for (; i + 4 <= k; i += 4) {
            final double[] b0 = b[i], b1 = b[i + 1], b2 = b[i + 2], b3 = b[i + 3];
            for (int r = 0; r < m; r++) {
                final double[] ar = a[r];
                final double a0 = ar[i], a1 = ar[i + 1], a2 = ar[i + 2], a3 = ar[i + 3];
                final double[] cr = c[r];
                for (int j = j0; j < j1; j++) cr[j] += a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
            }
        }
        for (; i < k; i++) {
            final double[] b0 = b[i];
            for (int r = 0; r < m; r++) {
                final double a0 = a[r][i];
                final double[] cr = c[r];
                for (int j = j0; j < j1; j++) cr[j] += a0 * b0[j];
            }
        }
    }

    /**
     * Linear combination of rows: out[j] = Σ_{t<rows} w[wo + t]·b[t][j] for j ∈ [j0, j1). Overwrites
     * out[j0..j1); reads w and b.
     */
    public static void combineRows(double[] w, int wo, double[][] b, int rows, int j0, int j1, double[] out) {
        int t = 0;
        if (rows >= 4) {
            final double w0 = w[wo], w1 = w[wo + 1], w2 = w[wo + 2], w3 = w[wo + 3];
            final double[] b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3];
            for (int j = j0; j < j1; j++) out[j] = w0 * b0[j] + w1 * b1[j] + w2 * b2[j] + w3 * b3[j];
            t = 4;
        } else {
            for (int j = j0; j < j1; j++) out[j] = 0;
        }
        for (; t + 4 <= rows; t += 4) {
            final double w0 = w[wo + t], w1 = w[wo + t + 1], w2 = w[wo + t + 2], w3 = w[wo + t + 3];
            final double[] b0 = b[t], b1 = b[t + 1], b2 = b[t + 2], b3 = b[t + 3];
            for (int j = j0; j < j1; j++) out[j] += w0 * b0[j] + w1 * b1[j] + w2 * b2[j] + w3 * b3[j];
        }
        int rest = rows - t;
        if (rest == 3) {
            final double w0 = w[wo + t], w1 = w[wo + t + 1], w2 = w[wo + t + 2];
            final double[] b0 = b[t], b1 = b[t + 1], b2 = b[t + 2];
            for (int j = j0; j < j1; j++) out[j] += w0 * b0[j] + w1 * b1[j] + w2 * b2[j];
        } else if (rest == 2) {
            final double w0 = w[wo + t], w1 = w[wo + t + 1];
            final double[] b0 = b[t], b1 = b[t + 1];
            for (int j = j0; j < j1; j++) out[j] += w0 * b0[j] + w1 * b1[j];
        } else if (rest == 1) {
            final double w0 = w[wo + t];
            final double[] b0 = b[t];
            for (int j = j0; j < j1; j++) out[j] += w0 * b0[j];
        }
    }

    /**
     * The ReLU derivative as a factor, without a branch: 1 for x &gt; 0, 0 for x ≤ 0 (exact for every
     * finite x: the two scalings by 2⁶⁰⁰ lift the smallest subnormal above 1). Written with
     * Math.max/min and products so that loops using it vectorize.
     */
    public static double reluMask(double x) {
        return Math.min(Math.max(x, 0.0) * 0x1p600 * 0x1p600, 1.0);
    }

    /**
     * The ReLU derivative from the ReLU output h = max(z, 0) ≥ 0: 1 for h &gt; 0, 0 for h = 0, without
     * a branch (one min and two products; cheaper than {@link #reluMask} when h is at hand).
     */
    public static double positiveMask(double h) {
        return Math.min(h * 0x1p600 * 0x1p600, 1.0);
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
