package org.grokbench.experiment;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunTest {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "grokbench-test-run");
        t.setDaemon(true);
        return t;
    });

    @AfterEach
    void shutdown() {
        executor.shutdownNow();
    }

    private static Snapshot waitFor(Run run, Predicate<Snapshot> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Snapshot s = run.latest();
            if (condition.test(s)) return s;
            Thread.sleep(1);
        }
        throw new AssertionError("condition not reached; last snapshot " + run.latest().status() + " at " + run.latest().step());
    }

    @Test
    void onePlusOneEndsAtTheClosedFormMinimumOfTheRegularizedLoss() {
        // L_λ = (w1 + w2 − 2)² + λ(w1² + w2²) is minimal at w1 = w2 = 2 / (2 + λ).
        double[] lambdas = {0.01, 0.1, 0.2};
        Snapshot end = new Run(Experiment.build(Specs.onePlusOne(0.1, 10_000, lambdas))).runBlocking();
        assertEquals(RunStatus.FINISHED, end.status());
        for (int i = 0; i < lambdas.length; i++) {
            double w = 2 / (2 + lambdas[i]);
            TrajectorySnapshot t = end.trajectories().get(i);
            assertEquals(10_000, t.step());
            assertArrayEquals(new double[] {w, w}, t.theta(), 1e-6, t.label());
        }
    }

    @Test
    void onePlusOneMemorizesLongBeforeItGeneralizes() {
        Snapshot end = new Run(Experiment.build(Specs.onePlusOne(0.1, 5000, 0.01))).runBlocking();
        HistoryView h = end.trajectories().get(0).history();
        long memorized = h.firstStepBelow(Metric.TRAIN_LOSS, 1e-3);
        long generalized = h.firstStepBelow(Metric.TEST_LOSS, 1e-2);
        assertTrue(memorized > 0 && memorized < 30, "train loss < 1e-3 at " + memorized);
        assertTrue(generalized > 20 * memorized, "test loss < 1e-2 at " + generalized + ", memorized at " + memorized);
        // After memorization the update is almost all tangent to Z and points along the norm-minimizing direction.
        int row = h.rowAtOrBefore(500);
        assertTrue(h.metric(row, Metric.COS_NORM_MIN) > 0.99, "cos " + h.metric(row, Metric.COS_NORM_MIN));
        assertTrue(h.metric(row, Metric.DIST_TO_ZERO_LOSS) < 0.05);
    }

    @Test
    void sameSpecSameSeedSameNumbers() {
        ExperimentSpec spec = Specs.onePlusOne(0.1, 300, 0.01, 0.2);
        Snapshot a = new Run(Experiment.build(spec)).runBlocking();
        Snapshot b = new Run(Experiment.build(spec)).runBlocking();
        for (int i = 0; i < 2; i++) {
            HistoryView ha = a.trajectories().get(i).history(), hb = b.trajectories().get(i).history();
            assertEquals(ha.size(), hb.size());
            for (Metric m : Metric.values()) assertArrayEquals(ha.column(m), hb.column(m), 0, m.column());
        }
        Snapshot c = new Run(Experiment.build(spec.withSeed(1))).runBlocking();
        double testA = a.trajectories().get(0).metric(Metric.TEST_LOSS);
        double testC = c.trajectories().get(0).metric(Metric.TEST_LOSS);
        assertTrue(testA != testC, "another seed draws another test set");
    }

    @Test
    void divergenceStopsTheRunAndKeepsHistory() {
        // lr = 1 > 2/4 (the curvature normal to Z is 4): GD oscillates with growing amplitude.
        Snapshot end = new Run(Experiment.build(Specs.onePlusOne(1.0, 100_000, 0.01))).runBlocking();
        assertEquals(RunStatus.DIVERGED, end.status());
        assertTrue(end.message().contains("λ=0.01") && end.message().contains("diverged"), end.message());
        HistoryView h = end.trajectories().get(0).history();
        assertTrue(h.size() > 100, "history kept: " + h.size());
        for (int i = 0; i < h.size(); i++) {
            assertTrue(Double.isFinite(h.metric(i, Metric.TRAIN_LOSS)), "row " + i);
            assertTrue(Double.isFinite(h.param(i, 0)), "row " + i);
        }
    }

    @Test
    void commandsPauseStepChangeHyperparametersAndStop() throws Exception {
        Run run = new Run(Experiment.build(Specs.onePlusOne(0.1, 1_000_000, 0.01, 0.1)));
        run.start(executor, true);
        waitFor(run, s -> s.status() == RunStatus.PAUSED);
        run.send(new Command.Step(5));
        Snapshot s = waitFor(run, x -> x.status() == RunStatus.PAUSED && x.trajectories().get(0).history().size() == 6);
        assertEquals(5, s.trajectories().get(0).step(), "five steps taken: rows 0..5 recorded, the latest is step 5");

        run.send(new Command.SetWeightDecay(1, 0.3));
        run.send(new Command.SetLearningRate(Command.ALL, 0.05));
        s = waitFor(run, x -> x.trajectories().get(1).lambda() == 0.3 && x.trajectories().get(0).lr() == 0.05);
        assertEquals(0.01, s.trajectories().get(0).lambda(), 0, "only run 1 changed");
        assertEquals(0.05, s.trajectories().get(0).lr(), 0);

        run.send(new Command.Resume());
        waitFor(run, x -> x.status() == RunStatus.RUNNING && x.step() > 1000);
        run.send(new Command.Pause());
        Snapshot paused = waitFor(run, x -> x.status() == RunStatus.PAUSED);
        long at = paused.step();
        Thread.sleep(50);
        assertEquals(at, run.latest().step(), "a paused run does not step");

        run.send(new Command.Stop());
        Snapshot stopped = waitFor(run, x -> x.status() == RunStatus.STOPPED);
        assertTrue(stopped.trajectories().get(0).history().size() > 1000);
        assertTrue(run.awaitTermination(5, TimeUnit.SECONDS));
    }

    @Test
    void snapshotsArePublishedAtABoundedRate() {
        Run run = new Run(Experiment.build(Specs.onePlusOne(0.1, 200_000, 0.01)));
        Snapshot end = run.runBlocking();
        assertEquals(RunStatus.FINISHED, end.status());
        // ≤ ~30 per second, and far fewer than the steps taken
        assertTrue(end.version() < 2000, "published " + end.version() + " snapshots for 200000 steps");
    }

    @Test
    void speedLimitHoldsTheStepRate() throws Exception {
        Run run = new Run(Experiment.build(Specs.onePlusOne(0.1, 1_000_000, 0.01)));
        run.send(new Command.SetSpeed(200));
        long t0 = System.nanoTime();
        run.start(executor, false);
        waitFor(run, s -> s.step() >= 40);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds > 0.1, "40 steps at 200 steps/s took " + seconds + " s");
        run.send(new Command.Stop());
    }
}
