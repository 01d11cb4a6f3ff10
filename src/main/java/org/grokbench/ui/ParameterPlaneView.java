package org.grokbench.ui;

import org.grokbench.experiment.Experiment;
import org.grokbench.plot.FigureOptions;
import org.grokbench.plot.ParameterPlaneFigure;
import org.jfree.chart.JFreeChart;

/**
 * The (θ₁, θ₂) parameter plane: loss shading and level sets, norm contours, the zero-loss set Z
 * drawn exactly, every overlaid run's trajectory with a legend, the state at the shown step, and
 * that step's update split into its parts normal and tangent to Z. Drag pans and the wheel zooms
 * (Figure 4's nested views are zooms into the parabola); the background is recomputed for the
 * zoomed range.
 */
public final class ParameterPlaneView extends ChartPanelView {
    private ParameterPlaneFigure figure;

    public ParameterPlaneView() {
        super("parameter-plane", "Parameter plane");
    }

    @Override
    public boolean appliesTo(Experiment experiment) {
        if (!experiment.isToy()) return false;
        int d = experiment.model().parameterCount();
        return d == 2 || d == 3;
    }

    @Override
    public void bindFx(Experiment experiment) {
        super.bindFx(experiment);
        figure = new ParameterPlaneFigure(experiment);
    }

    @Override
    protected JFreeChart buildChart(Frame frame, FigureOptions options) {
        if (figure == null) figure = new ParameterPlaneFigure(frame.experiment());
        return figure.create(frame.trajectories(), options);
    }
}
