package org.grokbench.plot;

import org.grokbench.experiment.HistoryView;
import org.grokbench.experiment.Metric;
import org.grokbench.experiment.TrajectorySnapshot;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;

import java.awt.Color;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Figure 1 (left) of geometry-of-grokking: train loss (solid) and test loss (dashed) against the
 * step for every trajectory, one colour per trajectory, log loss axis. Grokking shows as the gap
 * between the step where the solid curve drops and the step where the dashed one follows.
 * {@link #accuracy} draws the same for the accuracies (a sample is right when |ŷ − y| is below the
 * preset's tolerance).
 */
public final class LossCurvesFigure {
    private LossCurvesFigure() {}

    /** Train and test loss for every trajectory. */
    public static JFreeChart loss(List<TrajectorySnapshot> runs, FigureOptions o) {
        FigureStyle s = o.style();
        ValueAxis lossAxis = StepCharts.logValueAxis("loss (log scale)", s);
        XYPlot plot = build(runs, o, Metric.TRAIN_LOSS, Metric.TEST_LOSS, 1.0, true, lossAxis);
        plot.setFixedLegendItems(StepCharts.runLegend(labels(runs), s,
                StepCharts.lineItem("train loss", Color.BLACK, s.lineStroke(), s),
                StepCharts.lineItem("test loss", Color.BLACK, s.dashedStroke(), s)));
        return StepCharts.chart("Train and test loss", plot, o);
    }

    /** Train and test accuracy (in %) for every trajectory. */
    public static JFreeChart accuracy(List<TrajectorySnapshot> runs, FigureOptions o) {
        FigureStyle s = o.style();
        NumberAxis accAxis = StepCharts.linearValueAxis("accuracy (%)", s);
        accAxis.setRange(-3, 103);
        accAxis.setNumberFormatOverride(new DecimalFormat("0"));
        accAxis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(10));
        XYPlot plot = build(runs, o, Metric.TRAIN_ACC, Metric.TEST_ACC, 100.0, false, accAxis);
        plot.setFixedLegendItems(StepCharts.runLegend(labels(runs), s,
                StepCharts.lineItem("train accuracy", Color.BLACK, s.lineStroke(), s),
                StepCharts.lineItem("test accuracy", Color.BLACK, s.dashedStroke(), s)));
        return StepCharts.chart("Train and test accuracy", plot, o);
    }

    private static XYPlot build(List<TrajectorySnapshot> runs, FigureOptions o, Metric train, Metric test,
                                double factor, boolean logY, ValueAxis rangeAxis) {
        FigureStyle s = o.style();
        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer renderer = StepCharts.lineRenderer();
        // Test curves first, so the solid train curves are drawn on top of them.
        for (int i = 0; i < runs.size(); i++) {
            HistoryView h = runs.get(i).history();
            StepCharts.addMetric(data, renderer, i + " test", h, test, factor, logY, o,
                    FigureStyle.trajectoryColor(i), s.dashedStroke());
        }
        for (int i = 0; i < runs.size(); i++) {
            HistoryView h = runs.get(i).history();
            StepCharts.addMetric(data, renderer, i + " train", h, train, factor, logY, o,
                    FigureStyle.trajectoryColor(i), s.lineStroke());
        }
        XYPlot plot = new XYPlot(data, StepCharts.stepAxis(o), rangeAxis, renderer);
        s.styleXYPlot(plot);
        StepCharts.addStepMarker(plot, o);
        return plot;
    }

    static List<String> labels(List<TrajectorySnapshot> runs) {
        List<String> out = new ArrayList<>();
        for (TrajectorySnapshot t : runs) out.add(t.label());
        return out;
    }
}
