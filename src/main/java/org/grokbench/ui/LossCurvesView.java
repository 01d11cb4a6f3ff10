package org.grokbench.ui;

import org.grokbench.experiment.Experiment;
import org.grokbench.plot.FigureOptions;
import org.grokbench.plot.LossCurvesFigure;
import org.jfree.chart.JFreeChart;

/**
 * Live train (solid) and test (dashed) loss of every overlaid run on a log loss axis, with an
 * optional log step axis: memorization is the early drop of the solid curves, grokking the late
 * drop of the dashed ones (Figure 1, left).
 */
public final class LossCurvesView extends ChartPanelView {
    public LossCurvesView() {
        super("loss-curves", "Loss curves");
        addLogStepToggle("log step axis");
    }

    @Override
    public boolean appliesTo(Experiment experiment) { return true; }

    @Override
    protected JFreeChart buildChart(Frame frame, FigureOptions options) {
        return LossCurvesFigure.loss(frame.trajectories(), options);
    }
}
