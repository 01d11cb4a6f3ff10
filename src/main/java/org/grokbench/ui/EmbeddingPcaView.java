package org.grokbench.ui;

import org.grokbench.plot.EmbeddingPcaFigure;
import org.grokbench.plot.FigureOptions;
import org.jfree.chart.JFreeChart;

/**
 * The p embedding rows of the picked run on their first two principal components, at step 0
 * beside the shown step, labelled with their residues, and the variance share per component: a
 * circle appears here when one frequency dominates the embedding.
 */
public final class EmbeddingPcaView extends EmbeddingPanelView {
    public EmbeddingPcaView() {
        super("embedding-pca", "Embedding PCA");
    }

    @Override
    protected JFreeChart buildChart(Frame frame, FigureOptions options) {
        return EmbeddingPcaFigure.create(frame.experiment(), frame.trajectories(), options);
    }
}
