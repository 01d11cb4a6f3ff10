package org.grokbench.experiment;

import org.grokbench.analysis.AffineZeroLoss;
import org.grokbench.analysis.NormMinimizingFlow;
import org.grokbench.math.PowerLawFit;
import org.grokbench.math.VecOps;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two-phase analysis of riemannian-norm-minimisation: phase timing, the power-law fit, the
 * norm-minimizing flow on Z against its closed form, and the paper's two claims on a small task
 * (drop time ∝ 1/λ; the run follows the predicted flow).
 */
class TwoPhaseTest {
    /** A 12-input, 6-sample, 1-sparse regression: small enough for a sweep in a second. */
    static ExperimentSpec tinySparseRegression(double lambda, long steps) {
        TaskSpec task = new TaskSpec(6, 1, 0, 0, 100, 0.1, new TwoPhaseSpec(1e-3, 0.5));
        RunSpec run = new RunSpec("λ", 0.01, lambda, steps, new double[0], OptimizerSpec.gd(), 3, 0.5);
        RunSpec twin = new RunSpec("λ = 0", 0.01, 0, steps, new double[0], OptimizerSpec.gd(), 3, 0.5);
        return new ExperimentSpec("tiny", "tiny", "s", "p", "f", ModelSpec.task("diagonal-linear", 12, 0), List.of(), null,
                List.of(run, twin), 5, new ProbeSpec(100, 20_000), ViewSpec.defaults(), null, task);
    }

    @Test
    void clockFindsInterpolationPlateauAndDrop() {
        TwoPhaseClock c = new TwoPhaseClock(new TwoPhaseSpec(1e-3, 0.5));
        double[][] losses = {{1, 5}, {1e-2, 4}, {5e-4, 3}, {1e-4, 2}, {1e-4, 1.5}, {1e-4, 1.4}};
        for (int t = 0; t < losses.length; t++) c.observe(t, losses[t][0], losses[t][1]);
        assertEquals(2, c.interpolationStep());
        assertEquals(3, c.plateau());
        assertEquals(4, c.dropStep()); // 1.5 <= 0.5 × 3, 2 is not
    }

    @Test
    void powerLawFitRecoversAnExactLawAndIgnoresMissingPoints() {
        double[] x = {1, 10, 100, 1000, 5};
        double[] y = {3, 30, 300, 3000, -1};
        PowerLawFit f = PowerLawFit.of(x, y);
        assertEquals(1, f.slope(), 1e-12);
        assertEquals(3, f.prefactor(), 1e-10);
        assertEquals(1, f.r2(), 1e-12);
        assertEquals(4, f.points());
    }

    @Test
    void flowOnAnAffineZeroLossSetIsTheExponentialApproachToTheMinimumNormPoint() {
        // Z = {w1 + w2 = 2} (Figure 1): θ* = (1, 1) and θ(τ) = θ* + e^{−τ}(θ(0) − θ*).
        AffineZeroLoss z = new AffineZeroLoss(new double[][] {{1, 1}}, new double[] {2});
        NormMinimizingFlow flow = new NormMinimizingFlow(z, 1e-3);
        double[] theta = flow.start(new double[] {0, 2});
        flow.advance(theta, 1.5);
        double e = Math.exp(-1.5);
        assertEquals(1 - e, theta[0], 2e-3);
        assertEquals(1 + e, theta[1], 2e-3);
        assertEquals(2, theta[0] + theta[1], 1e-12);
    }

    @Test
    void flowStaysOnZAndLowersTheNormOnACurvedZeroLossSet() {
        Experiment e = Experiment.build(tinySparseRegression(0.01, 10));
        NormMinimizingFlow flow = new NormMinimizingFlow(e.zeroLoss(), 0.02);
        double[] theta = flow.start(e.initialParameters(e.spec().runs().get(0)));
        var loss = e.newTrainLoss();
        double before = VecOps.norm(theta);
        flow.advance(theta, 0.5);
        assertTrue(loss.value(theta) < 1e-16, "on Z: L = " + loss.value(theta));
        assertTrue(VecOps.norm(theta) < before - 0.05, "norm " + before + " -> " + VecOps.norm(theta));
    }

    @Test
    void dropTimeScalesAsOneOverLambda() {
        double[] lambdas = {0.005, 0.01, 0.02};
        DropTimeSweep.Result r = DropTimeSweep.sweep(tinySparseRegression(0.005, 100_000), 0, lambdas, 100_000,
                new TwoPhaseSpec(1e-3, 0.5), null);
        for (DropTimeSweep.Point p : r.points()) assertTrue(p.dropStep() > 0, "no drop at λ = " + p.lambda());
        assertEquals(1, r.slowPhaseFit().slope(), 0.1, "slow-phase slope " + r.slowPhaseFit());
    }

    @Test
    void runFollowsThePredictedFlowOnZ() {
        ExperimentSpec s = tinySparseRegression(0.01, 6000);
        Experiment e = Experiment.build(s);
        SlowFlowComparison.Result r = SlowFlowComparison.compare(e, s.runs().get(0), new TwoPhaseSpec(1e-3, 0.5), 100);
        assertTrue(r.rows().size() > 10);
        assertTrue(r.finalTravel() > 0.3, "the slow phase moves: travel " + r.finalTravel());
        assertTrue(r.maxDistance() < 0.05 * r.finalTravel(), "distance " + r.maxDistance() + " vs travel " + r.finalTravel());
    }

    @Test
    void sameSeedSameTaskAndTheTwinStartsWhereTheRunStarts() {
        Experiment a = Experiment.build(tinySparseRegression(0.01, 10)), b = Experiment.build(tinySparseRegression(0.01, 10));
        assertEquals(a.trainData().targets()[3][0], b.trainData().targets()[3][0]);
        double[] run = a.initialParameters(a.spec().runs().get(0)), twin = a.initialParameters(a.spec().runs().get(1));
        org.junit.jupiter.api.Assertions.assertArrayEquals(run, twin);
        // 1-sparse ground truth: the test targets are ± one input coordinate
        double[] x = a.testData().inputs()[0];
        double y = a.testData().targets()[0][0];
        boolean match = false;
        for (double v : x) match |= Math.abs(Math.abs(v) - Math.abs(y)) < 1e-12;
        assertTrue(match);
    }
}
