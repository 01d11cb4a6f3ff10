package org.grokbench.ui;

import org.grokbench.experiment.Experiment;
import org.grokbench.plot.FigureOptions;
import org.grokbench.plot.LossCurvesFigure;
import org.jfree.chart.JFreeChart;

/**
 * Train and test accuracy of every overlaid run (a sample counts as right when |ŷ − y| is below
 * the preset's tolerance). Shown for presets with a test set; hidden by default beside the loss.
 */
public final class AccuracyView extends ChartPanelView {
    public AccuracyView() {
        super("accuracy", "Accuracy");
    }

    @Override
    public boolean appliesTo(Experiment experiment) {
        return experiment.testData().size() > 0;
    }

    @Override
    protected JFreeChart buildChart(Frame frame, FigureOptions options) {
        return LossCurvesFigure.accuracy(frame.trajectories(), options);
    }
}
