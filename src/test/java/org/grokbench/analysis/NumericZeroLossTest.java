package org.grokbench.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.grokbench.data.Dataset;
import org.grokbench.math.VecOps;
import org.grokbench.model.LeakyReluUnit;
import org.grokbench.model.LinearModel;
import org.grokbench.model.ParabolaModel;
import org.grokbench.model.SquaredLoss;
import org.grokbench.model.TwoLayerLinearScalar;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The general Gauss–Newton / SQP projection, checked against the exact sets. */
class NumericZeroLossTest {

    /** The hyperbola w1 w2 = 1 handled numerically: local, so never closer than the brute-force minimum. */
    @Nested
    class OnTheHyperbola extends ZeroLossManifoldContract {
        final Dataset data = Dataset.single(new double[] {1}, new double[] {1});

        @Override ZeroLossManifold manifold() { return new NumericZeroLoss(new TwoLayerLinearScalar(), data); }

        @Override SquaredLoss loss() { return new SquaredLoss(new TwoLayerLinearScalar(), data); }

        @Override double referenceDistance(double[] t) { return HyperbolaZeroLossTest.bruteForceDistance(1, t); }

        @Override double referenceTolerance() { return 1e-7; }
    }

    /** Two proportional samples: the same hyperbola w1 w2 = 2, but J has rank 1 (two rows, one direction). */
    @Nested
    class RankDeficientJacobian extends ZeroLossManifoldContract {
        final Dataset data = new Dataset(new double[][] {{1}, {2}}, new double[][] {{2}, {4}});

        @Override ZeroLossManifold manifold() { return new NumericZeroLoss(new TwoLayerLinearScalar(), data); }

        @Override SquaredLoss loss() { return new SquaredLoss(new TwoLayerLinearScalar(), data); }

        @Override double referenceDistance(double[] t) { return HyperbolaZeroLossTest.bruteForceDistance(2, t); }

        @Override double referenceTolerance() { return 1e-7; }

        @Test
        void agreesWithTheExactHyperbolaNearZ() {
            HyperbolaZeroLoss exact = new HyperbolaZeroLoss(2);
            Random rng = new Random(3);
            for (int i = 0; i < 50; i++) {
                double[] p = exact.project(new double[] {4 * rng.nextGaussian(), 4 * rng.nextGaussian()});
                double[] t = {p[0] + 0.05 * p[1] / Math.hypot(p[0], p[1]), p[1] + 0.05 * p[0] / Math.hypot(p[0], p[1])};
                assertArrayEquals(exact.project(t), manifold().project(t), 1e-9);
            }
        }
    }

    /** Leaky ReLU with targets of both signs: iterations cross the kink of σ. */
    @Nested
    class AcrossTheLeakyReluKink extends ZeroLossManifoldContract {
        final Dataset data = new Dataset(new double[][] {{1, 1, 0}, {0, 1, -1}}, new double[][] {{2}, {-0.3}});

        @Override ZeroLossManifold manifold() { return new NumericZeroLoss(new LeakyReluUnit(3), data); }

        @Override SquaredLoss loss() { return new SquaredLoss(new LeakyReluUnit(3), data); }

        @Override double referenceDistance(double[] t) {
            return AffineZeroLossTest.normalEquationDistance(data, new double[] {2, -3}, t);
        }

        /** Z is affine, so the (unique) stationary point is the global one. */
        @Test
        void findsTheExactAffineProjection() {
            ZeroLossManifold exact = ZeroLossManifolds.of(new LeakyReluUnit(3), data);
            for (double[] t : randomPoints(21)) assertArrayEquals(exact.project(t), manifold().project(t), 1e-9);
        }
    }

    @Test
    void linearModelConvergesInOneStepToTheAffineProjection() {
        Dataset data = Dataset.sampled(3, 6, 1, 1.0, 8, (x, y) -> y[0] = x[0] + x[1]);
        NumericZeroLoss oneStep = new NumericZeroLoss(new LinearModel(6), data, 1, 1e-13);
        ZeroLossManifold exact = ZeroLossManifolds.of(new LinearModel(6), data);
        Random rng = new Random(4);
        for (int i = 0; i < 20; i++) {
            double[] t = new double[6];
            for (int j = 0; j < 6; j++) t[j] = 3 * rng.nextGaussian();
            assertArrayEquals(exact.project(t), oneStep.project(t), 1e-12);
        }
    }

    @Test
    void isolatedPointsHaveAZeroDimensionalTangentSpace() {
        // θ_y − θ_x² = 0 and θ_y − 2θ_x² = −1: Z = {(±1, 1)}, d = km = 2.
        Dataset data = new Dataset(new double[][] {{1, 1}, {1, 2}}, new double[][] {{0}, {-1}});
        NumericZeroLoss z = new NumericZeroLoss(new ParabolaModel(), data);
        double[] p = z.project(new double[] {0.7, 1.4});
        assertArrayEquals(new double[] {1, 1}, p, 1e-12);
        assertEquals(0, z.tangentBasis(p).length);
        assertEquals(0, z.tangentSpace(p).dimension());
        assertArrayEquals(new double[] {0, 0}, z.tangentSpace(p).project(new double[] {3, -2}), 1e-12);
    }

    @Test
    void emptyTrainingSetMeansZIsEverything() {
        Dataset none = new Dataset(new double[0][], new double[0][]);
        NumericZeroLoss z = new NumericZeroLoss(new LinearModel(3), none);
        double[] t = {1, -2, 3};
        assertArrayEquals(t, z.project(t), 0);
        assertEquals(3, z.tangentBasis(t).length);
    }

    @Test
    void notAnalyticAndNoDrawing() {
        NumericZeroLoss z = new NumericZeroLoss(new TwoLayerLinearScalar(), Dataset.single(new double[] {1}, new double[] {1}));
        assertFalse(z.analytic());
        assertTrue(z.polylines2D(-3, 3, -3, 3, 0).isEmpty());
        assertTrue(VecOps.allFinite(z.project(new double[] {0, 0})), "start at the singular origin");
    }
}
