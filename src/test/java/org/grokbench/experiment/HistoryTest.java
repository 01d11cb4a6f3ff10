package org.grokbench.experiment;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryTest {
    private static double[] row(long step, boolean probed) {
        double[] r = new double[Metric.COUNT];
        for (Metric m : Metric.values()) r[m.ordinal()] = step + m.ordinal() / 100.0;
        if (!probed) r[Metric.COS_NORM_MIN.ordinal()] = Double.NaN;
        return r;
    }

    @Test
    void keepsFullResolutionUpToTheCap() {
        History h = new History(Metric.COUNT, 2, 2000, 1);
        for (long s = 0; s < 1000; s++) h.record(s, row(s, true), new double[] {s, -s});
        HistoryView v = h.view();
        assertEquals(1000, v.size());
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, v.step(i));
            assertEquals(i + 0.01, v.metric(i, Metric.TEST_LOSS), 0);
            assertEquals(-i, v.param(i, 1), 0);
        }
    }

    @Test
    void aMillionStepsStayBoundedEvenlyThinnedWithADenseHead() {
        int cap = 5000;
        History h = new History(Metric.COUNT, 3, cap, 1);
        long last = 1_000_000;
        double[] theta = new double[3];
        for (long s = 0; s <= last; s++) h.record(s, row(s, true), theta);
        HistoryView v = h.view();
        assertTrue(v.size() <= cap + 1, "rows " + v.size());
        assertTrue(v.size() > cap / 2, "thinning keeps at least half the cap: " + v.size());
        int head = cap / 8;
        for (int i = 0; i < head; i++) assertEquals(i, v.step(i), "the first " + head + " steps keep full resolution");
        assertEquals(last, v.step(v.size() - 1));
        // beyond the head: evenly spaced at the final stride
        int firstTail = head;
        while (v.step(firstTail) % h.stride() != 0) firstTail++;
        for (int i = firstTail + 1; i < v.size() - 1; i++) {
            assertEquals(h.stride(), v.step(i) - v.step(i - 1), "even spacing at row " + i);
        }
        assertTrue(v.size() - firstTail > cap / 4, "the tail holds most rows: " + (v.size() - firstTail));
        assertEquals(last, (long) v.metric(v.size() - 1, Metric.TRAIN_LOSS));
    }

    @Test
    void thinningKeepsTheProbedSteps() {
        int probeEvery = 10;
        History h = new History(Metric.COUNT, 1, 1000, probeEvery);
        for (long s = 0; s < 50_000; s++) h.record(s, row(s, s % probeEvery == 0), new double[1]);
        HistoryView v = h.view();
        int thinnedRows = 0;
        for (int i = 0; i < v.size() - 1; i++) {
            if (v.step(i) < 1000 / 8) continue; // the dense head keeps every step, probed or not
            thinnedRows++;
            assertFalse(Double.isNaN(v.metric(i, Metric.COS_NORM_MIN)), "row at step " + v.step(i) + " lost its probe");
        }
        assertTrue(thinnedRows > 100);
    }

    @Test
    void viewsAreImmutableCopies() {
        History h = new History(Metric.COUNT, 1, 100, 1);
        h.record(0, row(0, true), new double[] {5});
        HistoryView before = h.view();
        h.record(1, row(1, true), new double[] {6});
        assertEquals(1, before.size());
        assertEquals(2, h.view().size());
        double[] theta = before.theta(0);
        theta[0] = 99;
        assertEquals(5, before.param(0, 0), 0);
    }

    @Test
    void untilGivesTheHistoryAsItWasAtAStep() {
        History h = new History(Metric.COUNT, 1, 100, 1);
        for (long s = 0; s < 50; s++) h.record(s, row(s, true), new double[] {s});
        HistoryView v = h.view();
        assertEquals(21, v.until(20).size());
        assertEquals(20, v.rowAtOrBefore(20));
        assertEquals(49, v.rowAtOrBefore(1000));
        assertEquals(0, v.until(-1).size());
    }

    @Test
    void stepsMustIncrease() {
        History h = new History(Metric.COUNT, 1, 100, 1);
        h.record(3, row(3, true), new double[1]);
        assertThrows(IllegalArgumentException.class, () -> h.record(3, row(3, true), new double[1]));
    }

    @Test
    void largeModelsKeepFewerParameterRowsAndMapEachStepToTheNearestEarlierTheta() {
        int d = 100_000;
        History h = new History(Metric.COUNT, d, 20_000, 1);
        int cap = History.parameterCap(d, 20_000);
        assertEquals(64, cap, "2M doubles / 100k parameters = 20, raised to the floor of 64");
        double[] theta = new double[d];
        for (long s = 0; s < 5000; s++) {
            theta[0] = s;
            h.record(s, row(s, true), theta);
        }
        HistoryView v = h.view();
        assertEquals(5000, v.size(), "metrics keep full resolution");
        assertTrue(v.parameterRows() <= cap + 1, "θ rows " + v.parameterRows());
        assertEquals(4999, (long) v.param(v.size() - 1, 0), "the latest θ is kept");
        for (int i = 0; i < v.size(); i += 37) {
            double at = v.param(i, 0);
            assertTrue(at <= v.step(i) && v.step(i) - at < 5000.0 / (cap / 2.0) * 2, "θ for step " + v.step(i) + " is from step " + at);
        }
    }

    @Test
    void aDeclaredLeadingBlockKeepsTheMetricsResolutionWhileThetaRowsAreThinned() {
        int d = 100_000, lead = 10;
        History h = new History(Metric.COUNT, d, 20_000, 1, lead);
        double[] theta = new double[d];
        for (long s = 0; s < 3000; s++) {
            for (int j = 0; j < lead; j++) theta[j] = s * 100 + j;
            theta[lead] = -s; // outside the block
            h.record(s, row(s, true), theta);
        }
        HistoryView v = h.view();
        assertTrue(v.parameterRows() <= 65, "θ rows are still thinned: " + v.parameterRows());
        assertEquals(3000, v.leadingRows(), "the block has a row per metric row");
        for (int i = 0; i < 3000; i += 101) {
            assertEquals(v.step(i), v.leadingStep(i));
            double[] r = v.leadingRow(i);
            assertEquals(lead, r.length, "only the block is kept");
            for (int j = 0; j < lead; j++) assertEquals(v.step(i) * 100 + j, r[j]);
        }
        assertEquals(700, v.leadingStep(v.leadingRowAtOrBefore(700)), "a scrub to step 700 finds step 700 itself");
        assertEquals(0, v.leadingRowAtOrBefore(-5), "before the first row: row 0");
        assertThrows(IllegalArgumentException.class, () -> new History(Metric.COUNT, 5, 100, 1, 6));
    }

    @Test
    void withoutABlockTheLeadingRowsAreTheThetaRows() {
        History h = new History(Metric.COUNT, 3, 100, 1);
        for (long s = 0; s < 10; s++) h.record(s, row(s, true), new double[] {s, 2 * s, 3 * s});
        HistoryView v = h.view();
        assertEquals(v.parameterRows(), v.leadingRows());
        assertEquals(3, v.leadingRow(4).length);
        assertEquals(8.0, v.leadingRow(4)[1]);
    }
}
