package org.grokbench.analysis;

import org.grokbench.math.VecOps;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrajectoryPcaTest {
    @Test
    void planarPathIsFoundWithAllItsVariance() {
        // θ_t = c + cos(t)·a·3 + sin(t)·b in d = 50: a plane spanned by unit a ⟂ b, variance 9:1.
        int d = 50, n = TrajectoryPca.MAX_BASIS_ROWS; // every row in the basis: the exact answer
        SplittableRandom rng = new SplittableRandom(1);
        double[] a = new double[d], b = new double[d], c = new double[d];
        for (int j = 0; j < d; j++) { a[j] = rng.nextGaussian(); b[j] = rng.nextGaussian(); c[j] = rng.nextGaussian(); }
        double na = VecOps.norm(a);
        for (int j = 0; j < d; j++) a[j] /= na;
        VecOps.axpy(-VecOps.dot(a, b), a, b);
        double nb = VecOps.norm(b);
        for (int j = 0; j < d; j++) b[j] /= nb;
        double[][] rows = new double[n][d];
        for (int t = 0; t < n; t++) {
            double s = 2 * Math.PI * t / n;
            for (int j = 0; j < d; j++) rows[t][j] = c[j] + 3 * Math.cos(s) * a[j] + Math.sin(s) * b[j];
        }
        TrajectoryPca pca = new TrajectoryPca(rows);
        assertEquals(1.0, pca.firstRatio() + pca.secondRatio(), 1e-9);
        assertEquals(0.9, pca.firstRatio(), 0.01, "variance 9 : 1 along a and b");
        assertEquals(1.0, Math.abs(VecOps.dot(pca.firstDirection(), a)), 1e-6);
        assertEquals(1.0, Math.abs(VecOps.dot(pca.secondDirection(), b)), 1e-6);
        // The last row is the origin of the path.
        assertEquals(0, pca.alpha()[n - 1], 0);
        assertEquals(0, pca.beta()[n - 1], 0);
        // α(t) is the projection on v₁: |α(0)| = 3 |cos 0 − cos(2π(n−1)/n)|·... checked against the formula.
        double expected = 3 * (1 - Math.cos(2 * Math.PI * (n - 1) / n));
        assertEquals(expected, Math.abs(pca.alpha()[0]), 1e-9);
        // Any point projects like the rows: a row onto its own (α, β); a point off the plane by a
        // component normal to it onto the same (α, β); c + 2a onto α = ±2 − α-offset of the last row.
        double[] at = pca.project(rows[7]);
        assertEquals(pca.alpha()[7], at[0], 0);
        assertEquals(pca.beta()[7], at[1], 0);
        double[] off = rows[7].clone();
        double[] normal = new double[d];
        normal[0] = 1;
        VecOps.axpy(-VecOps.dot(normal, a), a, normal);
        VecOps.axpy(-VecOps.dot(normal, b), b, normal);
        VecOps.axpy(5, normal, off);
        double[] offAt = pca.project(off);
        assertEquals(pca.alpha()[7], offAt[0], 1e-9);
        assertEquals(pca.beta()[7], offAt[1], 1e-9);
    }

    @Test
    void subsampledBasisStillSpansALine() {
        int d = 7, n = 1500;
        double[][] rows = new double[n][d];
        for (int t = 0; t < n; t++) for (int j = 0; j < d; j++) rows[t][j] = (j + 1) * Math.sqrt(t);
        TrajectoryPca pca = new TrajectoryPca(rows);
        assertEquals(1.0, pca.firstRatio(), 1e-12);
        assertEquals(0.0, pca.secondRatio(), 1e-12);
        assertTrue(VecOps.norm(pca.secondDirection()) <= 1 + 1e-12);
    }

    @Test
    void refusesAPathOfOnePoint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TrajectoryPca(new double[1][3]));
        assertTrue(e.getMessage().contains("at least 2"));
    }
}
