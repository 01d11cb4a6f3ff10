package org.grokbench.math;

import static org.grokbench.math.KernelTestSupport.random;
import static org.grokbench.math.KernelTestSupport.rows;
import static org.grokbench.math.KernelTestSupport.timesTranspose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** Rank decisions and row-space projections of the pivoted Cholesky, against EJML's SVD. */
class PivotedCholeskyTest {

    /** J (rows × d) with {@code rank} independent rows, the others combinations of them. */
    private static double[] lowRankRows(int rows, int rank, int d, long seed) {
        double[] basis = random(rank, d, 0, seed);
        double[] mix = random(rows, rank, 0, seed + 1);
        double[] j = new double[rows * d];
        for (int r = 0; r < rows; r++) {
            for (int t = 0; t < rank; t++) for (int c = 0; c < d; c++) j[r * d + c] += mix[r * rank + t] * basis[t * d + c];
        }
        return j;
    }

    /** (I − J⁺J)v from the pivoted factorization of JJᵀ. */
    private static double[] projectOut(double[] j, int rows, int d, double[] v) {
        double[][] g = rows(timesTranspose(j, rows, j, rows, d), rows, rows);
        PivotedCholesky pc = new PivotedCholesky();
        pc.factor(g, rows, -1);
        double[] jv = new double[rows];
        for (int r = 0; r < rows; r++) for (int c = 0; c < d; c++) jv[r] += j[r * d + c] * v[c];
        double[] mu = new double[rows];
        pc.solveOnPivots(jv, mu);
        double[] out = v.clone();
        for (int r = 0; r < rows; r++) for (int c = 0; c < d; c++) out[c] -= j[r * d + c] * mu[r];
        return out;
    }

    @Test
    void fullRankGramSolvesExactly() {
        int n = 45;
        double[] j = random(n, 80, 0, 3);
        double[] g = timesTranspose(j, n, j, n, 80);
        double[] b = random(1, n, 0, 4);
        PivotedCholesky pc = new PivotedCholesky();
        assertEquals(n, pc.factor(rows(g, n, n), n, -1));
        double[] x = new double[n];
        pc.solveOnPivots(b, x);
        DMatrixRMaj ref = new DMatrixRMaj(n, 1);
        CommonOps_DDRM.solve(new DMatrixRMaj(n, n, true, g), new DMatrixRMaj(n, 1, true, b), ref);
        for (int i = 0; i < n; i++) assertEquals(ref.get(i, 0), x[i], 1e-8 * (1 + Math.abs(ref.get(i, 0))));
    }

    @Test
    void rankOfDependentRowsIsFoundAndProjectionMatchesTheSvd() {
        int rows = 30, rank = 12, d = 50;
        double[] j = lowRankRows(rows, rank, d, 8);
        double[][] g = rows(timesTranspose(j, rows, j, rows, d), rows, rows);
        PivotedCholesky pc = new PivotedCholesky();
        assertEquals(rank, pc.factor(g, rows, -1));
        double[] v = random(1, d, 0, 9);
        double[] mine = projectOut(j, rows, d, v);
        double[] ref = ReferenceProjection.nullSpaceComponent(j, rows, d, v);
        for (int c = 0; c < d; c++) assertEquals(ref[c], mine[c], 1e-7);
        // the result is orthogonal to every row of J
        for (int r = 0; r < rows; r++) {
            double dot = 0, nr = 0;
            for (int c = 0; c < d; c++) {
                dot += j[r * d + c] * mine[c];
                nr += j[r * d + c] * j[r * d + c];
            }
            assertEquals(0, dot / Math.sqrt(nr), 1e-7);
        }
    }

    @Test
    void zeroMatrixHasRankZero() {
        PivotedCholesky pc = new PivotedCholesky();
        assertEquals(0, pc.factor(new double[4][4], 4, -1));
        double[] out = {1, 1, 1, 1};
        pc.solveOnPivots(new double[] {1, 2, 3, 4}, out);
        for (double v : out) assertEquals(0, v);
    }
}
