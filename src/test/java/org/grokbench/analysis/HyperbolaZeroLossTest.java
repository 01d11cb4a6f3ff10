package org.grokbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.grokbench.data.Dataset;
import org.grokbench.math.VecOps;
import org.grokbench.model.SquaredLoss;
import org.grokbench.model.TwoLayerLinearScalar;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The curved zero-loss set w1·w2 = c of the two-layer scalar net (Figure 3 left). */
class HyperbolaZeroLossTest {

    /**
     * Brute-force dist to {w1 w2 = c}: each branch u ↦ (σ s eᵘ, σ sgn(c) s e⁻ᵘ) sampled at 20001
     * points of u ∈ [−6, 6], the best sample refined by golden-section search on its two neighbouring
     * intervals.
     */
    static double bruteForceDistance(double c, double[] t) {
        double s = Math.sqrt(Math.abs(c)), sg = Math.signum(c);
        double best = Double.POSITIVE_INFINITY;
        for (double s1 : new double[] {1, -1}) {
            DoubleUnaryOperator dist2 = u -> {
                double dx = s1 * s * Math.exp(u) - t[0], dy = s1 * sg * s * Math.exp(-u) - t[1];
                return dx * dx + dy * dy;
            };
            best = Math.min(best, sampledMinimum(dist2, -6, 6, 20001));
        }
        return Math.sqrt(best);
    }

