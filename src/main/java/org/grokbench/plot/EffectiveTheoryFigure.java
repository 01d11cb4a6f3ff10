package org.grokbench.plot;

import org.grokbench.representation.TheoryComparison;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.DefaultXYDataset;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The effective theory beside the network (Liu et al. 2022, Fig. 4 c-d) from a
 * {@link TheoryComparison}: both representations normalized, the theory (the flow of ℓ_eff = ℓ₀/Z₀
 * on the same training set, advanced η·|P₀(D)| per network step) on the left, the network on the
 * right.
 *
 * <p>1D embeddings: each symbol's normalized embedding against the step, one colour per symbol
 * (the hue ramp of the decoder map), labelled at its end, with the timeline's step marked and the
 * theory's e-folding time 1/(λ₃η|P₀(D)|) and three times it (the paper: "about 3n_h steps to
 * converge") as dotted lines. Higher dimensions: the two sets of embeddings at the timeline's step
 * in their first two coordinates (d = 2) or in the plane of the network's first two principal
 * components (d &gt; 2, the theory projected on the same plane), each symbol with its path so far.
 */
public final class EffectiveTheoryFigure {
    static final String TITLE = "Effective theory beside the network";

    private EffectiveTheoryFigure() {}

    public static JFreeChart create(TheoryComparison c, String label, FigureOptions o) {
        FigureStyle s = o.style();
        int shown = c.indexAt(o.hasStep() ? o.step() : -1);
        JFreeChart chart = c.d() == 1 ? lines(c, shown, o) : planes(c, shown, o);
        // the step-axis charts get the caption from StepCharts.chart; the plane view adds it here
        if (c.d() > 1 && o.caption() != null && !o.caption().isBlank()) chart.addSubtitle(new TextTitle(o.caption()));
        long step = c.steps()[shown];
        double[] nr = c.networkRqi(), tr = c.theoryRqi();
        chart.addSubtitle(new TextTitle((label == null || label.isBlank() ? "" : "\u2018" + label + "\u2019 · ")
                + String.format(Locale.ROOT, "step %d: RQI theory %.2f, network %.2f · \u03bb\u2083 = %s, n_h = 1/(\u03bb\u2083\u03b7) = %s steps",
                step, tr[shown], nr[shown], FourierCirclesFigure.fmt(c.lambda3()), steps(c.predictedSteps()))));
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "the theory moves \u03b7|P\u2080(D)| per step (|P\u2080(D)| = %d, "
                + "\u2113\u2080 summed as the authors' code): e-folding in %s steps", c.parallelograms(), steps(c.theoryTimeConstant()))));
        return s.apply(chart);
    }

    static String steps(double n) {
        return Double.isFinite(n) ? String.format(Locale.ROOT, "%.0f", n) : "never (\u03bb\u2083 = 0)";
    }

    private static JFreeChart lines(TheoryComparison c, int shown, FigureOptions o) {
        FigureStyle s = o.style();
        NumberAxis y = StepCharts.linearValueAxis("normalized embedding \u1ebc_k", s);
        CombinedRangeXYPlot combined = new CombinedRangeXYPlot(y);
        combined.setGap(s.px(24));
        combined.add(linePanel(c, c.theory(), "effective theory", o), 1);
        combined.add(linePanel(c, c.network(), "network", o), 1);
        s.styleXYPlot(combined);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(StepCharts.lineItem("symbol k (colour and label)", Color.DARK_GRAY, s.lineStroke(), s));
        if (o.hasStep()) legend.add(StepCharts.lineItem("timeline step", FigureStyle.MARKER, s.contourStroke(), s));
        if (Double.isFinite(c.theoryTimeConstant()))
            legend.add(StepCharts.lineItem("1 and 3 e-folding times of \u03bb\u2083", new Color(0x777777), dotted(s), s));
        combined.setFixedLegendItems(legend);
        return StepCharts.chart(TITLE, combined, o);
    }

    private static java.awt.Stroke dotted(FigureStyle s) {
        return new java.awt.BasicStroke(s.px(1.6), java.awt.BasicStroke.CAP_ROUND, java.awt.BasicStroke.JOIN_ROUND, 10f,
                new float[] {s.px(2), s.px(6)}, 0f);
    }

    private static XYPlot linePanel(TheoryComparison c, double[][] reps, String title, FigureOptions o) {
        FigureStyle s = o.style();
        long[] steps = c.steps();
        double[] x = new double[steps.length];
        for (int i = 0; i < x.length; i++) x[i] = steps[i];
        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer r = StepCharts.lineRenderer();
        int p = c.p();
        for (int k = 0; k < p; k++) {
            double[] v = new double[steps.length];
            for (int i = 0; i < v.length; i++) v[i] = reps[i][k];
            StepCharts.addSeries(data, r, title + " " + k, x, v, false, o, DecoderMapFigure.rampColor(k, p, 0.85f, 0.80f),
                    s.lineStroke());
        }
        ValueAxis xAxis = StepCharts.stepAxis(o);
        xAxis.setLabel(title + ": " + xAxis.getLabel());
        XYPlot plot = new XYPlot(data, xAxis, null, r);
        s.styleXYPlot(plot);
        StepCharts.addStepMarker(plot, o);
        double tau = c.theoryTimeConstant();
        for (double m : new double[] {tau, 3 * tau})
            if (Double.isFinite(m) && m <= steps[steps.length - 1]) {
                ValueMarker marker = new ValueMarker(m, new Color(0x777777), dotted(s));
                plot.addDomainMarker(marker, Layer.BACKGROUND);
            }
        // symbol labels at the right end of each line
        Font font = s.annotationFont();
        int last = steps.length - 1;
        for (int k = 0; k < p; k++) {
            org.jfree.chart.annotations.XYTextAnnotation t =
                    new org.jfree.chart.annotations.XYTextAnnotation(" " + k, x[last], reps[last][k]);
            t.setFont(font);
            t.setPaint(DecoderMapFigure.rampColor(k, p, 0.85f, 0.60f));
            t.setTextAnchor(TextAnchor.CENTER_LEFT);
            plot.addAnnotation(t);
        }
        if (xAxis instanceof NumberAxis) xAxis.setUpperMargin(0.07);
        return plot;
    }

    /** d ≥ 2: theory and network at the shown step, each symbol with its path from step 0. */
    private static JFreeChart planes(TheoryComparison c, int shown, FigureOptions o) {
        FigureStyle s = o.style();
        int p = c.p(), d = c.d();
        double[][] net = c.network(), th = c.theory();
        double[] u = new double[d], v = new double[d];
        String xl, yl;
        if (d == 2) {
            u[0] = 1;
            v[1] = 1;
            xl = "\u1ebc, first component";
            yl = "\u1ebc, second component";
        } else {
            double[][] rows = new double[p][d];
            for (int k = 0; k < p; k++) System.arraycopy(net[shown], k * d, rows[k], 0, d);
            org.grokbench.analysis.TrajectoryPca pca = new org.grokbench.analysis.TrajectoryPca(rows);
            u = pca.firstDirection();
            v = pca.secondDirection();
            xl = String.format(Locale.ROOT, "PC1 of the network (%.0f %%)", 100 * pca.firstRatio());
            yl = String.format(Locale.ROOT, "PC2 of the network (%.0f %%)", 100 * pca.secondRatio());
        }
        double radius = 0;
        double[][][] theoryXy = project(th, shown, p, d, u, v), netXy = project(net, shown, p, d, u, v);
        for (double[][][] xy : List.of(theoryXy, netXy))
            for (double[][] path : xy) for (double[] q : path) radius = Math.max(radius, Math.max(Math.abs(q[0]), Math.abs(q[1])));
        if (!(radius > 0)) radius = 1;
        Range box = new Range(-radius * 1.12, radius * 1.12);
        List<TiledPlot.Tile> tiles = new ArrayList<>();
        tiles.add(new TiledPlot.Tile(planePanel(theoryXy, p, xl, yl, box, s), "effective theory", s.legendFont(), Color.BLACK));
        tiles.add(new TiledPlot.Tile(planePanel(netXy, p, xl, yl, box, s), "network (normalized)", s.legendFont(), Color.BLACK));
        TiledPlot plot = new TiledPlot(tiles, TiledPlot.grid(1, 2, s.px(34)));
        return new JFreeChart(TITLE, s.titleFont(), plot, false);
    }

    /** Per symbol its path [step 0 .. shown] in the (u, v) coordinates. */
    private static double[][][] project(double[][] reps, int shown, int p, int d, double[] u, double[] v) {
        double[][][] out = new double[p][shown + 1][2];
        for (int i = 0; i <= shown; i++)
            for (int k = 0; k < p; k++) {
                double a = 0, b = 0;
                for (int c = 0; c < d; c++) {
                    a += reps[i][k * d + c] * u[c];
                    b += reps[i][k * d + c] * v[c];
                }
                out[k][i][0] = a;
                out[k][i][1] = b;
            }
        return out;
    }

    private static XYPlot planePanel(double[][][] xy, int p, String xl, String yl, Range box, FigureStyle s) {
        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDefaultSeriesVisibleInLegend(false);
        for (int k = 0; k < p; k++) {
            double[][] path = xy[k];
            double[][] series = new double[2][path.length];
            for (int i = 0; i < path.length; i++) {
                series[0][i] = path[i][0];
                series[1][i] = path[i][1];
            }
            data.addSeries("path " + k, series);
            Color col = DecoderMapFigure.rampColor(k, p, 0.85f, 0.80f);
            r.setSeriesPaint(k, new Color(col.getRed(), col.getGreen(), col.getBlue(), 110));
            r.setSeriesStroke(k, s.levelStroke());
        }
        NumberAxis x = new NumberAxis(xl), y = new NumberAxis(yl);
        for (NumberAxis a : new NumberAxis[] {x, y}) {
            a.setAutoRangeIncludesZero(false);
            s.styleAxis(a);
        }
        EqualAspectXYPlot plot = new EqualAspectXYPlot(data, x, y, r, box, box);
        s.styleXYPlot(plot);
        Font font = s.annotationFont();
        double dot = s.px(6);
        for (int k = 0; k < p; k++) {
            double[] end = xy[k][xy[k].length - 1];
            Color col = DecoderMapFigure.rampColor(k, p, 0.85f, 0.80f);
            plot.addAnnotation(new MarkAnnotation(end[0], end[1], dot, col, Color.WHITE, s.levelStroke()), false);
            plot.addAnnotation(new RadialLabelAnnotation(end[0], end[1], 0, 0, Integer.toString(k), font, Color.BLACK,
                    dot + font.getSize2D() * 0.8), false);
        }
        return plot;
    }

    /** The figure's title with a line saying why there is nothing to draw. */
    public static JFreeChart unavailable(String why, FigureOptions o) {
        return FourierCirclesFigure.empty(TITLE, why, o);
    }
}
