package org.grokbench.plot;

import org.grokbench.experiment.SlowFlowComparison;
import org.grokbench.experiment.SlowFlowPlane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.DefaultXYDataset;

import java.awt.Color;
import java.util.List;
import java.util.Locale;

/**
 * The predicted slow flow on Z beside the real run ({@link SlowFlowComparison}), three panels over
 * the step: ‖θ‖ of the run (solid) and of the flow (dashed), their test losses (log), and the
 * distance ‖θ_t − θ_flow‖ with, for scale, the run's travel since interpolation ‖θ_t − θ_{t_int}‖.
 * Vertical lines: the run's test-loss drop and the drop the flow predicts.
 */
public final class SlowFlowFigure {
    private SlowFlowFigure() {}

    public static JFreeChart create(SlowFlowComparison.Result r, FigureOptions o) {
        FigureStyle s = o.style();
        List<SlowFlowComparison.Row> rows = r.rows();
        int n = rows.size();
        double[] x = new double[n], norm = new double[n], flowNorm = new double[n], test = new double[n],
                flowTest = new double[n], dist = new double[n], travel = new double[n];
        for (int i = 0; i < n; i++) {
            SlowFlowComparison.Row row = rows.get(i);
            x[i] = row.step();
            norm[i] = row.norm();
            flowNorm[i] = row.flowNorm();
            test[i] = row.testLoss();
            flowTest[i] = row.flowTestLoss();
            dist[i] = row.distance();
            travel[i] = row.travel();
        }
        Color run = FigureStyle.trajectoryColor(0), flow = Color.BLACK, gap = FigureStyle.NORMAL_PART;
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(StepCharts.stepAxis(o));
        combined.setGap(s.px(16));
        NumberAxis normAxis = StepCharts.linearValueAxis("‖θ‖", s);
        combined.add(panel(o, normAxis, false, new double[][][] {{x, norm}, {x, flowNorm}}, new Color[] {run, flow},
                new java.awt.Stroke[] {s.lineStroke(), s.dashedStroke()}, r), 1);
        combined.add(panel(o, StepCharts.logValueAxis("test loss", s), true, new double[][][] {{x, test}, {x, flowTest}},
                new Color[] {run, flow}, new java.awt.Stroke[] {s.lineStroke(), s.dashedStroke()}, r), 1);
        combined.add(panel(o, StepCharts.logValueAxis("distance", s), true, new double[][][] {{x, dist}, {x, travel}},
                new Color[] {gap, Color.GRAY}, new java.awt.Stroke[] {s.lineStroke(), s.contourStroke()}, r), 1);
        s.styleXYPlot(combined);
        combined.setFixedLegendItems(StepCharts.runLegend(List.of(), s,
                StepCharts.lineItem("run " + r.run().label(), run, s.lineStroke(), s),
                StepCharts.lineItem("predicted flow dθ/dτ = −P_T θ on Z, τ = 2ηλ(t − t_int)", flow, s.dashedStroke(), s),
                StepCharts.lineItem("‖θ_t − θ_flow‖", gap, s.lineStroke(), s),
                StepCharts.lineItem("travel ‖θ_t − θ_t_int‖", Color.GRAY, s.contourStroke(), s)));
        String title = String.format(Locale.ROOT, "Predicted slow flow on Z vs the run: drop at step %s (run), %s (flow)",
                r.clock().dropStep() < 0 ? "—" : Long.toString(r.clock().dropStep()),
                r.predictedDrop() < 0 ? "—" : Long.toString(r.predictedDrop()));
        JFreeChart chart = StepCharts.chart(title, combined, o);
        chart.addSubtitle(new TextTitle(distances(r), s.subtitleFont()));
        return chart;
    }

