package org.grokbench.sweep;

import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.Metric;
import org.grokbench.experiment.Run;
import org.grokbench.experiment.Snapshot;
import org.grokbench.experiment.preset.PresetLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepRunnerTest {
    static final ExperimentSpec FIG1 = new PresetLoader(Path.of("presets")).resolve("fig1-one-plus-one")
            .withOverrides(200L, null, null, null);

    static final CellMeasure FIRST_LOSS_SUM = new CellMeasure() {
        @Override public String name() { return "early_loss_sum"; }
        @Override public double measure(CellRun c) {
            double[] l = CellMeasures.firstSteps(c.trajectory().history(), Metric.TRAIN_LOSS, 50);
            double s = 0;
            for (double v : l) s += v;
            return s;
        }
        @Override public int fullResolutionSteps() { return 50; }
    };

    static SweepPlan plan(String x, String y) {
        List<CellMeasure> ms = new ArrayList<>(CellMeasures.FINAL);
        ms.add(FIRST_LOSS_SUM);
        return SweepPlan.of(FIG1, "λ = 0.1", SweepAxis.parse(x), y == null ? null : SweepAxis.parse(y), ms);
    }

    @Test
    void eachCellHasTheNumbersOfTheSameRunTrainedAlone() throws Exception {
        SweepPlan p = plan("lambda=0.01,0.2", "lr=0.05,0.1");
        List<CellResult> seen = new ArrayList<>();
        try (SweepRunner r = new SweepRunner(p, null, 2, (c, resumed, n, total) -> seen.add(c))) {
            r.start();
            SweepRunner.Outcome o = r.await();
            assertTrue(o.complete());
            assertEquals(4, o.total());
        }
        assertEquals(4, seen.size());
        for (CellResult c : seen) {
            ExperimentSpec alone = p.cellSpec(c.i(), c.j());
            assertEquals(1, alone.runs().size());
            assertEquals(c.x(), alone.runs().get(0).lambda());
            assertEquals(c.y(), alone.runs().get(0).lr());
            Snapshot s = new Run(Experiment.build(alone)).runBlocking();
            assertEquals(s.trajectories().get(0).metric(Metric.TEST_LOSS), c.value("test_loss"), 0);
            assertEquals(s.trajectories().get(0).metric(Metric.TRAIN_LOSS), c.value("train_loss"), 0);
            assertEquals(200, c.value("steps"));
            assertEquals(CellResult.FINISHED, c.status());
            assertTrue(c.value("early_loss_sum") > 0);
        }
    }

    @Test
    void aCancelledSweepKeepsItsFinishedCellsAndResumesWithoutRetrainingThem(@TempDir Path dir) throws Exception {
        SweepPlan p = plan("lambda=0.01,0.05,0.1,0.2", "lr=0.05,0.1");
        SweepStore store = new SweepStore(dir);
        java.util.concurrent.atomic.AtomicReference<SweepRunner> self = new java.util.concurrent.atomic.AtomicReference<>();
        SweepRunner first = new SweepRunner(p, store, 1, (c, resumed, n, total) -> {
            if (n == 3) self.get().cancel();
        });
        self.set(first);
        first.start();
        SweepRunner.Outcome o = first.await();
        first.close();
        assertTrue(o.cancelled());
        int kept;
        try (var files = Files.list(dir.resolve(SweepStore.CELLS_DIR))) {
            kept = (int) files.filter(f -> f.toString().endsWith(".json")).count();
        }
        assertEquals(o.finished(), kept, "every finished cell is on disk, and nothing else");
        assertTrue(kept >= 3 && kept < 8, "kept " + kept);

        AtomicInteger resumed = new AtomicInteger(), trained = new AtomicInteger();
        try (SweepRunner second = new SweepRunner(p, new SweepStore(dir), 2,
                (c, wasStored, n, total) -> (wasStored ? resumed : trained).incrementAndGet())) {
            second.start();
            assertTrue(second.await().complete());
            assertEquals(8, second.results().size());
        }
        assertEquals(kept, resumed.get());
        assertEquals(8 - kept, trained.get());

        Path csv = new SweepStore(dir).writeCsv(p, new SweepStore(dir).open(p).values());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("i,j,lambda,lr,status,seconds,val_acc,train_acc,train_loss,test_loss,steps,early_loss_sum,message",
                lines.get(0));
        assertEquals(9, lines.size());
    }

    @Test
    void aFolderOfAnotherSweepIsRefused(@TempDir Path dir) {
        new SweepStore(dir).open(plan("lambda=0.01,0.2", null));
        SweepException e = assertThrows(SweepException.class, () -> new SweepStore(dir).open(plan("lambda=0.01,0.1", null)));
        assertTrue(e.getMessage().contains("holds a different sweep (preset fig1-one-plus-one, x lambda = [0.01,0.2])"),
                e.getMessage());
        assertFalse(e.getMessage().contains("y "));
    }

    @Test
    void aOneDimensionalSweepHasOneRowAndTheFingerprintFollowsThePlan() throws Exception {
        SweepPlan p = plan("lambda=0.01,0.2", null);
        assertEquals(1, p.rows());
        assertTrue(Double.isNaN(p.yValue(0)));
        assertEquals(p.fingerprint(), plan("lambda=0.01,0.2", null).fingerprint());
        assertFalse(p.fingerprint().equals(plan("lambda=0.01,0.2", "lr=0.1").fingerprint()));
        assertEquals("λ = 0.1 → lambda = 0.2", p.cellSpec(1, 0).runs().get(0).label());
        assertThrows(SweepException.class, () -> SweepPlan.of(FIG1, "no such run", SweepAxis.parse("lr=0.1"), null,
                CellMeasures.FINAL));
        assertThrows(SweepException.class, () -> plan("lr=0.1,0.2", "lr=0.3"));
    }

    @Test
    void aCellThatDivergesIsReportedAsSuch() throws Exception {
        SweepPlan p = plan("lr=10", null);
        try (SweepRunner r = new SweepRunner(p, null, 1, null)) {
            r.start();
            r.await();
            CellResult c = r.results().get(0);
            assertEquals(CellResult.DIVERGED, c.status());
            assertTrue(c.message().contains("diverged"), c.message());
            assertTrue(c.value("steps") < 200);
        }
    }

}
