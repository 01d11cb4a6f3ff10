package org.grokbench.sweep;

import org.grokbench.spectral.GrokkingTimes;
import java.util.function.ToLongFunction;

import org.grokbench.experiment.HistoryView;
import org.grokbench.experiment.Metric;
import org.grokbench.spectral.SpectralOptions;
import org.grokbench.spectral.SpectralSignature;

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
     * Spectral energy m₀ of the detrended training loss over the first {@code options.steps()} steps
     * (predicting-grokking Fig. 2, bottom), by {@link SpectralSignature}; NaN when the run did not
     * record that many finite losses (it diverged early or is shorter).
     */
    public static CellMeasure spectralEnergy(SpectralOptions options) {
        return new CellMeasure() {
            @Override public String name() { return SPECTRAL_ENERGY; }
            @Override public int fullResolutionSteps() { return options.steps(); }
            @Override public String settings() { return options.toString(); }
            @Override public double measure(CellRun c) {
                double[] loss = firstSteps(c.trajectory().history(), Metric.TRAIN_LOSS, options.steps());
                SpectralSignature sig = SpectralSignature.of(loss, options);
                return sig.isComplete() ? sig.energy() : Double.NaN;
            }
        };
    }

    /** The name of {@link #spectralEnergy}'s column. */
    public static final String SPECTRAL_ENERGY = "spectral_energy";

    /** Column names of {@link #T2} and {@link #T4}. */
    public static final String T2_NAME = "t2", T4_NAME = "t4";

    /** t2, the first step with 100 % training accuracy (predicting-grokking §3), from the recorded history; NaN if never. */
    public static final CellMeasure T2 = grokkingTime(T2_NAME, GrokkingTimes::t2);

    /** t4, the first step with 100 % validation accuracy: what the t4(r) = a r^−γ + b fit of a training-fraction sweep takes. */
    public static final CellMeasure T4 = grokkingTime(T4_NAME, GrokkingTimes::t4);

    private static CellMeasure grokkingTime(String name, ToLongFunction<GrokkingTimes> which) {
        return new CellMeasure() {
            @Override public String name() { return name; }
            @Override public double measure(CellRun c) {
                long t = which.applyAsLong(GrokkingTimes.of(c.trajectory().history()));
                return t < 0 ? Double.NaN : t;
            }
        };
    }

    /** The final metrics, t2 and t4, and the spectral energy of the first {@code spectralSteps} steps: Fig. 2's sweep. */
    public static List<CellMeasure> spectralSweep(int spectralSteps) {
        List<CellMeasure> all = new java.util.ArrayList<>(FINAL);
        all.add(T2);
        all.add(T4);
        all.add(spectralEnergy(SpectralOptions.DEFAULT.withSteps(spectralSteps)));
        return List.copyOf(all);
    }

    /**
     * The metric at steps 0 … k−1 of the history, k ≤ n the longest prefix recorded at every step
     * (shorter when the run stopped early or its history was thinned).
     */
    public static double[] firstSteps(HistoryView h, Metric m, int n) {
        int k = 0;
        while (k < n && k < h.size() && h.step(k) == k) k++;
        double[] out = new double[k];
        for (int row = 0; row < k; row++) out[row] = h.metric(row, m);
        return out;
    }
}
