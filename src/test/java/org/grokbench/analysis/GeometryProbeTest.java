package org.grokbench.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.grokbench.data.Dataset;
import org.grokbench.math.VecOps;
import org.grokbench.model.LinearModel;
import org.grokbench.model.Model;
import org.grokbench.model.SquaredLoss;
import org.grokbench.model.TwoLayerLinearScalar;
import org.junit.jupiter.api.Test;

/**
 * The probe of §4.6 / App. D on the toys where everything is known. Linear 1 + 1 = 2: Z is the
 * line w1 + w2 = 2, T = span{t}, t = (1, −1)/√2, N = span{n}, n = (1, 1)/√2.
 */
class GeometryProbeTest {
    static final Dataset ONE_PLUS_ONE = Dataset.single(new double[] {1, 1}, new double[] {2});
    static final double[] T = {1 / Math.sqrt(2), -1 / Math.sqrt(2)};
    static final double[] N = {1 / Math.sqrt(2), 1 / Math.sqrt(2)};

    static GeometryProbe probe(Model model, Dataset data) {
        return new GeometryProbe(new SquaredLoss(model, data), ZeroLossManifolds.of(model, data));
    }

    /** One GD step on L_λ = L + λ‖θ‖² (Eq. 1): θ ← θ − η(∇L + 2λθ); returns the update. */
    static double[] gdStep(SquaredLoss loss, double[] theta, double eta, double lambda) {
        double[] grad = new double[theta.length];
        loss.gradient(theta, grad);
        double[] update = new double[theta.length];
        for (int j = 0; j < theta.length; j++) update[j] = -eta * (grad[j] + 2 * lambda * theta[j]);
        VecOps.axpy(1, update, theta);
        return update;
    }

    /**
     * On Z, ∇L = 0, so one GD step with weight decay is exactly Δ = −2ηλθ. Its tangent part is
     * P_T(−2ηλθ) = −2ηλ(θ·t)t, its normal part −2ηλ(θ·n)n, and its cosine with g̃ = P_T(−θ) is
     * |θ·t|/‖θ‖: a single weight-decay step is not tangent (the loss cancels the normal part later).
     */
    @Test
    void weightDecayStepOnZSplitsIntoKnownTangentAndNormalParts() {
        SquaredLoss loss = new SquaredLoss(new LinearModel(2), ONE_PLUS_ONE);
        GeometryProbe probe = probe(new LinearModel(2), ONE_PLUS_ONE);
        double eta = 0.1, lambda = 0.01;
        Random rng = new Random(1);
        for (int i = 0; i < 50; i++) {
            double s = 4 * rng.nextGaussian();
            double[] theta = {1 + s, 1 - s}; // on Z
            double[] before = theta.clone();
            double[] update = gdStep(loss, theta, eta, lambda);
            assertArrayEquals(VecOps.scaled(-2 * eta * lambda, before), update, 1e-15, "Δ = −2ηλθ on Z");

            GeometryReading r = probe.measure(before, update);
            double wd = 2 * eta * lambda;
            assertEquals(0, r.distance(), 1e-15);
            assertEquals(wd * Math.abs(VecOps.dot(before, T)), r.tangentPart(), 1e-15);
            assertEquals(wd * Math.abs(VecOps.dot(before, N)), r.normalPart(), 1e-15);
            assertEquals(VecOps.norm(update), Math.hypot(r.tangentPart(), r.normalPart()), 1e-15);
            double expectedCos = s == 0 ? 0 : Math.abs(VecOps.dot(before, T)) / VecOps.norm(before);
            assertEquals(expectedCos, r.cosNormMin(), 1e-12);

            double[] gTilde = probe.normMinimizingDirection(before);
            assertArrayEquals(VecOps.scaled(-VecOps.dot(before, T), T), gTilde, 1e-14, "g̃ = P_T(−θ)");
        }
        // At θ = (0, 2): tangent and normal parts equal, cos = 1/√2.
        GeometryReading at02 = probe.measure(new double[] {0, 2}, new double[] {0, -2 * eta * lambda * 2});
        assertEquals(1 / Math.sqrt(2), at02.cosNormMin(), 1e-15);
        assertEquals(at02.tangentPart(), at02.normalPart(), 1e-15);
    }

