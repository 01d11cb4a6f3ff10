package org.grokbench.ui;

import org.grokbench.experiment.Experiment;

import org.grokbench.plot.FigureOptions;
import org.grokbench.plot.FourierFeaturesFigure;
import org.jfree.chart.JFreeChart;

/**
 * The Fourier features of Figure 6 for the picked run, step 0 (top row) beside the shown step
 * (bottom row): ‖Re F_k‖ and ‖Im F_k‖, cos(Re F_k, Im F_k), and the similarity of |Re F_k| and
 * |Im F_k| across frequencies. As the circles form, the norms pair up, the cosines go to 0 and
 * the similarity matrix turns into bright 2 × 2 blocks.
 */
public final class FourierFeaturesView extends EmbeddingPanelView {
    public FourierFeaturesView() {
        super("fourier-features", "Fourier features");
    }

    /**
     * On for the Eq. (20) dynamics, whose story it is; off beside a trained network, where the
     * curvature, spectral and landscape panels need the room (the Fourier circles stay; the
     * Panels menu brings this one back).
     */
    @Override
    public boolean shownByDefault(Experiment experiment) {
        return "modular-eq20".equals(experiment.spec().model().kind());
    }

    @Override
    protected JFreeChart buildChart(Frame frame, FigureOptions options) {
        return FourierFeaturesFigure.create(frame.experiment(), frame.trajectories(), options);
    }
}
