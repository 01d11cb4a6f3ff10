package org.grokbench.plot;

import org.grokbench.race.RaceResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
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
        ValueAxis distanceAxis = StepCharts.logValueAxis("distance to the optimum ‖x − x*‖", s);
        double[] decades = decades(racers);
        if (decades != null) distanceAxis.setRange(decades[0], decades[1]);
        XYPlot plot = new XYPlot(data, StepCharts.stepAxis(lo), distanceAxis, renderer);
        s.styleXYPlot(plot);
        plot.setFixedLegendItems(StepCharts.runLegend(racers.stream().map(RaceResult.Racer::label).toList(), s));
        JFreeChart chart = StepCharts.chart("Distance to the optimum on " + race.function().title(), plot, o);
        chart.addSubtitle(new TextTitle(race.describe()));
        return o.style().apply(chart);
    }

    /**
     * Whole powers of ten around every positive finite distance, so that the log axis always shows
     * at least one decade with its labels (a race stuck near one distance would otherwise get
     * fractional exponents); null when there is no such distance.
     */
    static double[] decades(List<RaceResult.Racer> racers) {
        double min = Double.POSITIVE_INFINITY, max = 0;
        for (RaceResult.Racer r : racers)
            for (double d : r.distance())
                if (d > 0 && Double.isFinite(d)) {
                    min = Math.min(min, d);
                    max = Math.max(max, d);
                }
        if (!(max > 0)) return null;
        double lo = Math.pow(10, Math.floor(Math.log10(min))), hi = Math.pow(10, Math.ceil(Math.log10(max)));
        if (!(hi > lo)) hi = lo * 10;
        return new double[] {lo, hi};
    }
}
