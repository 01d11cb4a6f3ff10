package org.grokbench.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.grokbench.data.Dataset;
import org.grokbench.math.VecOps;
import org.grokbench.model.LeakyReluUnit;
import org.grokbench.model.LinearModel;
import org.grokbench.model.SquaredLoss;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Affine zero-loss sets: the linear toys of Figures 1-2 and the leaky-ReLU unit of Figure 3. */
class AffineZeroLossTest {

    /** dist to {Aθ = b} through the normal equations, δ = Aᵀ(AAᵀ)⁻¹(Aθ − b): an independent path. */
    static double normalEquationDistance(Dataset data, double[] b, double[] theta) {
        int k = data.size(), d = theta.length;
        DMatrixRMaj a = new DMatrixRMaj(data.inputs());
        DMatrixRMaj r = new DMatrixRMaj(k, 1);
        for (int i = 0; i < k; i++) r.set(i, 0, VecOps.dot(data.inputs()[i], theta) - b[i]);
        DMatrixRMaj gram = new DMatrixRMaj(k, k);
        CommonOps_DDRM.multTransB(a, a, gram);
        CommonOps_DDRM.invert(gram);
        DMatrixRMaj mu = new DMatrixRMaj(k, 1);
        CommonOps_DDRM.mult(gram, r, mu);
        DMatrixRMaj delta = new DMatrixRMaj(d, 1);
        CommonOps_DDRM.multTransA(a, mu, delta);
        return Math.sqrt(CommonOps_DDRM.dot(delta, delta));
    }

    /** Figure 1: ŷ = w1 + w2 on the single sample 1 + 1 = 2. */
    @Nested
    class OnePlusOne extends ZeroLossManifoldContract {
        final Dataset data = Dataset.single(new double[] {1, 1}, new double[] {2});

        @Override ZeroLossManifold manifold() { return ZeroLossManifolds.of(new LinearModel(2), data); }

        @Override SquaredLoss loss() { return new SquaredLoss(new LinearModel(2), data); }

        /** |w1 + w2 − 2| / √2. */
        @Override double referenceDistance(double[] t) { return Math.abs(t[0] + t[1] - 2) / Math.sqrt(2); }

        @Test
        void tangentIsTheAntiDiagonal() {
            double[][] t = manifold().tangentBasis(new double[] {0, 2});
            assertEquals(1, t.length);
            assertEquals(0, t[0][0] + t[0][1], 1e-15);
            assertEquals(1, Math.abs(t[0][0]) * Math.sqrt(2), 1e-15);
        }

        @Test
        void projectsKnownPoints() {
            assertArrayEquals(new double[] {0, 2}, manifold().project(new double[] {-1, 1}), 1e-15);
            assertArrayEquals(new double[] {1, 1}, manifold().project(new double[] {0, 0}), 1e-15);
        }

        @Test
        void drawsTheClippedLine() {
            List<double[][]> lines = manifold().polylines2D(-2.5, 3, -2, 2.75, 0);
            assertEquals(1, lines.size());
            double[][] seg = lines.get(0);
            assertEquals(2, seg.length);
            assertArrayEquals(new double[] {-0.75, 2.75}, seg[0], 1e-12);
            assertArrayEquals(new double[] {3, -1}, seg[1], 1e-12);
            assertTrue(manifold().polylines2D(5, 6, 5, 6, 0).isEmpty(), "line misses this box");
        }
    }

    /** Figure 2: ŷ = w1 + w2 + w3 on 1 + 1 + 1 = 3; the slice θ3 = s is the line w1 + w2 = 3 − s. */
    @Nested
    class ThreeNumbers extends ZeroLossManifoldContract {
        final Dataset data = Dataset.single(new double[] {1, 1, 1}, new double[] {3});

        @Override ZeroLossManifold manifold() { return ZeroLossManifolds.of(new LinearModel(3), data); }

        @Override SquaredLoss loss() { return new SquaredLoss(new LinearModel(3), data); }

        @Override double referenceDistance(double[] t) { return Math.abs(t[0] + t[1] + t[2] - 3) / Math.sqrt(3); }

        @Test
        void tangentPlaneIsTwoDimensional() {
            assertEquals(2, manifold().tangentBasis(new double[] {1, 1, 1}).length);
            assertEquals(2, manifold().tangentSpace(new double[] {1, 1, 1}).dimension());
        }

