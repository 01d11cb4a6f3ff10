package org.grokbench.ui;

import org.grokbench.experiment.Experiment;
import org.grokbench.plot.FigureOptions;
import org.grokbench.plot.GeometryFigure;
import org.jfree.chart.JFreeChart;

/**
 * The geometry of every overlaid run against the step: distance to the zero-loss set Z, the
 * cosine between the update and the norm-minimizing direction on Z, and the weight norm.
 */
public final class GeometryView extends ChartPanelView {
    public GeometryView() {
        super("geometry", "Geometry");
        addLogStepToggle("log step axis");
    }

    /** Not for the simulated dynamics of Eq. (20), which records no geometry. */
    @Override
    public boolean appliesTo(Experiment experiment) {
        return experiment.spec().probes().geometryEvery() > 0 && !NormMinCosineView.isSimulatedDynamics(experiment);
    }

    /**
     * On for the toys; for a modular-addition network the cosine has its own panel
     * ({@link NormMinCosineView}, with the mean of the runs), so this one waits in the Panels menu.
     */
    @Override
    public boolean shownByDefault(Experiment experiment) {
        return experiment.isToy();
    }

    @Override
    protected JFreeChart buildChart(Frame frame, FigureOptions options) {
        return GeometryFigure.create(frame.trajectories(), options);
    }
}
