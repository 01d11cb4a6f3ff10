package org.grokbench.race;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The race of App. I: recording, determinism, and the paper's outcome on both functions. */
class OptimizerRaceTest {
    static final double[] START = {-1.5, 2.5};

    @Test
    void racesTheSixOptimizersOfTheAppendixInOrder() {
        RaceResult r = new OptimizerRace().run(LogScaled.rosenbrock(), START, 1e-3, 10);
        assertEquals(List.of("sgd", "momentum", "rmsprop", "rprop", "adam", "adamax"),
                r.racers().stream().map(RaceResult.Racer::label).toList());
        for (RaceResult.Racer c : r.racers()) {
            assertEquals(11, c.x().length);
            assertEquals(-1.5, c.x()[0]);
            assertEquals(2.5, c.y()[0]);
            assertEquals(Math.hypot(2.5, 1.5), c.distance()[0], 1e-15);
            for (int t = 0; t <= 10; t++)
                assertEquals(Math.hypot(c.x()[t] - 1, c.y()[t] - 1), c.distance()[t], 1e-15);
        }
    }

    @Test
    void firstStepsAreTheRules() {
        TestFunction f = LogScaled.rosenbrock();
        double lr = 1e-3;
        double[] g = new double[2];
        f.gradient(START, g);
        RaceResult r = new OptimizerRace().run(f, START, lr, 1);
        // sgd and momentum (v = g at the first step): x − η∇f
        for (String label : List.of("sgd", "momentum")) {
            RaceResult.Racer c = r.racer(label);
            assertEquals(START[0] - lr * g[0], c.x()[1], 1e-15, label);
            assertEquals(START[1] - lr * g[1], c.y()[1], 1e-15, label);
        }
        // rprop, adam, adamax: the first step is η·sign(∇f) per component (up to ε)
        for (String label : List.of("rprop", "adam", "adamax")) {
            RaceResult.Racer c = r.racer(label);
            assertEquals(START[0] - lr * Math.signum(g[0]), c.x()[1], 1e-9, label);
            assertEquals(START[1] - lr * Math.signum(g[1]), c.y()[1], 1e-9, label);
        }
        // rmsprop: v = (1 − α)g², step η/√(1 − α)·sign(g) = 10η
        RaceResult.Racer c = r.racer("rmsprop");
        assertEquals(START[0] - 10 * lr * Math.signum(g[0]), c.x()[1], 1e-9);
    }

    @Test
    void sameInputsGiveTheSamePathsBitForBit() {
        RaceResult a = new OptimizerRace().run(LogScaled.rosenbrock(), START, 1e-3, 2000);
        RaceResult b = new OptimizerRace().run(LogScaled.rosenbrock(), START, 1e-3, 2000);
        for (int i = 0; i < a.racers().size(); i++) {
            assertArrayEquals(a.racers().get(i).x(), b.racers().get(i).x(), 0);
            assertArrayEquals(a.racers().get(i).y(), b.racers().get(i).y(), 0);
        }
    }

    /**
     * App. I.1: "The methods that succeed in reaching the minimum are rmsprop, rprop, adam, adamax
     * [...] The method that comes close to it without reaching it is momentum", and sgd crawls.
     */
    @Test
    void onLogRosenbrockTheAdaptiveMethodsReachTheMinimum() {
        RaceResult r = new OptimizerRace().run(LogScaled.rosenbrock(), START, 1e-3, 10_000);
        for (String label : List.of("rmsprop", "rprop", "adam", "adamax"))
            assertTrue(r.racer(label).finalDistance() < 2e-3, label + " ends at " + r.racer(label).finalDistance());
        assertTrue(r.racer("adamax").finalDistance() < 1e-6, "adamax " + r.racer("adamax").finalDistance());
        assertTrue(r.racer("sgd").finalDistance() > 0.1, "sgd " + r.racer("sgd").finalDistance());
        RaceResult.Racer momentum = r.racer("momentum");
        assertTrue(momentum.bestDistance() < 0.5 && momentum.bestDistance() > 0.05, "momentum comes close: "
                + momentum.bestDistance());
        for (RaceResult.Racer c : r.racers()) assertFalse(c.diverged(), c.label());
    }

    /** App. I.2: "No method has succeeded in reaching the global minimum": all stop in one local minimum. */
    @Test
    void onLogRastriginEveryMethodStopsInALocalMinimum() {
        RaceResult r = new OptimizerRace().run(LogScaled.rastrigin(), START, 1e-3, 10_000);
        for (RaceResult.Racer c : r.racers()) {
            assertTrue(c.finalDistance() > 1, c.label() + " " + c.finalDistance());
            // the local minimum near (−1, 2): the gradient of g = Σ n² + ... vanishes a little inside
            assertEquals(-1, c.x()[10_000], 0.02, c.label());
            assertEquals(2, c.y()[10_000], 0.02, c.label());
        }
    }

    @Test
    void aDivergingRacerStopsAndSaysWhen() {
        // gradient descent on −‖x‖² with η = 10 grows 21× per step until it overflows
        TestFunction f = new TestFunction() {
            @Override public String id() { return "blowup"; }
            @Override public String title() { return "x ↦ −x²"; }
            @Override public int dimension() { return 2; }
            @Override public double value(double[] x) { return -(x[0] * x[0] + x[1] * x[1]); }
            @Override public void gradient(double[] x, double[] out) { out[0] = -2 * x[0]; out[1] = -2 * x[1]; }
            @Override public double[] optimum() { return new double[] {0, 0}; }
            @Override public double[] view() { return new double[] {-1, 1, -1, 1}; }
        };
        RaceResult r = new OptimizerRace().run(f, new double[] {1, 1}, 10, 2000);
        RaceResult.Racer sgd = r.racer("sgd");
        assertTrue(sgd.diverged());
        assertTrue(Double.isNaN(sgd.distance()[2000]));
        assertTrue(Double.isFinite(sgd.finalDistance()));
        assertTrue(Double.isNaN(sgd.x()[sgd.divergedAt()]) && Double.isFinite(sgd.x()[sgd.divergedAt() - 1]));
    }

    @Test
    void badArgumentsAreRejected() {
        OptimizerRace race = new OptimizerRace();
        assertThrows(IllegalArgumentException.class, () -> race.run(LogScaled.rosenbrock(), START, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> race.run(LogScaled.rosenbrock(), START, 1e-3, 0));
        assertThrows(IllegalArgumentException.class,
                () -> race.run(LogScaled.rosenbrock(), START, 1e-3, OptimizerRace.MAX_STEPS + 1));
        assertThrows(IllegalArgumentException.class,
                () -> race.run(LogScaled.rosenbrock(), new double[] {Double.NaN, 0}, 1e-3, 10));
    }
}
