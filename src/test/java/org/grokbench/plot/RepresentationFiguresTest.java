package org.grokbench.plot;

import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.RepresentationRunTest;
import org.grokbench.experiment.Run;
import org.grokbench.experiment.Snapshot;
import org.grokbench.representation.RepresentationQuality;
import org.grokbench.representation.ToySpec;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The representation toy's figures: the embedding figure in 1, 2 and 3 dimensions draws, says the
 * RQI of the embeddings it shows, and draws one faint shape per holding parallelogram (two half
 * circles in 1D); the accuracy figure carries RQI, Acc-hat and the two ideal bounds.
 */
class RepresentationFiguresTest {
    private static Snapshot run(Experiment e) {
        return new Run(e).runBlocking();
    }

    private static String subtitles(JFreeChart c) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < c.getSubtitleCount(); i++) if (c.getSubtitle(i) instanceof TextTitle t) b.append(t.getText()).append(" | ");
        return b.toString();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void embeddingFigureDrawsAndStatesTheRqiOfTheShownEmbeddings(int dim) {
        ToySpec toy = RepresentationRunTest.small(5, 45).withEmbeddingDim(dim);
        Experiment e = Experiment.build(RepresentationRunTest.spec(toy, 60));
        Snapshot s = run(e);
        JFreeChart chart = RepresentationEmbeddingFigure.create(e, s.trajectories(), FigureOptions.defaults().withStep(40));
        assertEquals("Embeddings at step 40", chart.getTitle().getText());
        double[] emb = e.representation().embeddings(s.trajectories().get(0).history().parameterRow(40));
        double rqi = RepresentationQuality.rqi(e.representation().allParallelograms(), emb, dim, toy.delta());
        assertTrue(subtitles(chart).contains(String.format(Locale.ROOT, "RQI = %.3f", rqi)), subtitles(chart));
        BufferedImage img = FigureExport.render(chart, 1200, 800);
        assertTrue(FigureFixtures.distinctColours(img) > 10, "too few colours");
        assertTrue(FigureFixtures.inkFraction(img) > 0.02, "nearly blank");
    }

    @Test
    void oneDimensionalLineDrawsTwoHalfCirclesPerHoldingParallelogram() {
        // A perfect linear representation: every parallelogram of P₀ holds.
        Experiment e = Experiment.build(RepresentationRunTest.spec(RepresentationRunTest.small(5, 45), 1));
        int p = e.representation().symbols();
        double[] emb = new double[p];
        for (int k = 0; k < p; k++) emb[k] = 0.3 + 0.1 * k;
        var held = RepresentationQuality.held(e.representation().allParallelograms(), emb, 1, 0.01);
        assertEquals(e.representation().allParallelograms().size(), held.size());
        XYPlot line = RepresentationEmbeddingFigure.line(emb, p, held, FigureStyle.standard());
        assertEquals(2 * held.size(), line.getAnnotations().size());
    }

    @Test
    void accuracyFigureCarriesRqiAccHatAndTheIdealBounds() {
        Experiment e = Experiment.build(RepresentationRunTest.spec(RepresentationRunTest.small(5, 45), 20));
        Snapshot s = run(e);
        JFreeChart c = LossCurvesFigure.representationAccuracy(s.trajectories(), 1.0, 0.96, FigureOptions.defaults());
        XYPlot plot = (XYPlot) c.getPlot();
        assertEquals(4, plot.getDataset().getSeriesCount(), "train, validation, RQI, Acc-hat");
        assertEquals(2, plot.getRangeMarkers(org.jfree.chart.ui.Layer.BACKGROUND).size());
        var legend = plot.getLegendItems();
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < legend.getItemCount(); i++) labels.append(legend.get(i).getLabel()).append(';');
        assertTrue(labels.toString().contains("RQI-bar 1.00;Acc-bar 0.96"), labels.toString());
    }
}
