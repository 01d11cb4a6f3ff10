package org.grokbench.plot;

import org.grokbench.experiment.DropTimeSweep;
import org.grokbench.math.PowerLawFit;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The drop-time figure draws with one point (the first drop seen live) and with a fitted law. */
class TwoPhaseFiguresTest {
    private static void assertDrawn(JFreeChart chart, String what) {
        BufferedImage img = FigureExport.render(chart, 1200, 800);
        assertTrue(FigureFixtures.distinctColours(img) > 20, what);
        assertTrue(FigureFixtures.inkFraction(img) > 0.02, what);
    }

    private static DropTimeSweep.Point point(double lambda, long drop) {
        return new DropTimeSweep.Point(lambda, 100, 7, drop, drop, 1, null);
    }

    @Test
    void onePointGetsAUsableLogRange() {
        List<DropTimeSweep.Point> pts = List.of(point(0.01, 8000), point(0.02, -1));
        DropTimeSweep.Result r = new DropTimeSweep.Result("run", 0.002, pts, PowerLawFit.of(new double[] {100}, new double[] {8000}),
                PowerLawFit.of(new double[] {100}, new double[] {7900}));
        JFreeChart chart = DropTimeFigure.create(r, FigureOptions.defaults());
        XYPlot plot = chart.getXYPlot();
        assertEquals(50, plot.getDomainAxis().getLowerBound(), 1e-9);
        assertEquals(200, plot.getDomainAxis().getUpperBound(), 1e-9);
        assertDrawn(chart, "one point");
    }

    @Test
    void fittedSlopeIsInTheLegend() {
        double[] x = {100, 200, 400};
        double[] y = {1000, 2000, 4000};
        List<DropTimeSweep.Point> pts = List.of(point(0.01, 1100), point(0.005, 2100), point(0.0025, 4100));
        DropTimeSweep.Result r = new DropTimeSweep.Result("run", 0.002, pts, PowerLawFit.of(x, y), PowerLawFit.of(x, y));
        JFreeChart chart = DropTimeFigure.create(r, FigureOptions.defaults());
        assertTrue(chart.getXYPlot().getFixedLegendItems().get(0).getLabel().contains("fitted slope 1.000"));
        assertDrawn(chart, "three points");
    }

    @Test
    void slowFlowFiguresDrawTheRunAndTheFlowOnTheStepAxisAndInThePcaPlane() {
        org.grokbench.experiment.Experiment e = org.grokbench.experiment.Experiment.build(
                new org.grokbench.experiment.preset.PresetLoader().resolve("twophase-sparse-regression"));
        org.grokbench.experiment.SlowFlowComparison.Result r = org.grokbench.experiment.SlowFlowComparison.compare(
                e, e.spec().runs().get(0).withSteps(500), e.twoPhase(), 10);
        assertTrue(r.rows().size() > 10, "on Z by step 500: " + r.rows().size());
        org.grokbench.experiment.SlowFlowPlane p = org.grokbench.experiment.SlowFlowPlane.of(r.rows());
        JFreeChart steps = SlowFlowFigure.create(r, FigureOptions.defaults().withLogStep(true));
        assertTrue(((XYPlot) steps.getPlot()).getDomainAxis() instanceof org.jfree.chart.axis.LogAxis, "log step axis");
        assertDrawn(steps, "steps");
        JFreeChart plane = SlowFlowFigure.plane(r, p, FigureOptions.defaults());
        XYPlot xy = plane.getXYPlot();
        assertEquals(r.rows().size(), xy.getDataset().getItemCount(0), "the run's path");
        assertEquals(r.rows().size(), xy.getDataset().getItemCount(1), "the flow's path");
        assertTrue(xy.getDomainAxis().getLabel().startsWith("PC1"));
        assertTrue(SlowFlowFigure.distances(r).contains("max"));
        assertDrawn(plane, "plane");
        JFreeChart none = SlowFlowFigure.plane(r, null, FigureOptions.defaults());
        boolean says = false;
        for (int i = 0; i < none.getSubtitleCount(); i++)
            says |= none.getSubtitle(i) instanceof org.jfree.chart.title.TextTitle t && t.getText().contains("at least 2 compared steps");
        assertTrue(says, "no plane yet says why");
    }
}
