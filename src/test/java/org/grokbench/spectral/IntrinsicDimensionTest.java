package org.grokbench.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class IntrinsicDimensionTest {

    /** n points uniform on a d-dimensional unit cube, rotated into D dimensions by a random orthonormal frame. */
    static double[][] embeddedCube(int n, int d, int big, long seed) {
        Random rng = new Random(seed);
        double[][] frame = new double[d][big];
        for (int i = 0; i < d; i++) {
            for (int c = 0; c < big; c++) frame[i][c] = rng.nextGaussian();
            for (int j = 0; j < i; j++) {
                double dot = 0;
                for (int c = 0; c < big; c++) dot += frame[i][c] * frame[j][c];
                for (int c = 0; c < big; c++) frame[i][c] -= dot * frame[j][c];
            }
            double norm = 0;
            for (int c = 0; c < big; c++) norm += frame[i][c] * frame[i][c];
            norm = Math.sqrt(norm);
            for (int c = 0; c < big; c++) frame[i][c] /= norm;
        }
        double[][] x = new double[n][big];
        for (int p = 0; p < n; p++) {
            for (int i = 0; i < d; i++) {
                double u = rng.nextDouble();
                for (int c = 0; c < big; c++) x[p][c] += u * frame[i][c];
            }
        }
        return x;
    }

    static double[][] gaussian(int n, int d, long seed) {
        Random rng = new Random(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) for (int c = 0; c < d; c++) row[c] = rng.nextGaussian();
        return x;
    }

    @Test
    void planeInTenDimensionsIsTwo() {
        double[][] x = embeddedCube(1000, 2, 10, 1);
        assertEquals(2, IntrinsicDimension.twoNn(x), 0.2);
        assertEquals(2, IntrinsicDimension.mle(x, 10), 0.2);
        assertEquals(2, IntrinsicDimension.mle(x, 2), 0.2);
    }

    @Test
    void fiveDimensionalGaussianIsFive() {
        double[][] x = gaussian(1000, 5, 2);
        assertEquals(5, IntrinsicDimension.twoNn(x), 0.5);
        assertEquals(5, IntrinsicDimension.mle(x, 10), 0.5);
        // the mean of per-point estimates carries Levina and Bickel's known bias (k − 1)/(k − 2)
        assertEquals(5 * 9.0 / 8, IntrinsicDimension.mle(x, 10, IntrinsicDimension.Averaging.LEVINA_BICKEL), 0.5);
    }

    /** A helix (1-D) bent through 3-D space: both see 1, not the 3 of the ambient space. */
    @Test
    void helixIsOne() {
        double[][] x = new double[600][3];
        Random rng = new Random(8);
        for (int i = 0; i < x.length; i++) {
            double t = 4 * Math.PI * rng.nextDouble();
            x[i] = new double[] {Math.cos(t), Math.sin(t), 0.3 * t};
        }
        assertEquals(1, IntrinsicDimension.twoNn(x), 0.15);
        assertEquals(1, IntrinsicDimension.mle(x, 5), 0.15);
    }

    /** The estimate does not depend on scale, translation or the order of the points. */
    @Test
    void invariantUnderSimilarity() {
        double[][] x = gaussian(300, 3, 4);
        double[][] y = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double[] r = x[x.length - 1 - i];
            y[i] = new double[] {7 * r[0] + 1, 7 * r[1] - 2, 7 * r[2] + 3};
        }
        assertEquals(IntrinsicDimension.twoNn(x), IntrinsicDimension.twoNn(y), 1e-9);
        assertEquals(IntrinsicDimension.mle(x, 8), IntrinsicDimension.mle(y, 8), 1e-9);
    }

    @Test
    void duplicatesAndTinySetsAreHandled() {
        double[][] x = gaussian(200, 2, 5);
        double[][] withDup = java.util.Arrays.copyOf(x, 201);
        withDup[200] = x[0].clone();
        assertTrue(Math.abs(IntrinsicDimension.twoNn(withDup) - IntrinsicDimension.twoNn(x)) < 0.2);
        assertTrue(Double.isNaN(IntrinsicDimension.twoNn(new double[][] {{0, 0}, {1, 0}})));
        assertTrue(Double.isNaN(IntrinsicDimension.mle(new double[][] {{0, 0}, {1, 0}}, 3)));
        assertThrows(IllegalArgumentException.class, () -> IntrinsicDimension.mle(x, 1));
    }
}
