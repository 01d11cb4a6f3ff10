package org.grokbench.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.grokbench.data.Dataset;
import org.grokbench.math.VecOps;
import org.grokbench.model.ParabolaModel;
import org.grokbench.model.SquaredLoss;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The Figure 4 landscape L = (y − x²)² and a general parabola from the same model. */
class ParabolaZeroLossTest {

    /** Brute-force dist to {y = a x² + b}: x sampled on [−8, 8], refined by golden section. */
    static double bruteForceDistance(double a, double b, double[] t) {
        return Math.sqrt(HyperbolaZeroLossTest.sampledMinimum(x -> {
            double dx = x - t[0], dy = a * x * x + b - t[1];
            return dx * dx + dy * dy;
        }, -8, 8, 40001));
    }

    /** Figure 4: sample s = (1, 1) with target 0, Z = {y = x²}. */
    @Nested
    class Figure4 extends ZeroLossManifoldContract {
        final Dataset data = Dataset.single(new double[] {1, 1}, new double[] {0});

        @Override ZeroLossManifold manifold() { return ZeroLossManifolds.of(new ParabolaModel(), data); }

        @Override SquaredLoss loss() { return new SquaredLoss(new ParabolaModel(), data); }

        @Override double referenceDistance(double[] t) { return bruteForceDistance(1, 0, t); }

        @Override double referenceTolerance() { return 1e-7; }

        @Test
        void factoryGivesThePaperParabola() {
            ParabolaZeroLoss z = (ParabolaZeroLoss) manifold();
            assertEquals(1, z.a(), 0);
            assertEquals(0, z.b(), 0);
        }
    }

    /** Sample s = (2, −1) with target 0.5: 2θ_y + θ_x² = 0.5, Z = {y = −x²/2 + 1/4}. */
    @Nested
    class DownwardParabola extends ZeroLossManifoldContract {
        final Dataset data = Dataset.single(new double[] {2, -1}, new double[] {0.5});

        @Override ZeroLossManifold manifold() { return ZeroLossManifolds.of(new ParabolaModel(), data); }

        @Override SquaredLoss loss() { return new SquaredLoss(new ParabolaModel(), data); }

        @Override double referenceDistance(double[] t) { return bruteForceDistance(-0.5, 0.25, t); }

        @Override double referenceTolerance() { return 1e-7; }
    }

    @Test
    void cubicRootsInBothRegimes() {
        // (x − 1)(x − 2)(x + 3) = x³ − 7x + 6: three real roots, trigonometric branch.
        double[] three = ParabolaZeroLoss.depressedCubicRoots(-7, 6);
        Arrays.sort(three);
        assertArrayEquals(new double[] {-3, 1, 2}, three, 1e-12);
        // x³ + x − 2 = (x − 1)(x² + x + 2): one real root, Cardano branch.
        double[] one = ParabolaZeroLoss.depressedCubicRoots(1, -2);
        assertEquals(1, one.length);
        assertEquals(1, one[0], 1e-12);
        assertArrayEquals(new double[] {0}, ParabolaZeroLoss.depressedCubicRoots(0, 0), 0);
        assertArrayEquals(new double[] {0}, ParabolaZeroLoss.depressedCubicRoots(2, 0), 1e-15);
    }

    @Test
    void pointsOnTheAxis() {
        ParabolaZeroLoss z = new ParabolaZeroLoss();
        // Below the centre of curvature (y0 < 1/2) the vertex is nearest.
        assertArrayEquals(new double[] {0, 0}, z.project(new double[] {0, 0.3}), 1e-15);
        assertArrayEquals(new double[] {0, 0}, z.project(new double[] {0, -2}), 1e-15);
        // Above it two symmetric points x² = y0 − 1/2 are nearest: dist² = (y0 − ½) + ¼.
        double[] p = z.project(new double[] {0, 2});
        assertEquals(1.5, p[0] * p[0], 1e-12);
        assertEquals(Math.sqrt(1.75), VecOps.distance(p, new double[] {0, 2}), 1e-12);
    }

    @Test
    void tangentFollowsTheSlope() {
        double[][] t = new ParabolaZeroLoss().tangentBasis(new double[] {1, 1});
        assertArrayEquals(new double[] {1 / Math.sqrt(5), 2 / Math.sqrt(5)}, t[0], 1e-15);
    }

    @Test
    void drawingSplitsWhereTheParabolaLeavesThroughTheBottom() {
        // Box [−2, 2] × [0.5, 3]: two arcs, x ∈ [−√3, −√½] and [√½, √3].
        List<double[][]> arcs = new ParabolaZeroLoss().polylines2D(-2, 2, 0.5, 3, 0);
        assertEquals(2, arcs.size());
        assertEquals(-Math.sqrt(3), arcs.get(0)[0][0], 1e-12);
        assertEquals(-Math.sqrt(0.5), arcs.get(0)[arcs.get(0).length - 1][0], 1e-12);
        assertEquals(Math.sqrt(0.5), arcs.get(1)[0][0], 1e-12);
        assertEquals(Math.sqrt(3), arcs.get(1)[arcs.get(1).length - 1][0], 1e-12);
        for (double[][] arc : arcs) for (double[] pt : arc) assertEquals(pt[0] * pt[0], pt[1], 1e-12);
        // Box [−1, 1] × [−1, 4]: one arc across the whole width.
        List<double[][]> one = new ParabolaZeroLoss().polylines2D(-1, 1, -1, 4, 0);
        assertEquals(1, one.size());
        assertTrue(one.get(0).length >= 100);
    }
}
