package org.grokbench.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.grokbench.experiment.History;
import org.grokbench.experiment.HistoryView;
import org.grokbench.experiment.Metric;
import org.junit.jupiter.api.Test;

class GrokkingTimesTest {

    /** A history with train accuracy k/7 rising from step 10 and test accuracy k/46 rising from step 500. */
    static HistoryView history(boolean groks) {
        History h = new History(Metric.COUNT, 1, 5000, 1);
        for (long s = 0; s <= 2000; s++) {
            double[] row = new double[Metric.COUNT];
            row[Metric.TRAIN_ACC.ordinal()] = Math.min(7, Math.max(0, (s - 10) / 5)) / 7.0;
            row[Metric.TEST_ACC.ordinal()] = groks ? Math.min(46, Math.max(0, (s - 500) / 10)) / 46.0 : 0;
            h.record(s, row, new double[] {0});
        }
        return h.view();
    }

    @Test
    void paperDefinitions() {
        GrokkingTimes t = GrokkingTimes.of(history(true));
        // train acc > 0 first at s = 15 ((15-10)/5 = 1), = 1 at s = 45; test > 0 at 510, = 1 at 960
        assertEquals(new GrokkingTimes(15, 45, 510, 960), t);
        assertEquals(915, t.delay());
        assertEquals("t1 = 15, t2 = 45, t3 = 510, t4 = 960", t.describe());
    }

    @Test
    void neverGeneralizing() {
        GrokkingTimes t = GrokkingTimes.of(history(false));
        assertEquals(-1, t.t3());
        assertEquals(-1, t.t4());
        assertEquals(-1, t.delay());
    }

    @Test
    void thresholdsAreConfigurable() {
        GrokkingTimes t = GrokkingTimes.of(history(true), new GrokkingTimes.Thresholds(0.5, 1, 0.5, 0.99));
        // train > 0.5 at 4/7 (s = 30); test > 0.5 at 24/46 (s = 740); ≥ 0.99 only at 46/46 (s = 960)
        assertEquals(new GrokkingTimes(30, 45, 740, 960), t);
        assertThrows(IllegalArgumentException.class, () -> new GrokkingTimes.Thresholds(0, 1.5, 0, 1));
    }
}
