package org.grokbench.experiment;

import org.grokbench.analysis.NormMinimizingFlow;
import org.grokbench.model.SquaredLoss;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The predicted slow flow followed along a run's recorded history, for the window: the same
 * comparison as {@link SlowFlowComparison} (flow dθ/dτ = −P_T θ on Z from proj_Z(θ_{t_int}),
 * Δτ = 2ηλ per step), but read off the θ rows the run has kept instead of a dedicated run, so it
 * costs only the flow. t_int here is the first recorded θ row whose training loss is below the
 * threshold: exact to the history's resolution.
 *
 * <p>Incremental: the flow point reached at the last row is kept, and a longer history of the same
 * run (same first θ on Z, same η and λ) only integrates the new rows. Anything else starts over.
 * Calls are serialized (one worker at a time); {@code cancelled} is polled between Euler advances.
 */
public final class SlowFlowTrack {
    /** Told how many comparison rows are done out of how many, while it integrates (0 before the first projection). */
    @FunctionalInterface
    public interface Progress {
        void rows(int done, int of);
    }

    private final TwoPhaseSpec phases;
    private final NormMinimizingFlow flow;
    private final SquaredLoss test;
    private double[] start;
    private double[] point;
    private double dtauPerStep;
    private long every;
    private long pointStep;
    private final List<SlowFlowComparison.Row> rows = new ArrayList<>();
    private TwoPhaseClock predicted;

    public SlowFlowTrack(Experiment experiment, TwoPhaseSpec phases) {
        if (experiment.zeroLoss() == null) throw new IllegalArgumentException(experiment.spec().id() + " has no zero-loss set to flow on");
        this.phases = phases;
        this.flow = new NormMinimizingFlow(experiment.zeroLoss(), SlowFlowComparison.MAX_FLOW_STEP);
        this.test = experiment.newTestLoss();
    }

    /**
     * The comparison over the history's θ rows, or null while no row is on Z yet.
     *
     * @param run     the run (for its label); {@code lr} and {@code lambda} its current values
     * @param every   compare at recorded rows at least this many steps apart (from t_int on), as
     *                {@code slow-flow --every} does; ≥ 1
     * @throws CancellationException when {@code cancelled} says so (the state stays consistent)
     */
    public synchronized SlowFlowComparison.Result follow(RunSpec run, double lr, double lambda, long every, HistoryView h,
                                                         BooleanSupplier cancelled, Progress progress) {
        if (every < 1) throw new IllegalArgumentException("every must be >= 1, got " + every);
        if (!(lambda > 0)) throw new IllegalArgumentException("the slow flow needs λ > 0, got " + lambda);
        int first = -1;
        for (int i = 0; i < h.parameterRows() && first < 0; i++)
            if (metricAt(h, h.parameterStep(i), Metric.TRAIN_LOSS) < phases.interpolationThreshold()) first = i;
        if (first < 0) return null;
        double[] onZ = h.parameterRow(first);
        double dtau = 2 * lr * lambda;
        if (start == null || !Arrays.equals(start, onZ) || dtau != dtauPerStep || every != this.every || rows.isEmpty()
                || rows.get(0).step() != h.parameterStep(first)) {
            start = onZ;
            dtauPerStep = dtau;
            this.every = every;
            point = null;
            rows.clear();
        }
        long firstStep = h.parameterStep(first), lastStep = h.parameterStep(h.parameterRows() - 1);
        int total = (int) ((lastStep - firstStep) / every) + 1;
        // the first projection onto a numeric Z can take seconds: say so before it
        if (point == null && progress != null) progress.rows(0, total);
        for (int i = first; i < h.parameterRows(); i++) {
            long step = h.parameterStep(i);
            if (point != null && step < pointStep + every) continue;
            if (cancelled.getAsBoolean()) throw new CancellationException("slow flow cancelled");
            if (point == null) {
                point = flow.start(onZ);
                predicted = new TwoPhaseClock(phases);
                predicted.observe(step, 0, metricAt(h, step, Metric.TEST_LOSS));
            } else {
                flow.advance(point, dtauPerStep * (step - pointStep));
            }
            pointStep = step;
            double flowTest = test.meanValue(point);
            predicted.observe(step, 0, flowTest);
            rows.add(SlowFlowComparison.row(step, rows.isEmpty() ? 0 : dtauPerStep * (step - rows.get(0).step()),
                    metricAt(h, step, Metric.TRAIN_LOSS), metricAt(h, step, Metric.TEST_LOSS), flowTest,
                    h.parameterRow(i), point, start));
            if (progress != null) progress.rows(Math.min(rows.size(), total), total);
        }
        long last = h.parameterStep(h.parameterRows() - 1);
        List<SlowFlowComparison.Row> upTo = rows.stream().filter(r -> r.step() <= last).toList();
        long drop = predicted.dropStep() <= last ? predicted.dropStep() : -1;
        return SlowFlowComparison.result(run, TwoPhaseClock.of(h, phases), upTo, drop, null);
    }

    private static double metricAt(HistoryView h, long step, Metric m) {
        int r = h.rowAtOrBefore(step);
        return r < 0 ? Double.NaN : h.metric(r, m);
    }
}
