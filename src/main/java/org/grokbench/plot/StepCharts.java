package org.grokbench.plot;

import org.grokbench.experiment.HistoryView;
import org.grokbench.experiment.Metric;
import org.grokbench.experiment.TrajectorySnapshot;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.DefaultXYDataset;

import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;

/** Shared pieces of the figures whose horizontal axis is the training step. */
final class StepCharts {
    private StepCharts() {}

    static ValueAxis stepAxis(FigureOptions o) {
        ValueAxis axis;
        if (o.logStep()) {
            LogAxis log = new DecadeLogAxis("step (log scale)");
            log.setSmallestValue(1);
            axis = log;
        } else {
            NumberAxis lin = new NumberAxis("step");
            lin.setAutoRangeIncludesZero(true);
            lin.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            axis = lin;
        }
        axis.setLowerMargin(0.01);
        axis.setUpperMargin(0.02);
        o.style().styleAxis(axis);
        return axis;
    }

    static ValueAxis logValueAxis(String label, FigureStyle style) {
        LogAxis axis = new DecadeLogAxis(label);
        axis.setSmallestValue(1e-300);
        axis.setUpperMargin(0.05);
        axis.setLowerMargin(0.05);
        style.styleAxis(axis);
        return axis;
    }

    static NumberAxis linearValueAxis(String label, FigureStyle style) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        style.styleAxis(axis);
        return axis;
    }

    /** Line renderer without point shapes; dashed series are drawn as one path so dashes flow. */
    static XYLineAndShapeRenderer lineRenderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(true);
        r.setDefaultSeriesVisibleInLegend(false);
        return r;
    }

    /**
     * Adds one metric of a history as a series (usable values only, downsampled for display) and
     * styles it; returns whether the series has any point.
     */
    static boolean addMetric(DefaultXYDataset data, XYLineAndShapeRenderer renderer, String key,
                             HistoryView h, Metric m, double yFactor, boolean logY, FigureOptions o,
                             Paint paint, Stroke stroke) {
        return addMetric(data, renderer, key, h, m, yFactor, logY, Double.NaN, o, paint, stroke) >= 0;
    }

    /**
     * As {@link #addMetric(DefaultXYDataset, XYLineAndShapeRenderer, String, HistoryView, Metric, double, boolean,
     * FigureOptions, Paint, Stroke)}, with finite values below {@code floor} (zero included) drawn at
     * {@code floor} (NaN: no floor). Returns how many values were raised to the floor, or −1 when
     * the series has no point.
     */
    static int addMetric(DefaultXYDataset data, XYLineAndShapeRenderer renderer, String key,
                         HistoryView h, Metric m, double yFactor, boolean logY, double floor, FigureOptions o,
                         Paint paint, Stroke stroke) {
        int n = h.size();
        double[] x = new double[n];
        double[] y = new double[n];
        int raised = 0;
        for (int i = 0; i < n; i++) {
            x[i] = h.step(i);
            y[i] = h.metric(i, m) * yFactor;
            if (!Double.isNaN(floor) && Double.isFinite(y[i]) && y[i] < floor) {
                y[i] = floor;
                if (!(o.logStep() && x[i] <= 0)) raised++;
            }
        }
        return addSeries(data, renderer, key, x, y, logY, o, paint, stroke) ? raised : -1;
    }

    /**
     * Adds a series over steps (usable values only: finite, positive on a log axis; downsampled for
     * display) and styles it; returns whether it has any point.
     */
    static boolean addSeries(DefaultXYDataset data, XYLineAndShapeRenderer renderer, String key, double[] steps,
                             double[] values, boolean logY, FigureOptions o, Paint paint, Stroke stroke) {
        Downsampler.Points usable = Downsampler.usable(steps, values, o.logStep(), logY);
        if (usable.size() == 0) return false;
        Downsampler.Points shown = Downsampler.minMax(usable.x(), usable.y(), o.buckets(), o.logStep());
        int series = data.getSeriesCount();
        data.addSeries(key, new double[][] {shown.x(), shown.y()});
        renderer.setSeriesPaint(series, paint);
        renderer.setSeriesStroke(series, stroke);
        return true;
    }

    /** The steps of a history as doubles (the x values of its series). */
    static double[] stepValues(HistoryView h) {
        double[] x = new double[h.size()];
        for (int i = 0; i < x.length; i++) x[i] = h.step(i);
        return x;
    }

    /**
     * A subplot (no domain axis of its own, for a {@code CombinedDomainXYPlot}) of one metric per
     * run in the run's colour, with the step marker.
     */
    static XYPlot metricPlot(java.util.List<TrajectorySnapshot> runs, FigureOptions o, Metric m, boolean logY,
                             ValueAxis rangeAxis) {
        FigureStyle s = o.style();
        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer renderer = lineRenderer();
        for (int i = 0; i < runs.size(); i++) {
            addMetric(data, renderer, i + " " + m.column(), runs.get(i).history(), m, 1.0, logY, o,
                    FigureStyle.trajectoryColor(i), s.lineStroke());
        }
        XYPlot plot = new XYPlot(data, null, rangeAxis, renderer);
        s.styleXYPlot(plot);
        addStepMarker(plot, o);
        return plot;
    }

    static void addStepMarker(XYPlot plot, FigureOptions o) {
        if (!o.hasStep() || (o.logStep() && o.step() <= 0)) return;
        ValueMarker marker = new ValueMarker(o.step(), FigureStyle.MARKER, o.style().contourStroke());
        plot.addDomainMarker(marker, Layer.FOREGROUND);
    }

    static Shape legendLine(FigureStyle s) {
        return new Line2D.Double(-s.px(22), 0, s.px(22), 0);
    }

    static LegendItem lineItem(String label, Paint paint, Stroke stroke, FigureStyle s) {
        LegendItem item = new LegendItem(label, null, null, null, legendLine(s), stroke, paint);
        item.setLabelFont(s.legendFont());
        return item;
    }

    static LegendItem dotItem(String label, Paint paint, boolean filled, FigureStyle s) {
        double r = s.px(7);
        Shape dot = new Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
        LegendItem item = filled
                ? new LegendItem(label, null, null, null, dot, paint)
                : new LegendItem(label, null, null, null, true, dot, false, paint, true, paint,
                s.lineStroke(), false, legendLine(s), s.lineStroke(), paint);
        item.setLabelFont(s.legendFont());
        return item;
    }

    /** Legend: one colour per trajectory, then the given style entries. */
    static LegendItemCollection runLegend(java.util.List<String> labels, FigureStyle s, LegendItem... extra) {
        LegendItemCollection items = new LegendItemCollection();
        for (int i = 0; i < labels.size(); i++)
            items.add(lineItem(labels.get(i), FigureStyle.trajectoryColor(i), s.lineStroke(), s));
        for (LegendItem e : extra) items.add(e);
        return items;
    }

    static JFreeChart chart(String title, org.jfree.chart.plot.Plot plot, FigureOptions o) {
        JFreeChart chart = new JFreeChart(title, o.style().titleFont(), plot, true);
        if (o.caption() != null && !o.caption().isBlank()) chart.addSubtitle(0, new TextTitle(o.caption()));
        return o.style().apply(chart);
    }
}
