package org.grokbench.math;

import static org.grokbench.math.KernelTestSupport.random;
import static org.grokbench.math.KernelTestSupport.rows;
import static org.grokbench.math.KernelTestSupport.timesTranspose;
import static org.grokbench.math.KernelTestSupport.transposed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** SYRK against the naive product H Hᵀ, for shapes that exercise every remainder path. */
class GramKernelsTest {

    @ParameterizedTest
    @CsvSource({"1,1,0", "5,3,0", "37,70,0.5", "70,130,0.5", "64,64,0", "33,200,0.9"})
    void upperTriangleEqualsTheNaiveGram(int n, int m, double zeros) {
        double[] h = random(n, m, zeros, 11 + n);
        double[][] ht = rows(transposed(h, n, m), m, n);
        double[] expected = timesTranspose(h, n, h, n, m);
        double[][] g = new double[n][n];
        for (double[] row : g) java.util.Arrays.fill(row, Double.NaN);   // lower triangle must stay untouched
        GramKernels.upperGram(ht, m, n, g);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (j >= i) assertEquals(expected[i * n + j], g[i][j], 1e-12 * (1 + Math.abs(expected[i * n + j])));
                else assertEquals(Double.NaN, g[i][j]);
            }
        }
        GramKernels.mirrorUpperToLower(g, n);
        for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) assertEquals(g[j][i], g[i][j]);
    }

    @Test
    void parallelResultIsBitForBitTheSequentialOne() {
        int n = 150, m = 90;
        double[][] ht = rows(transposed(random(n, m, 0.5, 3), n, m), m, n);
        double[][] seq = new double[n][n], par = new double[n][n];
        GramKernels.upperGram(ht, m, n, seq);
        ForkJoinPool pool = new ForkJoinPool(3);
        try {
            GramKernels.upperGram(ht, m, n, par, pool, RangeParallel.triangularBounds(0, n, n, 3));
        } finally {
            pool.shutdown();
        }
        for (int i = 0; i < n; i++) assertArrayEquals(seq[i], par[i]);
    }

    @Test
    void rankUpdateRowSubtractsScaledOuterProducts() {
        int n = 9, rows = 6;
        double[][] src = rows(random(rows, n, 0, 5), rows, n);
        double[] dst = random(1, n, 0, 6);
        double[] before = dst.clone();
        int i = 2;
        GramKernels.rankUpdateRow(src, 1, 6, -0.5, dst, i, n);
        for (int c = 0; c < n; c++) {
            double expected = before[c];
            if (c >= i) for (int r = 1; r < 6; r++) expected -= 0.5 * src[r][i] * src[r][c];
            assertEquals(expected, dst[c], 1e-14);
        }
        double[] dst2 = before.clone();
        GramKernels.rankUpdateRow(src, new int[] {5, 1, 3, 2, 4}, 5, -0.5, dst2, i, n);
        for (int c = 0; c < n; c++) assertEquals(dst[c], dst2[c], 1e-14, "index-list form");
    }
}
