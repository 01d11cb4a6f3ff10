package org.grokbench.plot;

import org.grokbench.race.LogScaled;
import org.grokbench.race.OptimizerRace;
import org.grokbench.race.RaceResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The race's map and error curves, drawn headless from a short race. */
class RaceFiguresTest {
    private static final RaceResult RACE = new OptimizerRace().run(LogScaled.rosenbrock(), new double[] {-1.5, 2.5}, 1e-3, 2000);

    @Test
    void pathsFigureShowsEveryRacerStartAndOptimumOnTheShadedMap() {
        JFreeChart chart = RacePathsFigure.create(RACE, FigureOptions.defaults());
        BufferedImage img = FigureExport.render(chart, 1600, 1000);
        assertTrue(FigureFixtures.distinctColours(img) > 200, "a shaded map has many colours");
        assertTrue(FigureFixtures.inkFraction(img) > 0.3, "the map fills the plot");
        for (int i = 0; i < RACE.racers().size(); i++)
            assertTrue(FigureFixtures.contains(img, FigureStyle.trajectoryColor(i)), RACE.racers().get(i).label() + " drawn");
        assertTrue(FigureFixtures.contains(img, RacePathsFigure.OPTIMUM), "optimum marked");
        // paths and halos: one series each per racer
        assertEquals(12, ((XYPlot) chart.getPlot()).getDataset().getSeriesCount());
        assertEquals(8, ((XYPlot) chart.getPlot()).getFixedLegendItems().getItemCount(), "six racers, start, optimum");
    }

    @Test
    void distanceFigureHasLogAxesAndOneCurvePerRacer() {
        JFreeChart chart = RaceDistanceFigure.create(RACE, FigureOptions.defaults());
        BufferedImage img = FigureExport.render(chart, 1400, 900);
        assertTrue(FigureFixtures.inkFraction(img) > 0.02);
        XYPlot plot = (XYPlot) chart.getPlot();
        assertTrue(plot.getDomainAxis() instanceof LogAxis && plot.getRangeAxis() instanceof LogAxis);
        assertEquals(6, plot.getDataset().getSeriesCount());
        // step 0 is left out on the log step axis; the last point is the final distance
        int n = plot.getDataset().getItemCount(0);
        assertEquals(2000, plot.getDataset().getXValue(0, n - 1));
        assertEquals(RACE.racers().get(0).finalDistance(), plot.getDataset().getYValue(0, n - 1), 0);
    }

    @Test
    void boxGrowsToHoldPathsThatLeaveTheView() {
        RaceResult wild = new OptimizerRace().run(LogScaled.rastrigin(), new double[] {-1.5, 2.5}, 0.1, 3000);
        double[] box = RacePathsFigure.box(wild);
        double[] view = LogScaled.rastrigin().view();
        for (RaceResult.Racer r : wild.racers()) {
            int last = r.x().length - 1;
            assertTrue(r.x()[last] >= box[0] && r.x()[last] <= box[1] && r.y()[last] >= box[2] && r.y()[last] <= box[3],
                    r.label() + " ends inside the box");
        }
        assertTrue(box[1] - box[0] <= 7 * (view[1] - view[0]), "growth is capped");
    }
}