    /**
     * Figure 1 dynamics: from (−1, 1) GD with weight decay reaches Z within tens of steps, then drifts
     * along it. In the normal coordinate s = θ·n the map is s ← s − η(4(s − √2) + 2λs), with fixed
     * point s* = 4√2/(4 + 2λ), so the state settles at dist_Z = √2 − s* = √2·2λ/(4 + 2λ) and the
     * c-step update θ_n − θ_{n−c} (App. D, c = 10) becomes purely tangent: cosNormMin → 1.
     */
    @Test
    void figure1DriftFollowsTheNormMinimizingDirection() {
        double eta = 0.1, lambda = 0.01;
        SquaredLoss loss = new SquaredLoss(new LinearModel(2), ONE_PLUS_ONE);
        GeometryProbe probe = probe(new LinearModel(2), ONE_PLUS_ONE);
        double[] theta = {-1, 1};
        double[][] ring = new double[10][];
        for (int step = 0; step < 300; step++) {
            ring[step % 10] = theta.clone();
            gdStep(loss, theta, eta, lambda);
        }
        double[] update = VecOps.sub(theta, ring[300 % 10]);
        GeometryReading r = probe.measure(theta, update);
        assertEquals(1, r.cosNormMin(), 1e-9);
        assertEquals(0, r.normalPart() / r.tangentPart(), 1e-9);
        assertEquals(Math.sqrt(2) * 2 * lambda / (4 + 2 * lambda), r.distance(), 1e-12);
        // Early, while the loss still pulls θ onto Z, the update is mostly normal.
        double[] start = {-1, 1};
        double[] first = gdStep(loss, start.clone(), eta, lambda);
        GeometryReading early = probe.measure(start, first);
        assertTrue(early.normalPart() > 10 * early.tangentPart(), "first step is a loss step: " + early);
    }

    /**
     * Curved Z (w1 w2 = 1, Figure 3 left): after memorization the c-step drift is again along
     * g̃ = P_T(−θ) up to O(λ), and θ heads for the minimum-norm point (1, 1).
     */
    @Test
    void curvedZeroLossSetDriftFollowsTheNormMinimizingDirection() {
        Dataset data = Dataset.single(new double[] {1}, new double[] {1});
        SquaredLoss loss = new SquaredLoss(new TwoLayerLinearScalar(), data);
        GeometryProbe probe = probe(new TwoLayerLinearScalar(), data);
        double eta = 0.1, lambda = 1e-2;
        double[] theta = {0.3, 2.5};
        double[][] ring = new double[10][];
        double minCos = 1;
        int measured = 0;
        for (int step = 0; step < 3000; step++) {
            ring[step % 10] = theta.clone();
            gdStep(loss, theta, eta, lambda);
            if (step >= 100 && step % 50 == 0 && VecOps.distance(theta, new double[] {1, 1}) > 0.05) {
                GeometryReading r = probe.measure(theta, VecOps.sub(theta, ring[(step + 1) % 10]));
                minCos = Math.min(minCos, r.cosNormMin());
                assertTrue(r.distance() < lambda, "stays within O(λ) of Z: " + r);
                measured++;
            }
        }
        assertTrue(measured >= 5, "the drift lasts a while");
        assertTrue(minCos > 0.999, "cos(Δθ, g̃) during the drift: " + minCos);
        // The minimum-norm point of Z is (1, 1); weight decay stops slightly inside, at O(λ).
        assertTrue(VecOps.distance(theta, new double[] {1, 1}) < 0.02, "reached the min-norm point: " + VecOps.norm(theta));
    }

    @Test
    void zeroUpdateAndStationaryNormLeaveTheCosineUndefined() {
        GeometryProbe probe = probe(new LinearModel(2), ONE_PLUS_ONE);
        GeometryReading none = probe.measure(new double[] {0, 2}, new double[2]);
        assertTrue(Double.isNaN(none.cosNormMin()), "no update, no direction");
        assertEquals(0, none.tangentPart(), 0);
        assertEquals(0, none.normalPart(), 0);
        // (1, 1) is the minimum-norm point of Z: g̃ = 0.
        GeometryReading atMin = probe.measure(new double[] {1, 1}, new double[] {0.1, -0.1});
        assertTrue(Double.isNaN(atMin.cosNormMin()), "g̃ = 0 at the minimum-norm point");
        assertArrayEquals(new double[] {0, 0}, probe.normMinimizingDirection(new double[] {1, 1}), 1e-15);
    }

    @Test
    void offZeroLossPointsUseTheTangentAtTheirProjection() {
        GeometryProbe probe = probe(new LinearModel(3), Dataset.single(new double[] {1, 1, 1}, new double[] {3}));
        double[] theta = {2, 0, 0.5}; // w·1 = 2.5, dist = 0.5/√3
        double[] update = {0.1, 0.2, -0.05};
        GeometryReading r = probe.measure(theta, update);
        assertEquals(0.5 / Math.sqrt(3), r.distance(), 1e-15);
        double normal = Math.abs(0.1 + 0.2 - 0.05) / Math.sqrt(3);
        assertEquals(normal, r.normalPart(), 1e-15);
        assertEquals(Math.sqrt(VecOps.dot(update, update) - normal * normal), r.tangentPart(), 1e-15);
    }

    @Test
    void emptyZeroLossSetGivesNoReading() {
        Dataset contradiction = new Dataset(new double[][] {{1, 1}, {1, 1}}, new double[][] {{2}, {3}});
        GeometryProbe probe = probe(new LinearModel(2), contradiction);
        assertSame(GeometryReading.NONE, probe.measure(new double[] {0, 0}, new double[] {1, 0}));
        assertTrue(Double.isNaN(probe.normMinimizingDirection(new double[] {0, 0})[0]));
    }

    @Test
    void rejectsMismatchedDimensions() {
        assertThrows(IllegalArgumentException.class,
                () -> new GeometryProbe(new SquaredLoss(new LinearModel(3), ONE_PLUS_ONE), new AxesZeroLoss()));
    }
}
