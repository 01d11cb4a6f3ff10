package org.grokbench.plot;

import org.grokbench.landscape.DirectionKind;
import org.grokbench.landscape.Slice1D;
import org.grokbench.landscape.SliceValues;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYDataset;

import java.awt.Color;
import java.util.Locale;

/**
 * A 1D landscape slice f(α) = L(θ_t + αδ) (predicting-grokking App. G.1, Fig. 3): the training
 * loss (solid) and test loss (dashed) on a log axis, and below them, optionally, the training and
 * test accuracy. Marked: α = 0, the point θ_t itself, and α = 1 where the direction ends on a
 * recorded point (θ* toward the final point, θ₀ toward the start, the next row along the step).
 * In Fig. 3's setting the slice toward θ* from the memorization step shows two minima of the
 * training loss, only the second of which (θ*) also minimizes the test loss.
 */
public final class LandscapeSliceFigure {
    /** Losses below this are drawn at it (the log axis has no 0). */
    static final double LOSS_FLOOR = 1e-12;

    private LandscapeSliceFigure() {}

    public static JFreeChart create(Slice1D s, String runLabel, boolean accuracy, FigureOptions o) {
        FigureStyle st = o.style();
        NumberAxis alpha = StepCharts.linearValueAxis("α", st);
        alpha.setAutoRangeIncludesZero(false);
        alpha.setLowerMargin(0);
        alpha.setUpperMargin(0);
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(alpha);
        combined.setGap(st.px(14));
        SliceValues v = s.values();
        combined.add(plot(s.alphas(), v.trainLoss(), v.testLoss(), true, StepCharts.logValueAxis("loss", st), s, o), 2);
        if (accuracy) {
            NumberAxis acc = StepCharts.linearValueAxis("accuracy", st);
            acc.setRange(-0.04, 1.04);
            combined.add(plot(s.alphas(), v.trainAccuracy(), v.testAccuracy(), false, acc, s, o), 1);
        }
        st.styleXYPlot(combined);
        combined.setFixedLegendItems(legend(st));
        JFreeChart chart = StepCharts.chart(title(s), combined, o);
        chart.addSubtitle(new org.jfree.chart.title.TextTitle(subtitle(s, runLabel), st.subtitleFont()));
        return st.apply(chart);
    }

    /** The landscape figure's title with a line saying why there is nothing to draw. */
    public static JFreeChart unavailable(String why, FigureOptions o) {
        return FourierCirclesFigure.empty("Loss landscape", why, o);
    }

    static LegendItemCollection legend(FigureStyle st) {
        LegendItemCollection items = new LegendItemCollection();
        items.add(StepCharts.lineItem("train", FigureStyle.REAL_PART, st.lineStroke(), st));
        items.add(StepCharts.lineItem("test", FigureStyle.IMAG_PART, st.dashedStroke(), st));
        return items;
    }

    private static XYPlot plot(double[] x, double[] train, double[] test, boolean log, org.jfree.chart.axis.ValueAxis axis,
                               Slice1D s, FigureOptions o) {
        FigureStyle st = o.style();
        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer r = StepCharts.lineRenderer();
        add(data, r, "train", x, train, log, FigureStyle.REAL_PART, st.lineStroke());
        add(data, r, "test", x, test, log, FigureStyle.IMAG_PART, st.dashedStroke());
        XYPlot plot = new XYPlot(data, null, axis, r);
        st.styleXYPlot(plot);
        mark(plot, 0, "θ_t", st, log);
        String end = endLabel(s.kind());
        if (end != null && s.deltaNorm() > 0) mark(plot, 1, end, st, log);
        return plot;
    }

    private static void add(DefaultXYDataset data, XYLineAndShapeRenderer r, String key, double[] x, double[] y, boolean log,
                            Color paint, java.awt.Stroke stroke) {
        int n = 0;
        double[][] xy = new double[2][x.length];
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(y[i])) continue;
            xy[0][n] = x[i];
            xy[1][n++] = log ? Math.max(LOSS_FLOOR, y[i]) : y[i];
        }
        if (n == 0) return;
        int series = data.getSeriesCount();
        data.addSeries(key, new double[][] {java.util.Arrays.copyOf(xy[0], n), java.util.Arrays.copyOf(xy[1], n)});
        r.setSeriesPaint(series, paint);
        r.setSeriesStroke(series, stroke);
    }

    private static void mark(XYPlot plot, double alpha, String label, FigureStyle st, boolean withLabel) {
        ValueMarker m = new ValueMarker(alpha, FigureStyle.MARKER, st.contourStroke());
        if (withLabel) {
            m.setLabel(label);
            m.setLabelFont(st.annotationFont());
            m.setLabelPaint(FigureStyle.MARKER);
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        }
        plot.addDomainMarker(m, Layer.FOREGROUND);
    }

    /** What α = 1 is for the kind, or null when it is no recorded point. */
    static String endLabel(DirectionKind k) {
        return switch (k) {
            case FINAL -> "θ*";
            case START -> "θ₀";
            case STEP -> "next θ";
            default -> null;
        };
    }

    static String title(Slice1D s) {
        return "Loss landscape " + s.kind().label() + " from step " + s.step();
    }

    static String subtitle(Slice1D s, String runLabel) {
        String d = switch (s.kind()) {
            case FINAL -> "δ = θ* − θ_t (θ* = step " + s.finalStep() + ")";
            case START -> "δ = θ₀ − θ_t";
            case STEP -> "δ = next recorded θ − θ_t";
            case RANDOM -> "δ random";
            case PCA -> "δ = first principal direction of the path";
        };
        String tail = s.deltaNorm() > 0 ? String.format(Locale.ROOT, "‖δ‖ = %.3g", s.deltaNorm()) : "δ = 0, θ_t is θ*: scrub the timeline back (e.g. to the memorization step) to see the way to θ*";
        return (runLabel == null || runLabel.isBlank() ? "" : "\u2018" + runLabel + "\u2019 · ") + "f(α) = L(θ_t + αδ), "
                + d + ", " + s.scaling() + " · " + tail;
    }
}