    /**
     * The run and the flow in the plane of the run's first two principal components over the slow
     * phase ({@link SlowFlowPlane}): the run solid, the flow dashed, both from their start on Z
     * (open dot) to the last compared step (filled). Where the flow tracks the run the two paths
     * lie on top of each other.
     */
    public static JFreeChart plane(SlowFlowComparison.Result r, SlowFlowPlane p, FigureOptions o) {
        String title = "Run and predicted slow flow in the run's first two principal components";
        if (p == null) return empty(title, "needs at least 2 compared steps on Z", o);
        FigureStyle s = o.style();
        Color run = FigureStyle.trajectoryColor(0), flow = Color.BLACK;
        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer rend = StepCharts.lineRenderer();
        rend.setDefaultSeriesVisibleInLegend(false);
        data.addSeries("run", new double[][] {p.runPc1(), p.runPc2()});
        rend.setSeriesPaint(0, run);
        rend.setSeriesStroke(0, s.lineStroke());
        data.addSeries("flow", new double[][] {p.flowPc1(), p.flowPc2()});
        rend.setSeriesPaint(1, flow);
        rend.setSeriesStroke(1, s.dashedStroke());
        int n = p.runPc1().length;
        double dot = s.px(8);
        TrajectoryPcaFigure.addPoint(data, rend, "start", p.runPc1()[0], p.runPc2()[0], Color.WHITE, dot, false, run);
        TrajectoryPcaFigure.addPoint(data, rend, "end", p.runPc1()[n - 1], p.runPc2()[n - 1], run, dot, true, run);
        TrajectoryPcaFigure.addPoint(data, rend, "flow end", p.flowPc1()[n - 1], p.flowPc2()[n - 1], flow, dot * 0.7, true, flow);
        NumberAxis x = StepCharts.linearValueAxis("PC1 (" + TrajectoryPcaFigure.percent(p.firstRatio()) + " of the slow phase's variance)", s);
        NumberAxis y = StepCharts.linearValueAxis("PC2 (" + TrajectoryPcaFigure.percent(p.secondRatio()) + ")", s);
        XYPlot plot = new XYPlot(data, x, y, rend);
        s.styleXYPlot(plot);
        List<SlowFlowComparison.Row> rows = r.rows();
        plot.setFixedLegendItems(StepCharts.runLegend(List.of(), s,
                StepCharts.lineItem("run " + r.run().label() + ", steps " + rows.get(0).step() + "–" + rows.get(n - 1).step(), run, s.lineStroke(), s),
                StepCharts.lineItem("predicted flow, projected on the run's components", flow, s.dashedStroke(), s),
                StepCharts.dotItem("on Z at t_int", run, false, s),
                StepCharts.dotItem("last compared step", run, true, s)));
        JFreeChart chart = StepCharts.chart(title, plot, o);
        chart.addSubtitle(new TextTitle(distances(r), s.subtitleFont()));
        return chart;
    }

    /** A figure with no plot, saying why (not on Z yet, computing…). */
    public static JFreeChart empty(String title, String why, FigureOptions o) {
        return FourierCirclesFigure.empty(title, why, o);
    }

    /** The distance line of both figures: max and final ‖θ_t − θ_flow‖ against the travel along Z. */
    static String distances(SlowFlowComparison.Result r) {
        return String.format(Locale.ROOT, "‖θ_run − θ_flow‖: max %.3g, final %.3g, while the run travels %.3g along Z (ratio %.3g)",
                r.maxDistance(), r.finalDistance(), r.finalTravel(), r.finalDistance() / r.finalTravel());
    }

    private static XYPlot panel(FigureOptions o, org.jfree.chart.axis.ValueAxis axis, boolean logY, double[][][] series,
                                Color[] colors, java.awt.Stroke[] strokes, SlowFlowComparison.Result r) {
        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer rend = StepCharts.lineRenderer();
        for (int i = 0; i < series.length; i++)
            StepCharts.addSeries(data, rend, "s" + i, series[i][0], series[i][1], logY, o, colors[i], strokes[i]);
        XYPlot plot = new XYPlot(data, null, axis, rend);
        o.style().styleXYPlot(plot);
        for (long step : new long[] {r.clock().dropStep(), r.predictedDrop()}) {
            if (step > 0) plot.addDomainMarker(new org.jfree.chart.plot.ValueMarker(step, FigureStyle.MARKER, o.style().contourStroke()));
        }
        StepCharts.addStepMarker(plot, o);
        return plot;
    }
}
