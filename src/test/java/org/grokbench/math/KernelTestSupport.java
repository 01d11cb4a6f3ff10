package org.grokbench.math;

import java.util.SplittableRandom;

/** Small helpers shared by the kernel tests: seeded random matrices and naive reference products. */
final class KernelTestSupport {
    private KernelTestSupport() {}

    /** A rows × cols matrix of N(0,1)-ish entries (sum of uniforms), with {@code zeroFraction} of them set to 0. */
    static double[] random(int rows, int cols, double zeroFraction, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] a = new double[rows * cols];
        for (int i = 0; i < a.length; i++) {
            double v = rng.nextDouble() + rng.nextDouble() + rng.nextDouble() - 1.5;
            a[i] = rng.nextDouble() < zeroFraction ? 0 : v;
        }
        return a;
    }

    /** Naive C = A·Bᵀ for row-major A (n × m) and B (r × m). */
    static double[] timesTranspose(double[] a, int n, double[] b, int r, int m) {
        double[] c = new double[n * r];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < r; j++) {
                double s = 0;
                for (int t = 0; t < m; t++) s += a[i * m + t] * b[j * m + t];
                c[i * r + j] = s;
            }
        }
        return c;
    }

    /** Transpose of a row-major rows × cols matrix. */
    static double[] transposed(double[] a, int rows, int cols) {
        double[] t = new double[rows * cols];
        for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) t[j * rows + i] = a[i * cols + j];
        return t;
    }

    /** A symmetric positive definite n × n matrix H Hᵀ + shift·I with H random n × (n + 5). */
    static double[] spd(int n, double shift, long seed) {
        int m = n + 5;
        double[] h = random(n, m, 0, seed);
        double[] g = timesTranspose(h, n, h, n, m);
        for (int i = 0; i < n; i++) g[i * n + i] += shift;
        return g;
    }

    /** Row arrays of a row-major rows × cols matrix (copies). */
    static double[][] rows(double[] a, int rows, int cols) {
        double[][] r = new double[rows][];
        for (int i = 0; i < rows; i++) r[i] = java.util.Arrays.copyOfRange(a, i * cols, i * cols + cols);
        return r;
    }

    /** Row-major copy of the first rows × cols block of a row matrix. */
    static double[] flat(double[][] a, int rows, int cols) {
        double[] f = new double[rows * cols];
        for (int i = 0; i < rows; i++) System.arraycopy(a[i], 0, f, i * cols, cols);
        return f;
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) m = Math.max(m, Math.abs(v));
        return m;
    }
}
