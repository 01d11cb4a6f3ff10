package org.grokbench.ui;

import org.grokbench.experiment.Experiment;
import org.grokbench.plot.FigureOptions;
import org.grokbench.plot.RepresentationEmbeddingFigure;
import org.jfree.chart.JFreeChart;

/**
 * The representation toy's embeddings at the timeline's step (Liu et al. 2022, Fig. 3): the numbers
 * on a line (1D, with their history against the step), in the plane (2D) or on their first two
 * principal components, each labelled, with the parallelograms that hold there drawn faintly and
 * RQI in the subtitle. Follows scrubbing and is live while the run trains; the figure is built on
 * the figure worker from the stored θ row at or before the shown step.
 */
public final class RepresentationEmbeddingView extends EmbeddingPanelView {
    public RepresentationEmbeddingView() {
        super("representation-embedding", "Embeddings");
    }

    /** Only for the representation toy, whose θ starts with the embeddings. */
    @Override
    public boolean appliesTo(Experiment experiment) {
        return experiment.representation() != null;
    }

    /** A few hundred faint shapes: cheaper than the Fourier figures, drawn as often as the other panels. */
    @Override
    protected double throttleFactor() {
        return 1;
    }

    /** The line or plane beside the histories against the step needs the width: two grid columns when there is room. */
    @Override
    public int columnWeight() { return 2; }

    @Override
    protected JFreeChart buildChart(Frame frame, FigureOptions options) {
        return RepresentationEmbeddingFigure.create(frame.experiment(), frame.trajectories(), options);
    }
}
