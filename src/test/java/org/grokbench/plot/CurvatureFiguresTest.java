package org.grokbench.plot;

import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.ModularDataSpec;
import org.grokbench.experiment.ProbeSpec;
import org.grokbench.experiment.Run;
import org.grokbench.experiment.Snapshot;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The curvature, trajectory-measure and trajectory-PCA figures drawn from a real network run. */
class CurvatureFiguresTest {
    private static Snapshot finished;

    private static synchronized Snapshot network() {
        if (finished != null) return finished;
        ExperimentSpec s = ModularFixtures.spec("modular-mlp", 11, 32, "mean", 1.0, 5e-5, 200, 2,
                new ModularDataSpec("unordered", 0, 7), 10);
        s = new ExperimentSpec(s.id(), s.title(), s.story(), s.paper(), s.figure(), s.model(), s.train(), s.test(), s.runs(),
                s.seed(), new ProbeSpec(10, 20_000, 20), s.view(), s.modularData());
        finished = new Run(Experiment.build(s)).runBlocking();
        return finished;
    }

    private static void assertDrawn(JFreeChart chart, String what) {
        BufferedImage img = FigureExport.render(chart, 1400, 900);
        assertTrue(FigureFixtures.distinctColours(img) > 10, what + " has too few colours");
        assertTrue(FigureFixtures.inkFraction(img) > 0.02, what + " is nearly blank");
    }

    @Test
    void hessianExtremesArePlottedOnTheProbeStepsOnly() {
        JFreeChart chart = CurvatureFigure.create(network().trajectories(), FigureOptions.defaults());
        assertDrawn(chart, "curvature");
        XYPlot extremes = (XYPlot) ((CombinedDomainXYPlot) chart.getPlot()).getSubplots().get(0);
        // two runs × (λ_max, λ_min), each at steps 0, 20, …, 200
        assertEquals(4, extremes.getDataset().getSeriesCount());
        assertEquals(11, extremes.getDataset().getItemCount(0));
        for (int i = 0; i < 11; i++)
            assertTrue(extremes.getDataset().getYValue(0, i) >= extremes.getDataset().getYValue(1, i), "λ_max ≥ λ_min");
    }

    @Test
    void measuresShowGradientNormAndBothCosines() {
        JFreeChart chart = TrajectoryMeasuresFigure.create(network().trajectories(), FigureOptions.defaults());
        assertDrawn(chart, "measures");
        var subplots = ((CombinedDomainXYPlot) chart.getPlot()).getSubplots();
        assertEquals(3, subplots.size());
        XYPlot init = (XYPlot) subplots.get(2);
        assertEquals(1.0, init.getDataset().getYValue(0, 0), 1e-12, "cos(θ₀, θ₀) = 1");
    }

    @Test
    void pcaPathStartsAtTheFirstRowAndEndsAtTheOrigin() {
        JFreeChart chart = TrajectoryPcaFigure.create(network().trajectories(), FigureOptions.defaults().withStep(100));
        assertDrawn(chart, "pca");
        XYPlot plot = (XYPlot) chart.getPlot();
        assertEquals(0.0, plot.getDataset().getXValue(2, 0), 0, "θ_T − θ_T projects to the origin");
        String subtitle = ((TextTitle) chart.getSubtitle(chart.getSubtitleCount() - 1)).getText();
        assertTrue(subtitle.matches(".*explain \\d+\\.\\d %.*"), subtitle);
    }

    @Test
    void hessianWithoutAProbeSaysWhy() {
        JFreeChart chart = CurvatureFigure.unavailable("the curvature probe is off", FigureOptions.defaults());
        assertTrue(((TextTitle) chart.getSubtitle(chart.getSubtitleCount() - 1)).getText().contains("probe is off"));
    }
}
