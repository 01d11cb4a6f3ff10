package org.grokbench.sweep;

import org.grokbench.experiment.HistoryView;
import org.grokbench.experiment.Metric;

import java.util.List;

/** The standard cell measures: the final metrics of the run, read from its last step. */
public final class CellMeasures {
    private CellMeasures() {}

    /** Final validation (test) accuracy: the top heatmap of predicting-grokking Fig. 2. */
    public static final CellMeasure VAL_ACC = last("val_acc", Metric.TEST_ACC);
    public static final CellMeasure TRAIN_ACC = last("train_acc", Metric.TRAIN_ACC);
    public static final CellMeasure TRAIN_LOSS = last("train_loss", Metric.TRAIN_LOSS);
    public static final CellMeasure TEST_LOSS = last("test_loss", Metric.TEST_LOSS);
    /** Steps the run took (fewer than asked when it diverged). */
    public static final CellMeasure STEPS = new CellMeasure() {
        @Override public String name() { return "steps"; }
        @Override public double measure(CellRun c) { return c.trajectory().step(); }
    };

    /** The final metrics every sweep reports. */
    public static final List<CellMeasure> FINAL = List.of(VAL_ACC, TRAIN_ACC, TRAIN_LOSS, TEST_LOSS, STEPS);

    /** The metric at the trajectory's last recorded step. */
    public static CellMeasure last(String name, Metric m) {
        return new CellMeasure() {
            @Override public String name() { return name; }
            @Override public double measure(CellRun c) { return c.trajectory().metric(m); }
        };
    }

    /**
     * The metric at steps 0 … n−1 of the history, or null when the run did not record all of them
     * at full resolution (it diverged early, or the history was thinned).
     */
    public static double[] firstSteps(HistoryView h, Metric m, int n) {
        if (h.size() < n) return null;
        double[] out = new double[n];
        for (int row = 0; row < n; row++) {
            if (h.step(row) != row) return null;
            out[row] = h.metric(row, m);
        }
        return out;
    }
}
