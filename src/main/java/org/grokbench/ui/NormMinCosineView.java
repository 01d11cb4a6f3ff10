package org.grokbench.ui;

import org.grokbench.experiment.Experiment;
import org.grokbench.plot.FigureOptions;
import org.grokbench.plot.NormMinCosineFigure;
import org.jfree.chart.JFreeChart;

/**
 * Figure 5 (right), App. D: the cosine between the update averaged over the last steps and the
 * norm-minimizing direction on the zero-loss set, for every run (thin) and their mean (thick),
 * measured on the probe steps. For trained modular-addition networks (the App. D probe); the
 * simulated dynamics of Eq. (20) has no such probe.
 */
public final class NormMinCosineView extends ChartPanelView {
    public NormMinCosineView() {
        super("norm-min-cosine", "Norm-minimizing direction");
        addLogStepToggle("log step axis");
    }

    @Override
    public boolean appliesTo(Experiment experiment) {
        return isProbedNetwork(experiment);
    }

    /** A modular-addition network (not the Eq. 20 dynamics) with the App. D probe switched on. */
    static boolean isProbedNetwork(Experiment e) {
        return e.modular() != null && !isSimulatedDynamics(e) && e.spec().probes().geometryEvery() > 0;
    }

    /** The closed-form first-layer dynamics of Eq. (20): no optimizer, no geometry probe. */
    static boolean isSimulatedDynamics(Experiment e) {
        return !e.isToy() && "modular-eq20".equals(e.spec().model().kind());
    }

    @Override
    protected JFreeChart buildChart(Frame frame, FigureOptions options) {
        return NormMinCosineFigure.create(frame.trajectories(), options);
    }
}
