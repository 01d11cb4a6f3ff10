package org.grokbench.ui;

import javafx.scene.control.CheckBox;
import javafx.scene.control.Tooltip;
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
    private final CheckBox logStep = new CheckBox("log step axis");

    public LossCurvesView() {
        super("loss-curves", "Loss curves");
        logStep.setId("loss-curves-log-step");
        logStep.setTooltip(new Tooltip("Logarithmic step axis: shows the first few steps and the late drop together"));
        // A new step axis: the old zoom range means nothing on it.
        logStep.selectedProperty().addListener((o, a, b) -> resetZoomFx());
        addHeaderControl(logStep);
    }

    public CheckBox logStepBox() { return logStep; }

    @Override
    public boolean appliesTo(Experiment experiment) { return true; }

    @Override
    protected FigureOptions customize(FigureOptions o) {
        return o.withLogStep(logStep.isSelected());
    }

    @Override
    protected JFreeChart buildChart(Frame frame, FigureOptions options) {
        return LossCurvesFigure.loss(frame.trajectories(), options);
    }
}
