package org.grokbench.representation;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A phase-diagram cell stops once both Table 1 thresholds have been reached (decisions 0013, 0015).
 * The claim that makes this safe: the early-stopped cell gets exactly the phase and first-passage
 * steps of the same run trained to the full budget and classified afterwards
 * ({@link ToyTraining.ToyHistory#phase}, an independent path through {@link ToyTraining#read()}).
 */
class PhaseEarlyStopTest {
    /**
     * A small decoder (1-32-30) with thresholds 80 % / 60 %, a 1500-step budget and a delay of 100
     * steps, so that every phase appears within milliseconds per cell (found by a scan; see the grid).
     */
    static final ToySpec SMALL = ToySpec.paper().withHiddenWidths(new int[] {32}).withSeed(5);
    static final PhaseCriteria CRITERIA = new PhaseCriteria(0.8, 0.6, 1500, 100);
    static final int EVERY = 10;

    @Test
    void earlyStoppedCellsGetTheFullBudgetPhaseAndThresholdSteps() {
        // {decoder lr, decoder wd}: too slow a decoder (confusion); validation passes before train
        // (comprehension); validation 150 steps after train (grokking); a fast decoder that fits without
        // generalizing (memorization). Found by a scan of this small toy.
        double[][] cells = {{1e-3, 0}, {3e-3, 0}, {2e-2, 0.3}, {3e-2, 0}};
        Set<LearningPhase> seen = EnumSet.noneOf(LearningPhase.class);
        boolean validationFirst = false;
        for (double[] c : cells) {
            ToySpec spec = ToyParameter.DECODER_WD.apply(ToyParameter.DECODER_LR.apply(SMALL, c[0]), c[1]);
            ToyTraining early = new ToyTraining(spec);
            PhaseCriteria.Reading e = PhaseDiagram.classify(early, CRITERIA, EVERY, null).reading();
            PhaseCriteria.Reading full = new ToyTraining(spec).run(CRITERIA.budget(), EVERY).phase(CRITERIA);
            String cell = "decoder lr " + c[0] + ", wd " + c[1];
            assertEquals(full, e, cell);
            seen.add(e.phase());
            boolean decided = e.phase() == LearningPhase.COMPREHENSION || e.phase() == LearningPhase.GROKKING;
            if (decided) {
                // stopped at the later first passage, not at the budget, and not later: when validation
                // passed first it need not still be above its threshold when train passes
                assertEquals(Math.max(e.trainStep(), e.valStep()), early.stepCount(), cell);
                assertTrue(early.stepCount() < CRITERIA.budget(), cell);
            } else {
                assertEquals(CRITERIA.budget(), early.stepCount(), cell + ": undecided phases need the whole budget");
            }
            validationFirst |= e.valStep() >= 0 && e.valStep() < e.trainStep();
        }
        assertEquals(EnumSet.allOf(LearningPhase.class), seen, "the cells show every phase");
        assertTrue(validationFirst, "a cell where validation passes before train");
    }
}
