package org.grokbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.grokbench.data.Dataset;
import org.grokbench.math.VecOps;
import org.grokbench.model.LinearModel;
import org.grokbench.model.Model;
import org.grokbench.model.ParabolaModel;
import org.grokbench.model.SquaredLoss;
import org.grokbench.model.TwoLayerLinearScalar;
import org.junit.jupiter.api.Test;

/** Theorem 4.14 / Figure 4: near Z the loss gradient is orthogonal to Z, |cos| = O(dist_Z). */
class GradientOrthogonalityTest {
    static final double[] OFFSETS = {1e-1, 1e-2, 1e-3};

    static GradientOrthogonality of(Model model, Dataset data) {
        return new GradientOrthogonality(new SquaredLoss(model, data), ZeroLossManifolds.of(model, data));
    }

    /** |cos|/dist at 1e-1, 1e-2, 1e-3 within a factor 1.5 of each other, |cos| shrinking towards 0. */
    static void assertLinearApproach(List<GradientOrthogonality.Approach> rows, String where) {
        assertEquals(OFFSETS.length, rows.size());
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (int i = 0; i < rows.size(); i++) {
            GradientOrthogonality.Approach r = rows.get(i);
            assertEquals(Math.abs(r.offset()), r.distance(), 1e-9 * r.distance(), where + ": projection stays at p");
            assertTrue(r.cosine() > 0, where + ": curved Z has a tangential gradient component");
            lo = Math.min(lo, r.ratio());
            hi = Math.max(hi, r.ratio());
            if (i > 0) assertTrue(r.cosine() < 0.2 * rows.get(i - 1).cosine(), where + ": |cos| → 0");
        }
        assertTrue(hi / lo < 1.5, where + ": |cos|/dist not constant: " + rows);
        assertTrue(rows.get(rows.size() - 1).cosine() < 1e-2, where);
    }

    @Test
    void figure4PointsApproachingTheParabola() {
        GradientOrthogonality g = of(new ParabolaModel(), Dataset.single(new double[] {1, 1}, new double[] {0}));
        for (double[] p : new double[][] {{1, 1}, {0.5, 0.25}, {-1.5, 2.25}, {2, 4}}) {
            // From the concave side (above, inside the parabola), the convex side, and the default normal.
            double[] up = {-2 * p[0], 1};
            assertLinearApproach(g.approach(p, up, OFFSETS), "above " + VecOps.norm(p));
            assertLinearApproach(g.approach(p, VecOps.scaled(-1, up), OFFSETS), "below " + VecOps.norm(p));
            assertLinearApproach(g.approach(p, null, OFFSETS), "default normal " + VecOps.norm(p));
        }
    }

    /**
     * The constant itself. For one constraint r(θ) = 0 and θ = p + δn, ∇L = 2r∇r with
     * t·∇r(θ) = δ tᵀ∇²r n + O(δ²) and ‖∇r(θ)‖ → ‖∇r(p)‖, so |cos|/dist → |tᵀ∇²r n| / ‖∇r(p)‖. For
     * r = y − x²: ∇r = (−2x, 1), ∇²r = diag(−2, 0), t = (1, 2x)/w, n = (−2x, 1)/w, w = √(1 + 4x²),
     * giving 4|x| / (1 + 4x²)^{3/2}.
     */
    @Test
    void figure4RatioTendsToTheSecondOrderConstant() {
        GradientOrthogonality g = of(new ParabolaModel(), Dataset.single(new double[] {1, 1}, new double[] {0}));
        for (double x : new double[] {-1.5, 0.3, 0.5, 1, 2}) {
            double expected = 4 * Math.abs(x) / Math.pow(1 + 4 * x * x, 1.5);
            for (GradientOrthogonality.Approach r : g.approach(new double[] {x, x * x}, null, 1e-4, -1e-4))
                assertEquals(expected, r.ratio(), 1e-3 * expected, "x = " + x);
        }
    }

    @Test
    void hyperbolaApproach() {
        GradientOrthogonality g = of(new TwoLayerLinearScalar(), Dataset.single(new double[] {1}, new double[] {1}));
        for (double[] p : new double[][] {{2, 0.5}, {0.25, 4}, {-1.5, -1 / 1.5}}) {
            assertLinearApproach(g.approach(p, null, OFFSETS), "hyperbola at " + p[0]);
            assertLinearApproach(g.approach(p, new double[] {-p[1], -p[0]}, OFFSETS), "hyperbola inner side " + p[0]);
        }
    }

    @Test
    void vertexOfTheParabolaIsExactlyOrthogonalBySymmetry() {
        GradientOrthogonality g = of(new ParabolaModel(), Dataset.single(new double[] {1, 1}, new double[] {0}));
        for (GradientOrthogonality.Approach r : g.approach(new double[] {0, 0}, null, OFFSETS))
            assertEquals(0, r.cosine(), 1e-15);
    }

    @Test
    void affineZeroLossSetHasExactlyNormalGradients() {
        GradientOrthogonality g = of(new LinearModel(3), Dataset.single(new double[] {1, 1, 1}, new double[] {3}));
        Random rng = new Random(2);
        for (int i = 0; i < 50; i++) {
            double[] t = {3 * rng.nextGaussian(), 3 * rng.nextGaussian(), 3 * rng.nextGaussian()};
            assertEquals(0, g.tangentCosine(t), 1e-14);
        }
    }

    @Test
    void tangentCosineBoundedByCTimesDistanceOnACompactSet() {
        // Theorem 4.14 on S = [0.5, 2]²-neighbourhood of the hyperbola branch: sup |cos|/dist stays bounded.
        GradientOrthogonality g = of(new TwoLayerLinearScalar(), Dataset.single(new double[] {1}, new double[] {1}));
        HyperbolaZeroLoss z = new HyperbolaZeroLoss(1);
        Random rng = new Random(6);
        double worst = 0;
        for (int i = 0; i < 500; i++) {
            double[] t = {0.5 + 1.5 * rng.nextDouble(), 0.5 + 1.5 * rng.nextDouble()};
            double dist = z.distance(t);
            if (dist < 1e-12) continue;
            double cos = g.tangentCosine(t);
            assertTrue(cos >= 0 && cos <= 1);
            worst = Math.max(worst, cos / dist);
        }
        assertTrue(worst < 5, "C = sup |cos|/dist = " + worst);
    }

    @Test
    void onZTheGradientVanishesAndTheCosineIsZero() {
        GradientOrthogonality g = of(new ParabolaModel(), Dataset.single(new double[] {1, 1}, new double[] {0}));
        assertEquals(0, g.tangentCosine(new double[] {3, 9}), 0);
    }
}
