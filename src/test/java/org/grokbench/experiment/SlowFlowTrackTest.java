package org.grokbench.experiment;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window's slow flow ({@link SlowFlowTrack}, read off a recorded history) against the CLI's
 * ({@link SlowFlowComparison}, a dedicated run), its incremental extension and cancellation, and
 * the PCA plane of both paths ({@link SlowFlowPlane}).
 */
class SlowFlowTrackTest {
    private static final long STEPS = 1200;

    /** The run's history with every step's metrics and θ, as the window would keep it uncapped. */
    private static HistoryView everyStep(Experiment e, RunSpec run) {
        List<Long> steps = new ArrayList<>();
        List<double[]> metrics = new ArrayList<>(), thetas = new ArrayList<>();
        TwoPhaseRun.run(e, run, e.twoPhase(), false, (step, theta, m) -> {
            steps.add(step);
            metrics.add(m.clone());
            thetas.add(theta.clone());
        });
        long[] s = steps.stream().mapToLong(Long::longValue).toArray();
        return new HistoryView(s, metrics.toArray(new double[0][]), s.clone(), thetas.toArray(new double[0][]),
                Metric.COUNT, thetas.get(0).length);
    }

    @Test
    void flowAlongTheHistoryIsTheCommandsFlowAndExtendsIncrementally() {
        Experiment e = Experiment.build(TwoPhaseTest.tinySparseRegression(0.01, STEPS));
        RunSpec run = e.spec().runs().get(0);
        HistoryView h = everyStep(e, run);
        SlowFlowComparison.Result cli = SlowFlowComparison.compare(e, run, e.twoPhase(), 1);
        assertTrue(cli.rows().size() > 100, "reached Z early: " + cli.rows().size());

        SlowFlowTrack fresh = new SlowFlowTrack(e, e.twoPhase());
        assertNull(fresh.follow(run, run.lr(), run.lambda(), 1, h.until(cli.rows().get(0).step() - 1), () -> false, null),
                "not on Z before t_int");
        SlowFlowComparison.Result whole = fresh.follow(run, run.lr(), run.lambda(), 1, h, () -> false, null);
        assertNotNull(whole);
        assertEquals(cli.rows().size(), whole.rows().size());
        for (int i = 0; i < whole.rows().size(); i += 97) {
            SlowFlowComparison.Row a = cli.rows().get(i), b = whole.rows().get(i);
            assertEquals(a.step(), b.step());
            assertEquals(a.tau(), b.tau(), 1e-12);
            assertEquals(a.distance(), b.distance(), 1e-12);
            assertEquals(a.flowTestLoss(), b.flowTestLoss(), 1e-12);
        }
        assertEquals(cli.maxDistance(), whole.maxDistance(), 1e-12);
        assertEquals(cli.predictedDrop(), whole.predictedDrop());

        // Half, then a cancelled extension, then the rest: the same numbers as in one go.
        SlowFlowTrack parts = new SlowFlowTrack(e, e.twoPhase());
        SlowFlowComparison.Result half = parts.follow(run, run.lr(), run.lambda(), 1, h.until(STEPS / 2), () -> false, null);
        assertEquals(STEPS / 2, half.rows().get(half.rows().size() - 1).step());
        assertThrows(CancellationException.class, () -> parts.follow(run, run.lr(), run.lambda(), 1, h, () -> true, null));
        int[] progress = {0, 0};
        SlowFlowComparison.Result rest = parts.follow(run, run.lr(), run.lambda(), 1, h, () -> false, (done, of) -> {
            progress[0] = done;
            progress[1] = of;
        });
        assertEquals(progress[1], progress[0], "progress ends at all rows");
        assertEquals(whole.rows().size(), rest.rows().size());
        assertEquals(whole.finalDistance(), rest.finalDistance(), 1e-12);
        assertArrayEquals(whole.rows().get(whole.rows().size() - 1).flowTheta(), rest.rows().get(rest.rows().size() - 1).flowTheta(), 1e-12);
        // Thinned as slow-flow --every 6 thins: rows t_int + 6k.
        SlowFlowComparison.Result thin = new SlowFlowTrack(e, e.twoPhase()).follow(run, run.lr(), run.lambda(), 6, h, () -> false, null);
        long tInt = whole.rows().get(0).step();
        assertEquals((STEPS - tInt) / 6 + 1, thin.rows().size());
        for (int i = 0; i < thin.rows().size(); i++) assertEquals(tInt + 6L * i, thin.rows().get(i).step());
        assertEquals(whole.rows().get(6 * 10).distance(), thin.rows().get(10).distance(), 1e-4, "coarser Euler steps, same flow");
        // Scrubbing back shows the rows up to the shown step only.
        assertEquals(half.rows().size(), parts.follow(run, run.lr(), run.lambda(), 1, h.until(STEPS / 2), () -> false, null).rows().size());
    }

    @Test
    void predictedPathEqualToTheRunProjectsOntoItExactly() {
        Experiment e = Experiment.build(TwoPhaseTest.tinySparseRegression(0.01, 600));
        SlowFlowComparison.Result r = SlowFlowComparison.compare(e, e.spec().runs().get(0), e.twoPhase(), 10);
        List<SlowFlowComparison.Row> same = new ArrayList<>();
        for (SlowFlowComparison.Row row : r.rows())
            same.add(SlowFlowComparison.row(row.step(), row.tau(), row.trainLoss(), row.testLoss(), row.testLoss(),
                    row.theta(), row.theta(), r.rows().get(0).theta()));
        SlowFlowPlane p = SlowFlowPlane.of(same);
        assertArrayEquals(p.runPc1(), p.flowPc1(), 0);
        assertArrayEquals(p.runPc2(), p.flowPc2(), 0);
        assertEquals(0, p.maxGap(), 0);
        // The real flow: its own path in the run's plane, ending near the run's end (the flow tracks the run).
        SlowFlowPlane real = SlowFlowPlane.of(r.rows());
        int last = r.rows().size() - 1;
        assertEquals(0, real.runPc1()[last], 0);
        double gap = Math.hypot(real.flowPc1()[last], real.flowPc2()[last]);
        assertTrue(gap <= r.finalDistance() + 1e-12, "the in-plane gap is at most the full distance: " + gap);
        assertTrue(real.maxGap() <= r.maxDistance() + 1e-12 && real.maxGap() > 0);
        assertTrue(real.firstRatio() + real.secondRatio() > 0.5);
        assertNull(SlowFlowPlane.of(r.rows().subList(0, 1)));
    }
}
