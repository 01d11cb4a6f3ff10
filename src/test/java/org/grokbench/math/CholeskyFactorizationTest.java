package org.grokbench.math;

import static org.grokbench.math.KernelTestSupport.random;
import static org.grokbench.math.KernelTestSupport.rows;
import static org.grokbench.math.KernelTestSupport.spd;
import static org.grokbench.math.KernelTestSupport.timesTranspose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ForkJoinPool;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The blocked Cholesky against the definition GᵀU = G and EJML's solver. */
class CholeskyFactorizationTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 31, 32, 33, 70, 130})
    void factorReproducesTheMatrixAndSolvesLikeEjml(int n) {
        double[] g = spd(n, 0.1, 100 + n);
        double[][] a = rows(g, n, n);
        CholeskyFactorization chol = new CholeskyFactorization();
        assertTrue(chol.factor(a, n, CholeskyFactorization.defaultPivotTolerance(n), null));
        double[][] ur = new double[n][n];
        chol.copyUpperFactor(ur);
        double[] u = KernelTestSupport.flat(ur, n, n);
        double scale = KernelTestSupport.maxAbs(g);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int r = 0; r < n; r++) s += u[r * n + i] * u[r * n + j];
                assertEquals(g[i * n + j], s, 1e-12 * scale);
            }
        }
        int nrhs = 5;
        double[] bt = random(nrhs, n, 0, 7);
        double[][] xr = rows(bt, nrhs, n);
        chol.solveRows(xr, nrhs, null);
        double[] x = KernelTestSupport.flat(xr, nrhs, n);
        double[] single = java.util.Arrays.copyOfRange(bt, 0, n);
        chol.solve(single);
        assertArrayEquals(xr[0], single);
        DMatrixRMaj gm = new DMatrixRMaj(n, n, true, g);
        DMatrixRMaj b = new DMatrixRMaj(n, nrhs);
        for (int c = 0; c < nrhs; c++) for (int i = 0; i < n; i++) b.set(i, c, bt[c * n + i]);
        DMatrixRMaj ref = new DMatrixRMaj(n, nrhs);
        assertTrue(CommonOps_DDRM.solve(gm, b, ref));
        for (int c = 0; c < nrhs; c++) {
            for (int i = 0; i < n; i++) assertEquals(ref.get(i, c), x[c * n + i], 1e-9 * (1 + Math.abs(ref.get(i, c))));
        }
    }

    @Test
    void parallelFactorAndSolveAreBitForBitSequential() {
        int n = 300;
        double[] g = spd(n, 0.5, 9);
        double[][] a1 = rows(g, n, n), a2 = rows(g, n, n);
        CholeskyFactorization c1 = new CholeskyFactorization(), c2 = new CholeskyFactorization();
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            assertTrue(c1.factor(a1, n, 1e-13, null));
            assertTrue(c2.factor(a2, n, 1e-13, pool));
            for (int i = 0; i < n; i++) assertArrayEquals(a1[i], a2[i]);
            double[] b = random(7, n, 0, 3);
            double[][] b1 = rows(b, 7, n), b2 = rows(b, 7, n);
            c1.solveRows(b1, 7, null);
            c2.solveRows(b2, 7, pool);
            for (int i = 0; i < 7; i++) assertArrayEquals(b1[i], b2[i]);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aDuplicatedSampleIsReportedAtItsPivot() {
        int n = 40, m = 60;
        double[] h = random(n, m, 0.5, 4);
        System.arraycopy(h, 7 * m, h, 23 * m, m);   // sample 23 = sample 7: HHᵀ singular
        double[][] g = rows(timesTranspose(h, n, h, n, m), n, n);
        CholeskyFactorization chol = new CholeskyFactorization();
        assertFalse(chol.factor(g, n, CholeskyFactorization.defaultPivotTolerance(n), null));
        assertFalse(chol.isPositiveDefinite());
        assertEquals(23, chol.failedPivot());
    }

    @Test
    void moreSamplesThanFeaturesIsNotPositiveDefinite() {
        int n = 30, m = 20;
        double[] h = random(n, m, 0, 5);
        double[][] g = rows(timesTranspose(h, n, h, n, m), n, n);
        CholeskyFactorization chol = new CholeskyFactorization();
        assertFalse(chol.factor(g, n, CholeskyFactorization.defaultPivotTolerance(n), null));
        assertEquals(m, chol.failedPivot(), "the first pivot beyond the rank breaks down");
    }

    @Test
    void indefiniteAndNanMatricesFail() {
        double[][] a = {{1, 2}, {2, 1}};
        CholeskyFactorization chol = new CholeskyFactorization();
        assertFalse(chol.factor(a, 2, 0, null));
        assertEquals(1, chol.failedPivot());
        double[][] b = {{Double.NaN, 0}, {0, 1}};
        assertFalse(chol.factor(b, 2, 0, null));
        assertEquals(0, chol.failedPivot());
    }

    @Test
    void conditionEstimateIsALowerBoundThatTightens() {
        int n = 60;
        double[] g = spd(n, 1e-3, 21);
        DMatrixRMaj gm = new DMatrixRMaj(n, n, true, g);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        assertTrue(eig.decompose(gm.copy()));
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (int i = 0; i < n; i++) {
            double v = eig.getEigenvalue(i).real;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double kappa = hi / lo;
        CholeskyFactorization chol = new CholeskyFactorization();
        assertTrue(chol.factor(rows(g, n, n), n, 0, null));
        double[] w1 = new double[n], w2 = new double[n];
        double est4 = chol.estimateConditionNumber(4, w1, w2);
        double est200 = chol.estimateConditionNumber(200, w1, w2);
        assertTrue(est4 <= kappa * (1 + 1e-9), "lower bound: " + est4 + " vs " + kappa);
        assertTrue(est200 <= kappa * (1 + 1e-9));
        assertTrue(est200 >= 0.9 * kappa, "converges: " + est200 + " vs " + kappa);
        assertTrue(est4 >= 0.01 * kappa, "already the right magnitude: " + est4 + " vs " + kappa);
        assertTrue(chol.minPivotRatio() > 0 && 1 / chol.minPivotRatio() <= kappa * (1 + 1e-9));
    }
}
