package org.grokbench.experiment.preset;

import org.grokbench.data.Dataset;
import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.RunSpec;
import org.grokbench.model.Model;
import org.grokbench.model.SquaredLoss;
import org.grokbench.optim.Optimizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stories of the shipped presets hold: each run is trained here with the engine's model, loss
 * and optimizer (θ ← θ − η(∇L + 2λθ)), the test set drawn as the experiment draws it (seed of the
 * spec), and the phases the story promises are checked. Guards the chosen learning rates and step
 * counts against drift in the presets or the models.
 */
class PresetDynamicsTest {
    static final double TRAIN_LOW = 1e-3, TEST_LOW = 1e-2;

    /** What one simulated run did: first steps below the thresholds (-1 = never) and where it ended. */
    record Outcome(RunSpec run, int trainLowAt, int testLowAt, double[] end, double endTrain, double endTest, double trainAt10) {
        double norm() { return Math.sqrt(end[0] * end[0] + end[1] * end[1] + (end.length > 2 ? end[2] * end[2] : 0)); }
    }

    static List<Outcome> simulate(String id) {
        ExperimentSpec spec = new PresetLoader(ShippedPresetsTest.FOLDER).resolve(id);
        Model model = spec.model().create();
        double[][] xs = spec.train().stream().map(s -> s.x()).toArray(double[][]::new);
        double[][] ys = spec.train().stream().map(s -> s.y()).toArray(double[][]::new);
        SquaredLoss train = new SquaredLoss(model, new Dataset(xs, ys));
        double[] teacher = spec.test().teacher();
        SquaredLoss test = new SquaredLoss(model, Dataset.sampled(spec.test().count(), model.inputDim(), model.outputDim(),
                spec.test().std(), spec.seed(), (x, y) -> model.predict(teacher, x, y)));
        List<Outcome> out = new ArrayList<>();
        for (RunSpec run : spec.runs()) {
            double[] theta = run.init();
            double[] grad = new double[theta.length];
            Optimizer opt = run.optimizer().create();
            int trainLow = -1, testLow = -1;
            double trainAt10 = Double.NaN;
            for (int t = 0; t <= run.steps(); t++) {
                double lt = train.value(theta), le = test.meanValue(theta);
                assertTrue(Double.isFinite(lt) && Double.isFinite(le), id + " " + run.label() + " diverged at step " + t);
                if (t == 10) trainAt10 = lt;
                if (trainLow < 0 && lt < TRAIN_LOW) trainLow = t;
                if (testLow < 0 && le < TEST_LOW) testLow = t;
                if (t == run.steps()) break;
                train.gradient(theta, grad);
                opt.step(theta, grad, run.lr(), run.lambda());
            }
            out.add(new Outcome(run, trainLow, testLow, theta, train.value(theta), test.meanValue(theta), trainAt10));
        }
        return out;
    }

    static void assertNear(double expected, double actual, double tol, String what) {
        assertTrue(Math.abs(expected - actual) <= tol, what + ": expected " + expected + " ± " + tol + ", got " + actual);
    }

    @Test
    void fig1SmallLambdaGroksLateLargerLambdaSoonerButFurtherFromZeroLoss() {
        List<Outcome> o = simulate("fig1-one-plus-one");
        Outcome small = o.get(0), mid = o.get(1), big = o.get(2);
        assertEquals(0.01, small.run().lambda());
        assertTrue(small.trainLowAt() >= 1 && small.trainLowAt() <= 20, "train < 1e-3 within ~10 steps: " + small.trainLowAt());
        assertTrue(small.testLowAt() >= 300 && small.testLowAt() <= 2000, "test < 1e-2 after hundreds of steps: " + small.testLowAt());
        assertTrue(mid.testLowAt() > 0 && mid.testLowAt() < small.testLowAt(), "larger λ generalizes sooner");
        assertEquals(-1, mid.trainLowAt(), "λ = 0.1 stalls above 1e-3 train loss");
        assertEquals(-1, big.testLowAt(), "λ = 0.2 stays above 1e-2 test loss");
        assertTrue(small.endTrain() < mid.endTrain() && mid.endTrain() < big.endTrain(), "smaller λ, lower loss");
        for (Outcome x : o) { // the minimum of L_λ: w1 = w2 = 2/(2+λ)
            double w = 2 / (2 + x.run().lambda());
            assertNear(w, x.end()[0], 1e-2, x.run().label() + " w1");
            assertNear(w, x.end()[1], 1e-2, x.run().label() + " w2");
        }
    }

