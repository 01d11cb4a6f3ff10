package org.grokbench.plot;

import org.grokbench.experiment.HistoryView;
import org.grokbench.experiment.Metric;
import org.grokbench.experiment.TrajectorySnapshot;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;

import java.util.List;

/**
 * The trajectory measures of predicting-grokking App. G.4 (Figs. 14 and 20): the squared gradient
 * norm ‖G_t‖² of the training loss, the step-to-step cosine cos(θ_{t−1}, θ_t) and the cosine to
 * the start cos(θ_t, θ_0). Between "slingshots" the weights barely turn (cos(θ_{t−1}, θ_t) ≈ 1),
 * so the step cosine is drawn as 1 − cos on a log axis, where a slingshot stands out as a spike
 * instead of a dip in the ninth decimal.
 */
public final class TrajectoryMeasuresFigure {
    private TrajectoryMeasuresFigure() {}

    public static JFreeChart create(List<TrajectorySnapshot> runs, FigureOptions o) {
        FigureStyle s = o.style();
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(StepCharts.stepAxis(o));
        combined.setGap(s.px(16));
        combined.add(StepCharts.metricPlot(runs, o, Metric.GRAD_NORM_SQ, true,
                StepCharts.logValueAxis("‖G_t‖²", s)), 1);
        combined.add(oneMinusStepCosine(runs, o), 1);
        NumberAxis init = StepCharts.linearValueAxis("cos(θ_t, θ₀)", s);
        combined.add(StepCharts.metricPlot(runs, o, Metric.COS_INIT, false, init), 1);
        s.styleXYPlot(combined);
        combined.setFixedLegendItems(StepCharts.runLegend(LossCurvesFigure.labels(runs), s));
        return StepCharts.chart("Gradient norm and how far the weights turn", combined, o);
    }

    private static XYPlot oneMinusStepCosine(List<TrajectorySnapshot> runs, FigureOptions o) {
        FigureStyle s = o.style();
        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer renderer = StepCharts.lineRenderer();
        for (int i = 0; i < runs.size(); i++) {
            HistoryView h = runs.get(i).history();
            double[] y = new double[h.size()];
            for (int k = 0; k < y.length; k++) y[k] = 1 - h.metric(k, Metric.COS_STEP);
            StepCharts.addSeries(data, renderer, i + " step", StepCharts.stepValues(h), y, true, o,
                    FigureStyle.trajectoryColor(i), s.lineStroke());
        }
        XYPlot plot = new XYPlot(data, null, StepCharts.logValueAxis("1 − cos(θ_{t−1}, θ_t)", s), renderer);
        s.styleXYPlot(plot);
        StepCharts.addStepMarker(plot, o);
        return plot;
    }
}
