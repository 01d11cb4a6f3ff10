package org.grokbench.representation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** App. A, Table 1 on synthetic accuracy histories. */
class PhaseCriteriaTest {
    private static final long[] STEPS = {0, 100, 500, 1000, 2000, 5000, 50_000, 100_000, 150_000};

    private static PhaseCriteria.Reading classify(double[] train, double[] val) {
        return PhaseCriteria.paper().classify(STEPS, train, val);
    }

    @Test
    void comprehensionWhenValidationFollowsWithinTheDelay() {
        PhaseCriteria.Reading r = classify(new double[] {0, 0.5, 0.95, 1, 1, 1, 1, 1, 1},
                new double[] {0, 0.2, 0.6, 0.9, 1, 1, 1, 1, 1});
        assertEquals(LearningPhase.COMPREHENSION, r.phase());
        assertEquals(500, r.trainStep());
        assertEquals(1000, r.valStep());
    }

    @Test
    void grokkingWhenValidationLagsByTheDelayOrMore() {
        PhaseCriteria.Reading r = classify(new double[] {0, 0.95, 1, 1, 1, 1, 1, 1, 1},
                new double[] {0, 0.1, 0.1, 0.1, 0.1, 0.95, 1, 1, 1});
        assertEquals(LearningPhase.GROKKING, r.phase());
        assertEquals(4900, r.valStep() - r.trainStep());
        // exactly the delay counts as grokking (Table 1: the gap must be < 10³)
        assertEquals(LearningPhase.GROKKING, classify(new double[] {0, 0, 0, 0.9, 1, 1, 1, 1, 1},
                new double[] {0, 0, 0, 0, 0.9, 1, 1, 1, 1}).phase());
    }

    @Test
    void memorizationWhenValidationNeverPassesWithinTheBudget() {
        PhaseCriteria.Reading r = classify(new double[] {0, 1, 1, 1, 1, 1, 1, 1, 1},
                new double[] {0, 0, 0, 0.3, 0.5, 0.5, 0.6, 0.8, 1});   // passes only after 10⁵
        assertEquals(LearningPhase.MEMORIZATION, r.phase());
        assertEquals(-1, r.valStep());
    }

    @Test
    void confusionWhenTrainNeverPasses() {
        assertEquals(LearningPhase.CONFUSION, classify(new double[] {0, 0.3, 0.5, 0.6, 0.8, 0.85, 0.89, 0.89, 1},
                new double[] {0, 0, 0, 0, 0, 0, 0, 0, 0}).phase());
        assertEquals(LearningPhase.CONFUSION, classify(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 0},
                new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1}).phase());
    }

    @Test
    void thresholdsAndBudgetAreConfigurable() {
        double[] train = {0, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7};
        double[] val = {0, 0, 0, 0, 0.7, 0.7, 0.7, 0.7, 0.7};
        assertEquals(LearningPhase.CONFUSION, classify(train, val).phase());
        PhaseCriteria loose = new PhaseCriteria(0.6, 0.6, 100_000, 1000);
        assertEquals(LearningPhase.GROKKING, loose.classify(STEPS, train, val).phase());
        assertEquals(LearningPhase.MEMORIZATION, loose.withBudget(1000).classify(STEPS, train, val).phase());
        assertEquals(LearningPhase.COMPREHENSION, new PhaseCriteria(0.6, 0.6, 100_000, 5000).classify(STEPS, train, val).phase());
        assertThrows(IllegalArgumentException.class, () -> new PhaseCriteria(1.5, 0.9, 10, 10));
    }
}
