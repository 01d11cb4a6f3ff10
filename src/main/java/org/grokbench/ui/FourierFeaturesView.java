package org.grokbench.ui;

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

    @Override
    protected JFreeChart buildChart(Frame frame, FigureOptions options) {
        return FourierFeaturesFigure.create(frame.experiment(), frame.trajectories(), options);
    }
}