    @Test
    void fig2EveryStartMemorizesFastThenReachesOneOneOne() {
        for (Outcome x : simulate("fig2-three-numbers")) {
            assertTrue(x.trainLowAt() > 0 && x.trainLowAt() <= 10, x.run().label() + " train " + x.trainLowAt());
            assertTrue(x.testLowAt() >= 300 && x.testLowAt() <= 1500, x.run().label() + " test " + x.testLowAt());
            for (double w : x.end()) assertNear(1, w, 0.02, x.run().label());
        }
    }

    @Test
    void fig3CurvedRunsEndAtTheBalancedPointOfTheirBranch() {
        for (Outcome x : simulate("fig3-curved")) {
            double a = Math.sqrt(1 - x.run().lambda());
            double sign = Math.signum(x.end()[0]);
            double[] init = x.run().init();
            if (init[0] * init[1] > 0) assertEquals(Math.signum(init[0]), sign, x.run().label() + " stays on its branch");
            assertNear(sign * a, x.end()[0], 0.01, x.run().label());
            assertNear(sign * a, x.end()[1], 0.01, x.run().label());
            assertTrue(x.trainLowAt() > 0 && x.trainLowAt() <= 20, x.run().label() + " train " + x.trainLowAt());
        }
    }

    @Test
    void fig3SingularRunsSlideAlongTheAxesIntoTheOrigin() {
        for (Outcome x : simulate("fig3-singular")) {
            assertTrue(x.norm() < 1e-3, x.run().label() + " ends at the singular point, |θ| = " + x.norm());
            assertTrue(x.trainLowAt() > 0 && x.trainLowAt() <= 120, x.run().label() + " train " + x.trainLowAt());
        }
    }

    @Test
    void fig3LeakyReluRunsCrossTheKinkThenGrok() {
        for (Outcome x : simulate("fig3-leaky-relu")) {
            double[] init = x.run().init();
            if (init[0] + init[1] < 0) {
                assertTrue(x.trainAt10() > 1, x.run().label() + " still creeping on the inactive side at step 10");
                assertTrue(x.trainLowAt() >= 20 && x.trainLowAt() <= 50, x.run().label() + " train " + x.trainLowAt());
            } else {
                assertTrue(x.trainLowAt() > 0 && x.trainLowAt() <= 10, x.run().label() + " train " + x.trainLowAt());
            }
            assertTrue(x.testLowAt() >= 200 && x.testLowAt() <= 1000, x.run().label() + " test " + x.testLowAt());
            assertTrue(x.testLowAt() >= 5 * x.trainLowAt(), "grokking gap: " + x.trainLowAt() + " vs " + x.testLowAt());
            for (double w : x.end()) assertNear(1, w, 0.02, x.run().label());
        }
    }

    @Test
    void fig4RunsReachTheParabolaFastAndTheOriginSlowly() {
        for (Outcome x : simulate("fig4-gradient-orthogonality")) {
            assertTrue(x.trainLowAt() > 0 && x.trainLowAt() <= 30, x.run().label() + " train " + x.trainLowAt());
            assertTrue(x.testLowAt() >= 1000 && x.testLowAt() < x.run().steps(), x.run().label() + " test " + x.testLowAt());
            assertTrue(x.norm() < 0.1, x.run().label() + " ends near the origin, |θ| = " + x.norm());
        }
    }
}
