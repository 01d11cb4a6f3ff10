package org.grokbench.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.grokbench.math.VecOps;
import org.junit.jupiter.api.Test;

/** Rank, pseudo-inverse and the two complementary bases on small matrices with known answers. */
class JacobianSvdTest {
    @Test
    void rankDeficientWideMatrix() {
        // Rows (1, 2, 2) and (2, 4, 4): rank 1, row space (1, 2, 2)/3.
        double[] a = {1, 2, 2, 2, 4, 4};
        JacobianSvd svd = JacobianSvd.of(a, 2, 3, true);
        assertEquals(1, svd.rank());
        double[] r = svd.rowSpaceBasis()[0];
        assertEquals(1, Math.abs(VecOps.dot(r, new double[] {1 / 3.0, 2 / 3.0, 2 / 3.0})), 1e-14);
        double[][] nul = svd.nullSpaceBasis();
        assertEquals(2, nul.length);
        for (double[] n : nul) assertEquals(0, VecOps.dot(n, r), 1e-14);
        // Least squares: J x ≈ (1, 0) with J = (1, 2) ⊗ (1, 2, 2); min-norm x = (1/45)(1, 2, 2).
        double[] x = new double[3];
        svd.solveMinNorm(new double[] {1, 0}, x);
        assertArrayEquals(new double[] {1 / 45.0, 2 / 45.0, 2 / 45.0}, x, 1e-15);
        // (JJᵀ)⁺ y: JJᵀ = 9·[[1, 2], [2, 4]], pseudo-inverse = (1/(9·25))·[[1, 2], [2, 4]].
        double[] g = new double[2];
        svd.solveGram(new double[] {1, 0}, g);
        assertArrayEquals(new double[] {1 / 225.0, 2 / 225.0}, g, 1e-16);
    }

    @Test
    void zeroMatrixHasRankZeroAndFullNullSpace() {
        JacobianSvd svd = JacobianSvd.of(new double[2], 1, 2, true);
        assertEquals(0, svd.rank());
        assertEquals(2, svd.nullSpaceBasis().length);
        double[] x = {7, 7};
        svd.solveMinNorm(new double[] {1}, x);
        assertArrayEquals(new double[] {0, 0}, x, 0);
    }

    @Test
    void compactDecompositionRefusesTheNullSpace() {
        JacobianSvd svd = JacobianSvd.of(new double[] {1, 2, 3}, 1, 3, false);
        assertEquals(1, svd.rank());
        assertThrows(IllegalStateException.class, svd::nullSpaceBasis);
    }
}
