package org.grokbench.plot;

import org.grokbench.experiment.HistoryView;
import org.grokbench.experiment.Metric;
import org.grokbench.experiment.TrajectorySnapshot;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.DefaultXYDataset;

import org.jfree.chart.LegendItem;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Figure 1 (left) of geometry-of-grokking: train loss (solid) and test loss (dashed) against the
 * step for every trajectory, one colour per trajectory, log loss axis. Grokking shows as the gap
 * between the step where the solid curve drops and the step where the dashed one follows.
 * {@link #accuracy} draws the same for the accuracies (a sample is right when |ŷ − y| is below the
 * preset's tolerance; for modular addition, when the largest output is the right residue).
 *
 * <p>Losses below {@value #LOSS_FLOOR} (zero included) are drawn at {@value #LOSS_FLOOR}, and a
 * subtitle says how many: the simulated dynamics of Eq. (20) fit the training pairs exactly (a train
 * loss of 0 or 1e-28 up to rounding), and a log axis that followed them would span dozens of
 * decades and squeeze the test loss into a sliver.
 */
public final class LossCurvesFigure {
    /** The bottom of the loss axis: smaller losses are drawn here. */
    public static final double LOSS_FLOOR = 1e-12;

    private LossCurvesFigure() {}

    /** Train and test loss for every trajectory. */
    public static JFreeChart loss(List<TrajectorySnapshot> runs, FigureOptions o) {
        FigureStyle s = o.style();
        ValueAxis lossAxis = StepCharts.logValueAxis("loss (log scale)", s);
        int[] raised = new int[4];
        XYPlot plot = build(runs, o, Metric.TRAIN_LOSS, Metric.TEST_LOSS, 1.0, true, LOSS_FLOOR, raised, lossAxis);
        plot.setFixedLegendItems(StepCharts.runLegend(labels(runs), s,
                StepCharts.lineItem("train loss", Color.BLACK, s.lineStroke(), s),
                StepCharts.lineItem("test loss", Color.BLACK, s.dashedStroke(), s)));
        JFreeChart chart = StepCharts.chart("Train and test loss", plot, o);
        String note = floorNote(raised);
        if (note != null) {
            TextTitle t = new TextTitle(note);
            t.setFont(s.subtitleFont());
            t.setPaint(new Color(0x333333));
            chart.addSubtitle(t);
        }
        return chart;
    }

    /** Train and test accuracy (in %) for every trajectory. */
    public static JFreeChart accuracy(List<TrajectorySnapshot> runs, FigureOptions o) {
        FigureStyle s = o.style();
        NumberAxis accAxis = percentAxis("accuracy (%)", 103, s);
        XYPlot plot = build(runs, o, Metric.TRAIN_ACC, Metric.TEST_ACC, 100.0, false, Double.NaN, new int[4], accAxis);
        plot.setFixedLegendItems(StepCharts.runLegend(labels(runs), s,
                StepCharts.lineItem("train accuracy", Color.BLACK, s.lineStroke(), s),
                StepCharts.lineItem("test accuracy", Color.BLACK, s.dashedStroke(), s)));
        return StepCharts.chart("Train and test accuracy", plot, o);
    }

    /** RQI curves and the RQI-bar line (Liu et al. 2022, Eqs. 3 and 16). */
    public static final Color RQI = new Color(0x8E44AD);
    /** Acc-hat curves and the Acc-bar line (Eqs. 13 and 17). */
    public static final Color ACC_HAT = new Color(0xE67E22);

    /**
     * The representation toy's accuracy figure (Liu et al. 2022, Fig. 3-4): train and validation
     * accuracy as {@link #accuracy}, and beside them RQI (share of the parallelograms that hold)
     * and Acc-hat (accuracy those parallelograms explain) in their own colours, with the ideal
     * model's bounds RQI-bar and Acc-bar (App. E) as dashed horizontal lines; all in %.
     *
     * @param rqiBar the ideal bound of RQI, {@code IdealRepresentation.rqiBar()} (NaN: not drawn)
     * @param accBar the ideal bound of Acc-hat, {@code IdealRepresentation.accBar()} (NaN: not drawn)
     */
    public static JFreeChart representationAccuracy(List<TrajectorySnapshot> runs, double rqiBar, double accBar, FigureOptions o) {
        FigureStyle s = o.style();
        NumberAxis axis = percentAxis("accuracy, RQI (%)", 106, s);
        XYPlot plot = build(runs, o, Metric.TRAIN_ACC, Metric.TEST_ACC, 100.0, false, Double.NaN, new int[4], axis);
        DefaultXYDataset data = (DefaultXYDataset) plot.getDataset();
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        Stroke thin = new BasicStroke(s.px(2.5f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        for (int i = 0; i < runs.size(); i++) {
            HistoryView h = runs.get(i).history();
            // One run is the rule here; further runs get lighter shades of the same two colours.
            double alpha = 1.0 / (1 + i);
            StepCharts.addMetric(data, renderer, i + " rqi", h, Metric.RQI, 100.0, false, o, shade(RQI, alpha), thin);
            StepCharts.addMetric(data, renderer, i + " acc_hat", h, Metric.ACC_HAT, 100.0, false, o, shade(ACC_HAT, alpha), thin);
        }
        List<LegendItem> extra = new ArrayList<>(List.of(
                StepCharts.lineItem("train accuracy", Color.BLACK, s.lineStroke(), s),
                StepCharts.lineItem("validation accuracy", Color.BLACK, s.dashedStroke(), s),
                StepCharts.lineItem("RQI", RQI, thin, s),
                StepCharts.lineItem("Acc-hat", ACC_HAT, thin, s)));
        Stroke bound = new BasicStroke(s.px(2f), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {s.px(10), s.px(7)}, 0f);
        // Acc-bar's dashes start where RQI-bar's end, so both show when the bounds coincide (often at 100 %).
        Stroke boundShifted = new BasicStroke(s.px(2f), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {s.px(10), s.px(7)}, s.px(8.5f));
        if (Double.isFinite(rqiBar)) {
            plot.addRangeMarker(new ValueMarker(100 * rqiBar, RQI, bound), Layer.BACKGROUND);
            extra.add(StepCharts.lineItem(String.format(java.util.Locale.ROOT, "RQI-bar %.2f", rqiBar), RQI, bound, s));
        }
        if (Double.isFinite(accBar)) {
            plot.addRangeMarker(new ValueMarker(100 * accBar, ACC_HAT, boundShifted), Layer.BACKGROUND);
            extra.add(StepCharts.lineItem(String.format(java.util.Locale.ROOT, "Acc-bar %.2f", accBar), ACC_HAT, bound, s));
        }
        plot.setFixedLegendItems(StepCharts.runLegend(labels(runs), s, extra.toArray(new LegendItem[0])));
        return StepCharts.chart("Accuracy and representation quality", plot, o);
    }

    /** A 0-100 % axis from −3 to {@code top}, ticks every 10. */
    private static NumberAxis percentAxis(String label, double top, FigureStyle s) {
        NumberAxis axis = StepCharts.linearValueAxis(label, s);
        axis.setRange(-3, top);
        axis.setNumberFormatOverride(new DecimalFormat("0"));
        axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(10));
        return axis;
    }

    private static Color shade(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * alpha));
    }

    /**
     * What the subtitle says about values raised to the floor, from {train raised, test raised,
     * train points, test points}; null when none was raised.
     */
    static String floorNote(int[] raised) {
        if (raised[0] + raised[1] == 0) return null;
        String floor = "10\u207b\u00b9\u00b2";
        if (raised[1] == 0 && raised[0] == raised[2])
            return "train loss below " + floor + " (or exactly 0) at every step: drawn at " + floor + ", the floor of the axis";
        StringBuilder b = new StringBuilder();
        if (raised[0] > 0) b.append(raised[0]).append(" train");
        if (raised[1] > 0) b.append(b.length() > 0 ? " and " : "").append(raised[1]).append(" test");
        return b.append(" loss value").append(raised[0] + raised[1] == 1 ? "" : "s").append(" below ").append(floor)
                .append(" (or exactly 0) drawn at ").append(floor).append(", the floor of the axis").toString();
    }

    /**
     * The curves of both metrics. {@code raised} receives {train values raised to the floor, test
     * values raised, train values, test values} (floor NaN: none raised).
     */
    private static XYPlot build(List<TrajectorySnapshot> runs, FigureOptions o, Metric train, Metric test,
                                double factor, boolean logY, double floor, int[] raised, ValueAxis rangeAxis) {
        FigureStyle s = o.style();
        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer renderer = StepCharts.lineRenderer();
        // Test curves first, so the solid train curves are drawn on top of them.
        for (int i = 0; i < runs.size(); i++) {
            HistoryView h = runs.get(i).history();
            raised[1] += Math.max(0, StepCharts.addMetric(data, renderer, i + " test", h, test, factor, logY, floor, o,
                    FigureStyle.trajectoryColor(i), s.dashedStroke()));
            raised[3] += finiteCount(h, test, o.logStep());
        }
        for (int i = 0; i < runs.size(); i++) {
            HistoryView h = runs.get(i).history();
            raised[0] += Math.max(0, StepCharts.addMetric(data, renderer, i + " train", h, train, factor, logY, floor, o,
                    FigureStyle.trajectoryColor(i), s.lineStroke()));
            raised[2] += finiteCount(h, train, o.logStep());
        }
        XYPlot plot = new XYPlot(data, StepCharts.stepAxis(o), rangeAxis, renderer);
        s.styleXYPlot(plot);
        StepCharts.addStepMarker(plot, o);
        return plot;
    }

    /** Finite values of a metric at the steps the step axis shows. */
    private static int finiteCount(HistoryView h, Metric m, boolean logStep) {
        int n = 0;
        for (int r = 0; r < h.size(); r++) if (Double.isFinite(h.metric(r, m)) && !(logStep && h.step(r) <= 0)) n++;
        return n;
    }

    static List<String> labels(List<TrajectorySnapshot> runs) {
        List<String> out = new ArrayList<>();
        for (TrajectorySnapshot t : runs) out.add(t.label());
        return out;
    }
}
