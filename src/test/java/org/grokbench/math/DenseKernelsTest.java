package org.grokbench.math;

import static org.grokbench.math.KernelTestSupport.random;
import static org.grokbench.math.KernelTestSupport.rows;
import static org.grokbench.math.KernelTestSupport.transposed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DenseKernelsTest {

    @Test
    void transposeMatchesTheDefinition() {
        double[] a = random(37, 70, 0, 1);
        double[] t = new double[a.length];
        DenseKernels.transpose(a, 37, 70, t);
        assertArrayEquals(transposed(a, 37, 70), t);
        double[][] tr = new double[70][37];
        DenseKernels.transpose(rows(a, 37, 70), 37, 70, tr);
        assertArrayEquals(t, KernelTestSupport.flat(tr, 70, 37));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4, 7, 37})
    void gemmAccumulateAddsTheProductOnAColumnRange(int k) {
        int m = 5, n = 23;
        double[] a = random(m, k, 0.2, 2), b = random(k, n, 0, 3), cf = random(m, n, 0, 4);
        double[] before = cf.clone();
        double[][] cr = rows(cf, m, n);
        DenseKernels.gemmAccumulate(rows(a, m, k), rows(b, k, n), cr, m, k, 4, 19);
        double[] c = KernelTestSupport.flat(cr, m, n);
        for (int r = 0; r < m; r++) {
            for (int j = 0; j < n; j++) {
                double e = before[r * n + j];
                if (j >= 4 && j < 19) for (int i = 0; i < k; i++) e += a[r * k + i] * b[i * n + j];
                assertEquals(e, c[r * n + j], 1e-13);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 11, 37})
    void combineRowsOverwritesWithTheWeightedSum(int rows) {
        int n = 17;
        double[] wAll = random(1, rows + 2, 0, 7), b = random(rows, n, 0, 8);
        double[] w = java.util.Arrays.copyOfRange(wAll, 2, rows + 2);
        double[] out = random(1, n, 0, 9);
        double[] before = out.clone();
        DenseKernels.combineRows(wAll, 2, rows(b, rows, n), rows, 3, 15, out);
        for (int j = 0; j < n; j++) {
            if (j < 3 || j >= 15) {
                assertEquals(before[j], out[j]);
                continue;
            }
            double e = 0;
            for (int t = 0; t < rows; t++) e += w[t] * b[t * n + j];
            assertEquals(e, out[j], 1e-13);
        }
    }

    @Test
    void dotAgreesWithTheDefinition() {
        double[] x = random(1, 30, 0, 1), a = random(5, 30, 0, 2);
        double e = 0;
        for (int j = 0; j < 23; j++) e += x[3 + j] * a[31 + j];
        assertEquals(e, DenseKernels.dot(x, 3, a, 31, 23), 1e-13);
    }

    @Test
    void reluMaskIsTheExactStepFunction() {
        assertEquals(0.0, DenseKernels.reluMask(-1e300));
        assertEquals(0.0, DenseKernels.reluMask(-0.0));
        assertEquals(0.0, DenseKernels.reluMask(0.0));
        assertEquals(1.0, DenseKernels.reluMask(Double.MIN_VALUE));
        assertEquals(1.0, DenseKernels.reluMask(1e-310));
        assertEquals(1.0, DenseKernels.reluMask(0.5));
        assertEquals(1.0, DenseKernels.reluMask(Double.MAX_VALUE));
    }
}
