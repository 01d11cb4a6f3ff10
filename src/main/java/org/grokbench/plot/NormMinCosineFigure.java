package org.grokbench.plot;

import org.grokbench.experiment.HistoryView;
import org.grokbench.experiment.Metric;
import org.grokbench.experiment.TrajectorySnapshot;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.DefaultXYDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Figure 5 (right) of geometry-of-grokking: the cosine between the parameter update (averaged over
 * c steps, Δθ_t = θ_t − θ_{t−c}) and the norm-minimizing direction on the zero-loss set (App. D,
 * eq. 29), against the step. As in App. D, each trajectory is a thin translucent line in its colour
 * and their mean per step a thick black line (drawn at the steps every trajectory probed; with one
 * trajectory there is no mean line). The cosine is measured on probe steps only; lines join them.
 */
public final class NormMinCosineFigure {
    private NormMinCosineFigure() {}

    public static JFreeChart create(List<TrajectorySnapshot> runs, FigureOptions o) {
        FigureStyle s = o.style();
        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer renderer = StepCharts.lineRenderer();
        // App. D averages seeds of one setting; runs that differ in lr or λ are not averaged.
        boolean translucent = runs.size() > 1 && sameSetting(runs);
        for (int i = 0; i < runs.size(); i++) {
            HistoryView h = runs.get(i).history();
            StepCharts.addMetric(data, renderer, i + " cos", h, Metric.COS_NORM_MIN, 1.0, false, o,
                    translucent ? FigureStyle.trajectoryColor(i, 0.45) : FigureStyle.trajectoryColor(i),
                    translucent ? new BasicStroke(s.px(2.2f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                            : s.lineStroke());
        }
        double[][] mean = translucent ? mean(runs, o.logStep()) : null;
        if (mean != null && mean[0].length > 0) {
            Downsampler.Points shown = Downsampler.minMax(mean[0], mean[1], o.buckets(), o.logStep());
            int series = data.getSeriesCount();
            data.addSeries("mean", new double[][] {shown.x(), shown.y()});
            renderer.setSeriesPaint(series, Color.BLACK);
            renderer.setSeriesStroke(series, s.lineStroke());
        }
        NumberAxis y = StepCharts.linearValueAxis("cos(Δθ, g̃)", s);
        y.setAutoRangeIncludesZero(true);
        y.setAutoRangeMinimumSize(0.2);
        XYPlot plot = new XYPlot(data, StepCharts.stepAxis(o), y, renderer);
        s.styleXYPlot(plot);
        // A cosine is within [−1, 1]: keep the auto range there, with a little air.
        org.jfree.data.Range r = plot.getDataRange(y);
        if (r != null) y.setRange(Math.max(-1.05, Math.min(0, r.getLowerBound()) - 0.05), Math.min(1.05, r.getUpperBound() + 0.05));
        plot.addRangeMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(s.px(1.2f))), Layer.BACKGROUND);
        StepCharts.addStepMarker(plot, o);
        List<String> labels = LossCurvesFigure.labels(runs);
        var items = StepCharts.runLegend(labels, s);
        if (mean != null && mean[0].length > 0)
            items.add(StepCharts.lineItem("mean of the " + runs.size() + " runs", Color.BLACK, s.lineStroke(), s));
        plot.setFixedLegendItems(items);
        return StepCharts.chart("Alignment of the update with the norm-minimizing direction on Z", plot, o);
    }

    static boolean sameSetting(List<TrajectorySnapshot> runs) {
        TrajectorySnapshot first = runs.get(0);
        return runs.stream().allMatch(t -> t.lr() == first.lr() && t.lambda() == first.lambda());
    }

    /** {steps, mean cosine} over the steps where every trajectory has a finite cosine. */
    static double[][] mean(List<TrajectorySnapshot> runs, boolean logStep) {
        Map<Long, double[]> sums = new HashMap<>();
        for (TrajectorySnapshot t : runs) {
            HistoryView h = t.history();
            for (int r = 0; r < h.size(); r++) {
                double v = h.metric(r, Metric.COS_NORM_MIN);
                if (!Double.isFinite(v)) continue;
                double[] acc = sums.computeIfAbsent(h.step(r), k -> new double[2]);
                acc[0] += v;
                acc[1] += 1;
            }
        }
        List<Long> steps = new ArrayList<>();
        for (Map.Entry<Long, double[]> e : sums.entrySet())
            if (e.getValue()[1] == runs.size() && (!logStep || e.getKey() > 0)) steps.add(e.getKey());
        steps.sort(Long::compare);
        double[] x = new double[steps.size()], y = new double[steps.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = steps.get(i);
            y[i] = sums.get(steps.get(i))[0] / runs.size();
        }
        return new double[][] {x, y};
    }
}
