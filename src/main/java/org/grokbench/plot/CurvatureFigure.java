package org.grokbench.plot;

import org.grokbench.experiment.HistoryView;
import org.grokbench.experiment.Metric;
import org.grokbench.experiment.TrajectorySnapshot;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.DefaultXYDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;

/**
 * Curvature over training (predicting-grokking §4, App. G.3, Figs. 11 and 18): the extreme
 * eigenvalues λ_max (solid) and λ_min (dashed) of the Hessian of the training loss, read by Lanczos
 * on the curvature probe's steps, and their ratio λ_min/λ_max, which the paper calls the condition
 * number (after Li et al. 2018): near 0 in a convex-looking region, negative where the landscape
 * has negative curvature ("slingshots").
 */
public final class CurvatureFigure {
    private CurvatureFigure() {}

    public static JFreeChart create(List<TrajectorySnapshot> runs, FigureOptions o) {
        FigureStyle s = o.style();
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(StepCharts.stepAxis(o));
        combined.setGap(s.px(16));
        combined.add(extremes(runs, o), 2);
        combined.add(ratio(runs, o), 1);
        s.styleXYPlot(combined);
        combined.setFixedLegendItems(StepCharts.runLegend(LossCurvesFigure.labels(runs), s,
                StepCharts.lineItem("λ_max", Color.DARK_GRAY, s.lineStroke(), s),
                StepCharts.lineItem("λ_min", Color.DARK_GRAY, s.dashedStroke(), s)));
        return StepCharts.chart("Hessian extremes of the training loss", combined, o);
    }

    private static XYPlot extremes(List<TrajectorySnapshot> runs, FigureOptions o) {
        FigureStyle s = o.style();
        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer renderer = StepCharts.lineRenderer();
        for (int i = 0; i < runs.size(); i++) {
            HistoryView h = runs.get(i).history();
            StepCharts.addMetric(data, renderer, i + " max", h, Metric.HESSIAN_MAX, 1.0, false, o,
                    FigureStyle.trajectoryColor(i), s.lineStroke());
            StepCharts.addMetric(data, renderer, i + " min", h, Metric.HESSIAN_MIN, 1.0, false, o,
                    FigureStyle.trajectoryColor(i), s.dashedStroke());
        }
        XYPlot plot = new XYPlot(data, null, StepCharts.linearValueAxis("λ of H", s), renderer);
        s.styleXYPlot(plot);
        zeroLine(plot, s);
        StepCharts.addStepMarker(plot, o);
        return plot;
    }

    private static XYPlot ratio(List<TrajectorySnapshot> runs, FigureOptions o) {
        FigureStyle s = o.style();
        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer renderer = StepCharts.lineRenderer();
        for (int i = 0; i < runs.size(); i++) {
            HistoryView h = runs.get(i).history();
            double[] r = new double[h.size()];
            for (int k = 0; k < r.length; k++) r[k] = h.metric(k, Metric.HESSIAN_MIN) / h.metric(k, Metric.HESSIAN_MAX);
            StepCharts.addSeries(data, renderer, i + " ratio", StepCharts.stepValues(h), r, false, o,
                    FigureStyle.trajectoryColor(i), s.lineStroke());
        }
        NumberAxis axis = StepCharts.linearValueAxis("λ_min / λ_max", s);
        axis.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, null, axis, renderer);
        s.styleXYPlot(plot);
        zeroLine(plot, s);
        StepCharts.addStepMarker(plot, o);
        return plot;
    }

    /** The figure's title with a line saying why there is nothing to draw. */
    public static JFreeChart unavailable(String why, FigureOptions o) {
        return FourierCirclesFigure.empty("Hessian extremes of the training loss", why, o);
    }

    static void zeroLine(XYPlot plot, FigureStyle s) {
        plot.addRangeMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(s.px(1.2f))), Layer.BACKGROUND);
    }
}
