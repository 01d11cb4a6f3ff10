package org.grokbench.plot;

import org.grokbench.race.RaceResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.DefaultXYDataset;

import java.util.List;

/**
 * The optimizer race's error curves (predicting-grokking App. I, Figs. 25 and 28): the Euclidean
 * distance ‖x_t − x*‖ of each optimizer to the optimum against the step, both axes logarithmic, so
 * that the early fall into the ravine and the late crawl (or its absence) are both visible.
 */
public final class RaceDistanceFigure {
    private RaceDistanceFigure() {}

    public static JFreeChart create(RaceResult race, FigureOptions o) {
        FigureOptions lo = o.withLogStep(true);
        FigureStyle s = o.style();
        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer renderer = StepCharts.lineRenderer();
        List<RaceResult.Racer> racers = race.racers();
        double[] steps = new double[race.steps() + 1];
        for (int t = 0; t < steps.length; t++) steps[t] = t;
        for (int i = 0; i < racers.size(); i++)
            StepCharts.addSeries(data, renderer, racers.get(i).label(), steps, racers.get(i).distance(), true, lo,
                    FigureStyle.trajectoryColor(i), s.lineStroke());
        XYPlot plot = new XYPlot(data, StepCharts.stepAxis(lo), StepCharts.logValueAxis("distance to the optimum ‖x − x*‖", s),
                renderer);
        s.styleXYPlot(plot);
        plot.setFixedLegendItems(StepCharts.runLegend(racers.stream().map(RaceResult.Racer::label).toList(), s));
        JFreeChart chart = StepCharts.chart("Distance to the optimum on " + race.function().title(), plot, o);
        chart.addSubtitle(new TextTitle(race.describe()));
        return o.style().apply(chart);
    }
}
