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
}