    /** Dense sampling of f on [lo, hi], then golden-section refinement around the best sample. */
    static double sampledMinimum(DoubleUnaryOperator f, double lo, double hi, int n) {
        double h = (hi - lo) / (n - 1);
        int bi = 0;
        double bv = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double v = f.applyAsDouble(lo + i * h);
            if (v < bv) {
                bv = v;
                bi = i;
            }
        }
        double a = lo + Math.max(0, bi - 1) * h, b = lo + Math.min(n - 1, bi + 1) * h;
        double g = (Math.sqrt(5) - 1) / 2;
        for (int it = 0; it < 200 && b - a > 1e-15 * (1 + Math.abs(a)); it++) {
            double x1 = b - g * (b - a), x2 = a + g * (b - a);
            if (f.applyAsDouble(x1) < f.applyAsDouble(x2)) b = x2; else a = x1;
        }
        return Math.min(bv, f.applyAsDouble(0.5 * (a + b)));
    }

    /** Sample (x, y) = (1, 1): Z = {w1 w2 = 1}, branches in quadrants I and III. */
    @Nested
    class UnitProduct extends ZeroLossManifoldContract {
        final Dataset data = Dataset.single(new double[] {1}, new double[] {1});

        @Override ZeroLossManifold manifold() { return ZeroLossManifolds.of(new TwoLayerLinearScalar(), data); }

        @Override SquaredLoss loss() { return new SquaredLoss(new TwoLayerLinearScalar(), data); }

        @Override double referenceDistance(double[] t) { return bruteForceDistance(1, t); }

        @Override double referenceTolerance() { return 1e-7; }
    }

    /** Sample (x, y) = (0.5, −1): Z = {w1 w2 = −2}, branches in quadrants II and IV. */
    @Nested
    class NegativeProduct extends ZeroLossManifoldContract {
        final Dataset data = Dataset.single(new double[] {0.5}, new double[] {-1});

        @Override ZeroLossManifold manifold() { return ZeroLossManifolds.of(new TwoLayerLinearScalar(), data); }

        @Override SquaredLoss loss() { return new SquaredLoss(new TwoLayerLinearScalar(), data); }

        @Override double referenceDistance(double[] t) { return bruteForceDistance(-2, t); }

        @Override double referenceTolerance() { return 1e-7; }
    }

    @Test
    void nearestPointCanBeOnTheBranchAcrossAnAxis() {
        HyperbolaZeroLoss z = new HyperbolaZeroLoss(1);
        // Quadrant II, just left of the w2-axis: the branch of quadrant I is much closer.
        double[] p = z.project(new double[] {-0.05, 2});
        assertTrue(p[0] > 0 && p[1] > 0, "expected the quadrant-I branch");
        assertEquals(bruteForceDistance(1, new double[] {-0.05, 2}), VecOps.distance(p, new double[] {-0.05, 2}), 1e-7);
        // Quadrant II, just above the w1-axis on the left: the quadrant-III branch is closer.
        double[] q = z.project(new double[] {-2, 0.05});
        assertTrue(q[0] < 0 && q[1] < 0, "expected the quadrant-III branch");
        // Quadrant IV mirror images.
        double[] r = z.project(new double[] {2, -0.05});
        assertTrue(r[0] > 0 && r[1] > 0);
        double[] s = z.project(new double[] {0.05, -2});
        assertTrue(s[0] < 0 && s[1] < 0);
    }

    @Test
    void bothBranchesWinAmongOffBranchPointsAndAllMatchBruteForce() {
        HyperbolaZeroLoss z = new HyperbolaZeroLoss(1);
        Random rng = new Random(5);
        int first = 0, third = 0;
        for (int i = 0; i < 200; i++) {
            // Quadrants II and IV, where the two branches compete.
            double a = 3 * rng.nextDouble(), b = 3 * rng.nextDouble();
            double[] t = rng.nextBoolean() ? new double[] {-a, b} : new double[] {a, -b};
            double[] p = z.project(t);
            assertEquals(1, p[0] * p[1], 1e-14);
            assertEquals(bruteForceDistance(1, t), VecOps.distance(t, p), 1e-7, () -> "at " + VecOps.distance(t, p));
            if (p[0] > 0) first++; else third++;
        }
        assertTrue(first > 20 && third > 20, "both branches should be nearest for some points");
    }

    @Test
    void extremeScalesStayOnZ() {
        for (double c : new double[] {1e-8, -3e-5, 7, -2e6}) {
            HyperbolaZeroLoss z = new HyperbolaZeroLoss(c);
            double s = Math.sqrt(Math.abs(c));
            Random rng = new Random(9);
            for (int i = 0; i < 50; i++) {
                double[] t = {s * 4 * rng.nextGaussian(), s * 4 * rng.nextGaussian()};
                double[] p = z.project(t);
                assertEquals(c, p[0] * p[1], 1e-13 * Math.abs(c));
                assertEquals(bruteForceDistance(c, t), VecOps.distance(t, p), 1e-7 * s);
            }
            double[] far = z.project(new double[] {1e3 * s, -1e-3 * s});
            assertEquals(c, far[0] * far[1], 1e-12 * Math.abs(c));
        }
    }

    @Test
    void originProjectsToAVertexAndHasIdentityTangent() {
        HyperbolaZeroLoss z = new HyperbolaZeroLoss(4);
        double[] p = z.project(new double[] {0, 0});
        assertEquals(2, Math.abs(p[0]), 1e-12);
        assertEquals(2, Math.abs(p[1]), 1e-12);
        assertEquals(2, z.tangentBasis(new double[] {0, 0}).length);
    }

    @Test
    void drawsBothBranchesSmoothlyAndClipped() {
        HyperbolaZeroLoss z = new HyperbolaZeroLoss(1);
        List<double[][]> lines = z.polylines2D(-3, 3, -3, 3, 0);
        assertEquals(2, lines.size());
        for (double[][] line : lines) {
            assertEquals(HyperbolaZeroLoss.SAMPLES, line.length);
            // Ends on the box: (1/3, 3) and (3, 1/3) up to sign.
            assertEquals(3, Math.max(Math.abs(line[0][0]), Math.abs(line[0][1])), 1e-12);
            assertEquals(3, Math.max(Math.abs(line[line.length - 1][0]), Math.abs(line[line.length - 1][1])), 1e-12);
            for (int i = 1; i < line.length; i++)
                assertTrue(VecOps.distance(line[i], line[i - 1]) < 0.05, "gap between drawn points");
        }
        // A box that holds only part of one branch.
        List<double[][]> part = z.polylines2D(0.5, 4, 0.5, 1.5, 0);
        assertEquals(1, part.size());
        assertEquals(1.5, part.get(0)[0][1], 1e-12);
        assertEquals(0.5, part.get(0)[part.get(0).length - 1][1], 1e-12);
        assertTrue(z.polylines2D(-2, -1, 1, 2, 0).isEmpty(), "quadrant II box holds nothing");
    }

    @Test
    void rejectsZeroProduct() {
        assertThrows(IllegalArgumentException.class, () -> new HyperbolaZeroLoss(0));
    }
}
