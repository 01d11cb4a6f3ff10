package org.grokbench.plot;

import org.grokbench.experiment.HistoryView;
import org.grokbench.experiment.Metric;
import org.grokbench.experiment.TrajectorySnapshot;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;

import java.util.List;

/**
 * The geometry of a run against the step, three panels sharing the step axis:
 * <ol>
 *   <li>dist_Z(θ_t), the distance to the zero-loss set (Def. 4.7), log scale: it drops fast in the
 *       memorization phase and then stays small (Theorem 4.8);</li>
 *   <li>cos(Δθ_t, g̃_t), the cosine between the update and the norm-minimizing direction on Z
 *       (App. D): near 1 while the run slides along Z towards the minimum-norm solution;</li>
 *   <li>‖θ_t‖, the weight norm, which falls during that slide.</li>
 * </ol>
 * Geometry values exist only on probe steps (NaN elsewhere); curves join the probed steps.
 */
public final class GeometryFigure {
    private GeometryFigure() {}

    public static JFreeChart create(List<TrajectorySnapshot> runs, FigureOptions o) {
        FigureStyle s = o.style();
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(StepCharts.stepAxis(o));
        combined.setGap(s.px(16));

        combined.add(StepCharts.metricPlot(runs, o, Metric.DIST_TO_ZERO_LOSS, true,
                StepCharts.logValueAxis("dist to Z", s)), 1);

        NumberAxis cos = StepCharts.linearValueAxis("cos(Δθ, g̃)", s);
        cos.setRange(-1.08, 1.08);
        cos.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(0.5));
        combined.add(StepCharts.metricPlot(runs, o, Metric.COS_NORM_MIN, false, cos), 1);

        NumberAxis norm = StepCharts.linearValueAxis("‖θ‖", s);
        norm.setAutoRangeIncludesZero(false);
        combined.add(StepCharts.metricPlot(runs, o, Metric.WEIGHT_NORM, false, norm), 1);

        s.styleXYPlot(combined);
        combined.setFixedLegendItems(StepCharts.runLegend(LossCurvesFigure.labels(runs), s));
        return StepCharts.chart("Geometry: distance to Z, alignment with norm minimization, weight norm", combined, o);
    }
}
