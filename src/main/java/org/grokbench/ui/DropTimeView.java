package org.grokbench.ui;

import org.grokbench.experiment.DropTimeSweep;
import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.RunSpec;
import org.grokbench.experiment.TwoPhaseSpec;
import org.grokbench.plot.DropTimeFigure;
import org.grokbench.plot.FigureOptions;
import org.jfree.chart.JFreeChart;

/**
 * Drop time against 1/λ on log-log axes for a regression-task preset whose runs differ in λ (the
 * λ-sweep preset), read live off the runs' histories: each run's point appears when its test loss
 * drops, with the fitted slope (theory: 1, riemannian-norm-minimisation). The CLI's
 * {@code drop-times} makes the same figure from exact, dedicated runs.
 */
public final class DropTimeView extends ChartPanelView {
    private volatile TwoPhaseSpec phases = TwoPhaseSpec.defaults();

    public DropTimeView() {
        super("drop-times", "Drop time vs 1/λ");
    }

    /** A generated regression task with at least two distinct λ &gt; 0 among its runs. */
    @Override
    public boolean appliesTo(Experiment e) {
        return e.task() != null && e.spec().runs().stream().map(RunSpec::lambda).filter(l -> l > 0).distinct().count() >= 2;
    }

    @Override
    public void bindFx(Experiment experiment) {
        phases = experiment.twoPhase();
        super.bindFx(experiment);
    }

    @Override
    protected JFreeChart buildChart(Frame frame, FigureOptions options) {
        return DropTimeFigure.create(DropTimeSweep.fromRuns(frame.trajectories(), phases), options);
    }
}