        @Test
        void sliceIsTheLineOfThePlane() {
            List<double[][]> lines = manifold().polylines2D(-5, 5, -5, 5, 2);
            assertEquals(1, lines.size());
            for (double[] pt : lines.get(0)) assertEquals(1, pt[0] + pt[1], 1e-12);
        }
    }

    /** Three random samples in d = 5: a 2-dimensional affine Z; reference through the normal equations. */
    @Nested
    class ManySamples extends ZeroLossManifoldContract {
        final Dataset data = Dataset.sampled(3, 5, 1, 1.0, 42, (x, y) -> y[0] = 0.5 * x[0] - x[3] + 0.3);

        @Override ZeroLossManifold manifold() { return ZeroLossManifolds.of(new LinearModel(5), data); }

        @Override SquaredLoss loss() { return new SquaredLoss(new LinearModel(5), data); }

        @Override double referenceDistance(double[] t) {
            double[] b = new double[data.size()];
            for (int i = 0; i < b.length; i++) b[i] = data.targets()[i][0];
            return normalEquationDistance(data, b, t);
        }
    }

    /** Leaky ReLU on 1 + 1 with a negative target: σ(z) = −0.5 ⇔ z = −5 (Figure 3 right, other sign). */
    @Nested
    class LeakyReluNegativeTarget extends ZeroLossManifoldContract {
        final Dataset data = Dataset.single(new double[] {1, 2}, new double[] {-0.5});

        @Override ZeroLossManifold manifold() { return ZeroLossManifolds.of(new LeakyReluUnit(2), data); }

        @Override SquaredLoss loss() { return new SquaredLoss(new LeakyReluUnit(2), data); }

        @Override double referenceDistance(double[] t) { return Math.abs(t[0] + 2 * t[1] + 5) / Math.sqrt(5); }

        @Override double[] randomPoint(Random rng) {
            return new double[] {-4 + 6 * rng.nextDouble(), -4 + 6 * rng.nextDouble()};
        }
    }

    /** Leaky ReLU, d = 3, two samples of both target signs: each constraint inverts σ separately. */
    @Nested
    class LeakyReluTwoSamples extends ZeroLossManifoldContract {
        final Dataset data = new Dataset(new double[][] {{1, 1, 0}, {0, 1, -1}}, new double[][] {{2}, {-0.3}});

        @Override ZeroLossManifold manifold() { return ZeroLossManifolds.of(new LeakyReluUnit(3), data); }

        @Override SquaredLoss loss() { return new SquaredLoss(new LeakyReluUnit(3), data); }

        @Override double referenceDistance(double[] t) { return normalEquationDistance(data, new double[] {2, -3}, t); }

        @Override boolean drawingCrossesDefaultBox() { return false; }

        @Test
        void sliceOfALineIsAPoint() {
            // θ3 = 0.5: w1 + w2 = 2, w2 − 0.5 = −3 → (4.5, −2.5).
            List<double[][]> pts = manifold().polylines2D(-5, 5, -5, 5, 0.5);
            assertEquals(1, pts.size());
            assertArrayEquals(new double[] {4.5, -2.5}, pts.get(0)[0], 1e-12);
        }
    }

    @Test
    void inconsistentSystemIsFlaggedAndProjectsToLeastSquares() {
        AffineZeroLoss z = new AffineZeroLoss(new double[][] {{1, 1}, {1, 1}}, new double[] {2, 3});
        assertFalse(z.consistent());
        double[] p = z.project(new double[] {0, 0});
        assertEquals(2.5, p[0] + p[1], 1e-12);
        assertTrue(new AffineZeroLoss(new double[][] {{1, 1}, {2, 2}}, new double[] {2, 4}).consistent());
    }

    @Test
    void rankDeficientRowsStillGiveTheRightTangentSpace() {
        AffineZeroLoss z = new AffineZeroLoss(new double[][] {{1, 1, 0}, {2, 2, 0}}, new double[] {2, 4});
        assertEquals(2, z.tangentBasis(new double[3]).length);
        double[] p = z.project(new double[] {5, 1, 7});
        assertArrayEquals(new double[] {3, -1, 7}, p, 1e-12);
    }
}
