package org.grokbench.ui;

import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.RepresentationProblem;
import org.grokbench.plot.FigureOptions;
import org.grokbench.plot.LossCurvesFigure;
import org.jfree.chart.JFreeChart;

/**
 * Train and test accuracy of every overlaid run; for the representation toy also RQI and Acc-hat
 * with the ideal model's bounds RQI-bar and Acc-bar (Liu et al. 2022, App. E) as dashed lines (a sample counts as right when |ŷ − y| is below
 * the preset's tolerance, or the class is right for modular addition). On by default for modular
 * addition; for the toys, whose story is told by the losses, it can be switched on.
 */
public final class AccuracyView extends ChartPanelView {
    public AccuracyView() {
        super("accuracy", "Accuracy");
        addLogStepToggle("log step axis");
    }

    /** On for modular addition, where accuracy is the measure of grokking; off beside the toys' losses. */
    @Override
    public boolean shownByDefault(Experiment experiment) {
        return !experiment.isToy();
    }

    @Override
    public boolean appliesTo(Experiment experiment) {
        return !experiment.isToy() || experiment.testData().size() > 0;
    }

    @Override
    protected JFreeChart buildChart(Frame frame, FigureOptions options) {
        RepresentationProblem rp = frame.experiment().representation();
        if (rp != null)
            return LossCurvesFigure.representationAccuracy(frame.trajectories(), rp.rqiBar(), rp.accBar(), options);
        return LossCurvesFigure.accuracy(frame.trajectories(), options);
    }
}
