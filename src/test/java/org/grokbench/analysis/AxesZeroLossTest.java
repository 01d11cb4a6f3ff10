package org.grokbench.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.grokbench.data.Dataset;
import org.grokbench.math.VecOps;
import org.grokbench.model.SquaredLoss;
import org.grokbench.model.TwoLayerLinearScalar;
import org.junit.jupiter.api.Test;

/** Z = the two axes, singular at the origin (Figure 3 center: two-layer scalar net, target 0). */
class AxesZeroLossTest extends ZeroLossManifoldContract {
    final Dataset data = Dataset.single(new double[] {1.5}, new double[] {0});

    @Override ZeroLossManifold manifold() { return ZeroLossManifolds.of(new TwoLayerLinearScalar(), data); }

    @Override SquaredLoss loss() { return new SquaredLoss(new TwoLayerLinearScalar(), data); }

    /** Distance to the w1-axis is |w2|, to the w2-axis |w1|. */
    @Override double referenceDistance(double[] t) { return Math.min(Math.abs(t[0]), Math.abs(t[1])); }

    /** Near the crossing, a small normal offset can change the nearest axis: compare away from it. */
    @Override boolean nearComparable(double[] p) { return VecOps.norm(p) > 0.1; }

    @Test
    void factoryPicksTheAxes() {
        assertTrue(manifold() instanceof AxesZeroLoss);
    }

    @Test
    void singularPointHasTheWholePlaneAsJacobianNullSpace() {
        ZeroLossManifold z = manifold();
        double[] origin = z.project(new double[] {0, 0});
        assertArrayEquals(new double[] {0, 0}, origin, 0);
        double[][] t = z.tangentBasis(origin);
        assertEquals(2, t.length);
        assertArrayEquals(new double[] {1, 0}, t[0], 0);
        assertArrayEquals(new double[] {0, 1}, t[1], 0);
    }

    @Test
    void tiesAndTinyValuesStayFiniteAndOnAnAxis() {
        ZeroLossManifold z = manifold();
        for (double[] t : new double[][] {{1, 1}, {-2, 2}, {1e-300, -1e-300}, {Double.MIN_VALUE, 0}, {0, -0.0}, {3e-320, 5e-320}}) {
            double[] p = z.project(t);
            assertTrue(VecOps.allFinite(p));
            assertEquals(0, p[0] * p[1], 0);
            double[][] basis = z.tangentBasis(p);
            for (double[] row : basis) assertTrue(VecOps.allFinite(row));
        }
        assertArrayEquals(new double[] {1, 0}, z.project(new double[] {1, 1}), 0);
        assertArrayEquals(new double[] {1, 0}, z.tangentBasis(new double[] {1e-300, 0})[0], 0);
    }

    @Test
    void probesAtAndNearTheSingularPointGiveNoNaN() {
        SquaredLoss loss = loss();
        GeometryProbe probe = new GeometryProbe(loss, manifold());
        GradientOrthogonality orth = new GradientOrthogonality(loss, manifold());
        for (double[] theta : new double[][] {{0, 0}, {1e-9, 1e-9}, {1e-9, -2e-9}, {0.3, 1e-12}, {1e-200, 1e-200}}) {
            GeometryReading r = probe.measure(theta, new double[] {-1e-3, 2e-3});
            boolean gTildeNegligible = VecOps.norm(probe.normMinimizingDirection(theta)) < GeometryProbe.NEGLIGIBLE;
            assertTrue(Double.isFinite(r.distance()) && (Double.isFinite(r.cosNormMin()) || gTildeNegligible)
                    && Double.isFinite(r.normalPart()) && Double.isFinite(r.tangentPart()), () -> "reading " + r);
            assertEquals(Math.hypot(1e-3, 2e-3), Math.hypot(r.normalPart(), r.tangentPart()), 1e-15);
            assertTrue(Double.isFinite(orth.tangentCosine(theta)));
            assertTrue(VecOps.allFinite(probe.normMinimizingDirection(theta)));
        }
        // At the origin the whole update counts as tangent and g̃ = P_T(−0) = 0: the cosine is undefined.
        GeometryReading atOrigin = probe.measure(new double[] {0, 0}, new double[] {3, 4});
        assertEquals(5, atOrigin.tangentPart(), 1e-15);
        assertEquals(0, atOrigin.normalPart(), 0);
        assertTrue(Double.isNaN(atOrigin.cosNormMin()));
    }

    @Test
    void drawsBothAxesOnlyWhereTheyCrossTheBox() {
        List<double[][]> both = manifold().polylines2D(-1, 2, -3, 4, 0);
        assertEquals(2, both.size());
        assertArrayEquals(new double[] {-1, 0}, both.get(0)[0], 0);
        assertArrayEquals(new double[] {2, 0}, both.get(0)[1], 0);
        assertArrayEquals(new double[] {0, -3}, both.get(1)[0], 0);
        assertArrayEquals(new double[] {0, 4}, both.get(1)[1], 0);
        assertEquals(1, manifold().polylines2D(1, 2, -1, 1, 0).size(), "only the w1-axis crosses");
        assertTrue(manifold().polylines2D(1, 2, 1, 2, 0).isEmpty());
    }
}
