package org.grokbench.representation;

import org.grokbench.sweep.CellResult;
import org.grokbench.sweep.SweepException;
import org.grokbench.sweep.SweepRunner;
import org.grokbench.sweep.SweepStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The toy's phase diagram as a sweep grid: overrides, classification, resume, axis errors. */
class PhaseDiagramTest {
    /** A small decoder so that cells take milliseconds. */
    static final ToySpec SMALL = ToySpec.paper().withHiddenWidths(new int[] {16}).withOutputDim(4).withSeed(5);

    static PhaseDiagram tiny(long budget) {
        return new PhaseDiagram(SMALL, ToyParameter.DECODER_LR, List.of(1e-3, 1e-2), ToyParameter.DECODER_WD, List.of(0.0, 1.0),
                new PhaseCriteria(0.9, 0.9, budget, 1000), 5);
    }

    @Test
    void cellSpecOverridesExactlyTheTwoParameters() {
        ToySpec s = tiny(10).cellSpec(1, 1);
        assertEquals(1e-2, s.decoder().lr());
        assertEquals(1.0, s.decoder().weightDecay());
        assertEquals(SMALL.representation(), s.representation());
        assertEquals(SMALL.seed(), s.seed());
        ToySpec a = PhaseDiagram.representationLrByDecoderLr(SMALL, PhaseCriteria.paper()).cellSpec(0, 10);
        assertEquals(1e-5, a.representation().lr());
        assertEquals(1e-2, a.decoder().lr());
    }

    @Test
    void paperGridsAreElevenByElevenAndLogSpacedWhereTheyShouldBe() {
        PhaseDiagram b = PhaseDiagram.decoderLrByWeightDecay(SMALL, PhaseCriteria.paper());
        assertEquals(121, b.cellCount());
        assertEquals(1e-5, b.xValue(0));
        assertEquals(1e-2, b.xValue(10));
        assertEquals(Math.pow(10, -3.5), b.xValue(5), 1e-15);   // ratio 10^0.3 between columns
        assertTrue(PhaseDiagram.logSpaced(b.xs()));
        assertFalse(PhaseDiagram.logSpaced(b.ys()));
        assertEquals(10.0, b.yValue(10));
    }

    @Test
    void classificationStopsOnceBothThresholdsAreReachedAndAgreesWithTable1() {
        // a budget of 0 steps: the initial network cannot fit the training set
        ToyTraining run = new ToyTraining(SMALL);
        PhaseDiagram.Outcome o = PhaseDiagram.classify(run, new PhaseCriteria(0.9, 0.9, 0, 1000), 5, null);
        assertEquals(LearningPhase.CONFUSION, o.reading().phase());
        assertEquals(0, run.stepCount());
        // thresholds at the lowest possible accuracy: reached at step 0, so the run stops there, comprehension
        ToyTraining run2 = new ToyTraining(SMALL);
        PhaseDiagram.Outcome o2 = PhaseDiagram.classify(run2, new PhaseCriteria(1e-9, 1e-9, 100, 1000), 5, null);
        assertEquals(LearningPhase.COMPREHENSION, o2.reading().phase());
        assertEquals(0, run2.stepCount());
        // same seed, same numbers
        ToyTraining a = new ToyTraining(SMALL), b = new ToyTraining(SMALL);
        PhaseCriteria c = new PhaseCriteria(0.9, 0.9, 60, 1000);
        assertEquals(PhaseDiagram.classify(a, c, 5, null), PhaseDiagram.classify(b, c, 5, null));
        assertArrayEquals(a.decoder(), b.decoder());
    }

    @Test
    void runnerTrainsStoresAndResumesTheGrid(@TempDir Path dir) throws Exception {
        PhaseDiagram grid = tiny(30);
        SweepStore store = new SweepStore(dir);
        SweepRunner first = new SweepRunner(grid, store, 2, null);
        first.start();
        SweepRunner.Outcome o = first.await();
        assertTrue(o.complete());
        for (CellResult c : first.results()) {
            assertNotNull(PhaseDiagram.phaseOf(c), c.toString());
            assertTrue(c.value(PhaseDiagram.STEPS) <= 30);
        }
        Path csv = store.writeCsv(grid, first.results(), "phase-diagram.csv");
        List<String> rows = Files.readAllLines(csv);
        assertEquals("i,j,decoderLr,decoderWd,status,seconds,phase,train90_step,val90_step,train_acc,val_acc,rqi,steps,message", rows.get(0));
        assertEquals(5, rows.size());
        List<Boolean> resumed = new ArrayList<>();
        SweepRunner again = new SweepRunner(grid, new SweepStore(dir), 1, (c, r, n, t) -> resumed.add(r));
        again.start();
        again.await();
        assertEquals(List.of(true, true, true, true), resumed);
        // another budget is another diagram: the folder refuses it
        SweepException e = assertThrows(SweepException.class, () -> new SweepStore(dir).open(tiny(31)));
        assertTrue(e.getMessage().contains("different sweep"), e.getMessage());
    }

    @Test
    void cancelledRunnerStoresNothingUnfinished(@TempDir Path dir) throws Exception {
        SweepRunner r = new SweepRunner(tiny(100_000), new SweepStore(dir), 1, null);
        r.start();
        r.cancel();
        SweepRunner.Outcome o = r.await();
        assertTrue(o.cancelled());
        assertTrue(o.finished() < 4);
    }

    @Test
    void axesParseAndBadValuesNameTheParameter() {
        PhaseDiagram.Axis a = PhaseDiagram.Axis.parse("decoderLr=log:1e-4:1e-2:3");
        assertEquals(ToyParameter.DECODER_LR, a.parameter());
        assertEquals(1e-3, a.values().get(1), 1e-15);
        assertEquals(List.of(0.0, 5.0, 10.0), PhaseDiagram.Axis.parse("decoderwd=lin:0:10:3").values());
        assertEquals(List.of(0.5, 1.0), PhaseDiagram.Axis.parse("initScale=0.5,1").values());
        assertTrue(assertThrows(SweepException.class, () -> PhaseDiagram.Axis.parse("decoderLr=0,1e-3")).getMessage().contains("decoderLr must be a number in (0, 100]"));
        assertTrue(assertThrows(SweepException.class, () -> PhaseDiagram.Axis.parse("width=1,2")).getMessage().contains("allowed: decoderLr"));
        assertTrue(assertThrows(SweepException.class, () -> PhaseDiagram.Axis.parse("reprLr=abc")).getMessage().contains("reprLr must be"));
        assertThrows(SweepException.class, () -> new PhaseDiagram(SMALL, ToyParameter.DECODER_LR, List.of(1e-3),
                ToyParameter.DECODER_LR, List.of(1e-3), PhaseCriteria.paper(), 10));
    }
}
