package org.grokbench.plot;

import org.grokbench.representation.GrokkingRateSurvey;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.DefaultXYDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.List;
import java.util.Locale;

/**
 * The grokking rate against the training fraction (Liu et al. 2022, Fig. 5a with Fig. 4a below it)
 * from a {@link GrokkingRateSurvey}: on top λ₃ of every random training set (grey dots) and the
 * median per fraction; below, the share of training sets with λ₃ &gt; 0 (the probability that an
 * ideal model generalizes perfectly) with the 1/2 line. The critical fraction r_c where that share
 * crosses 1/2 is a vertical line through both, labelled with its value. The run's own training set,
 * when given, is a diamond with its λ₃, and the subtitle gives its predicted steps 1/(λ₃η). AWT only.
 */
public final class GrokkingRateFigure {
    static final String TITLE = "Grokking rate \u03bb\u2083 against training fraction";
    static final Color TRIAL = new Color(0, 0, 0, 60);
    static final Color CRITICAL = new Color(0xD55E00);

    /** The run's own training set: its fraction |D|/|D₀|, λ₃, |P₀(D)|, and η. */
    public record Split(double fraction, double lambda3, int parallelograms, double eta) {
        /** n_h = 1/(λ₃η) (Eq. 8), ∞ when λ₃ = 0. */
        public double predictedSteps() { return lambda3 > 0 ? 1 / (lambda3 * eta) : Double.POSITIVE_INFINITY; }

        /** 1/(λ₃η|P₀(D)|): the same with ℓ₀ summed over P₀(D), as the authors' code (decision 0011 item 3). */
        public double summedSteps() { return lambda3 > 0 ? 1 / (lambda3 * eta * parallelograms) : Double.POSITIVE_INFINITY; }
    }

    private GrokkingRateFigure() {}

    /** @param split the run's own training set, or null */
    public static JFreeChart create(GrokkingRateSurvey survey, int trials, Split split, FigureOptions o) {
        FigureStyle s = o.style();
        List<GrokkingRateSurvey.Row> rows = survey.rows();
        NumberAxis x = new NumberAxis("training data fraction r = |D| / |D\u2080|");
        x.setAutoRangeIncludesZero(false);
        double lo = 1, hi = 0;
        for (GrokkingRateSurvey.Row r : rows) {
            lo = Math.min(lo, r.fraction());
            hi = Math.max(hi, r.fraction());
        }
        if (split != null) {
            lo = Math.min(lo, split.fraction());
            hi = Math.max(hi, split.fraction());
        }
        double pad = Math.max(0.02, 0.04 * (hi - lo));
        x.setRange(new Range(lo - pad, hi + pad));
        s.styleAxis(x);
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(x);
        combined.setGap(s.px(16));
        combined.add(ratePlot(rows, split, s), 3);
        combined.add(sharePlot(rows, s), 2);
        s.styleXYPlot(combined);
        double rc = survey.criticalFraction();
        if (Double.isFinite(rc))
            for (Object sub : combined.getSubplots()) {
                XYPlot p = (XYPlot) sub;
                ValueMarker m = new ValueMarker(rc, CRITICAL, new BasicStroke(s.px(2.5f)));
                if (p.getRangeAxis().getLabel().startsWith("P")) {
                    m.setLabel(String.format(Locale.ROOT, " r_c = %.3f", rc));
                    m.setLabelFont(s.legendFont());
                    m.setLabelPaint(CRITICAL);
                    m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
                    m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                    m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                }
                p.addDomainMarker(m, Layer.FOREGROUND);
            }
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(StepCharts.dotItem("\u03bb\u2083 of a random training set", new Color(0x888888), true, s));
        legend.add(StepCharts.lineItem("median \u03bb\u2083 · P(\u03bb\u2083 > 0)", FigureStyle.trajectoryColor(0), s.lineStroke(), s));
        legend.add(StepCharts.lineItem("r_c", CRITICAL, s.lineStroke(), s));
        if (split != null) legend.add(StepCharts.dotItem("this run", FigureStyle.trajectoryColor(1), true, s));
        combined.setFixedLegendItems(legend);
        JFreeChart chart = StepCharts.chart(TITLE, combined, o);
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "%d random training sets per fraction · r_c = %s "
                        + "(paper: about 0.4 for p = 10)", trials,
                Double.isFinite(rc) ? String.format(Locale.ROOT, "%.3f", rc) : "not reached")));
        if (split != null)
            chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "this run: r = %.3f, \u03bb\u2083 = %s, "
                            + "predicted n_h = 1/(\u03bb\u2083\u03b7) = %s steps (%s with \u2113\u2080 summed over its %d parallelograms)",
                    split.fraction(), FourierCirclesFigure.fmt(split.lambda3()),
                    EffectiveTheoryFigure.steps(split.predictedSteps()), EffectiveTheoryFigure.steps(split.summedSteps()),
                    split.parallelograms())));
        return s.apply(chart);
    }

    private static XYPlot ratePlot(List<GrokkingRateSurvey.Row> rows, Split split, FigureStyle s) {
        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setDefaultSeriesVisibleInLegend(false);
        int n = 0;
        for (GrokkingRateSurvey.Row row : rows) n += row.lambda3().length;
        double[][] dots = new double[2][n];
        double[][] median = new double[2][rows.size()];
        int i = 0;
        for (int f = 0; f < rows.size(); f++) {
            GrokkingRateSurvey.Row row = rows.get(f);
            for (double v : row.lambda3()) {
                dots[0][i] = row.fraction();
                dots[1][i++] = v;
            }
            median[0][f] = row.fraction();
            median[1][f] = row.median();
        }
        double dot = s.px(5);
        data.addSeries("trials", dots);
        r.setSeriesLinesVisible(0, false);
        r.setSeriesShapesVisible(0, true);
        r.setSeriesShape(0, new Ellipse2D.Double(-dot, -dot, 2 * dot, 2 * dot));
        r.setSeriesPaint(0, TRIAL);
        data.addSeries("median", median);
        r.setSeriesLinesVisible(1, true);
        r.setSeriesShapesVisible(1, false);
        r.setSeriesPaint(1, FigureStyle.trajectoryColor(0));
        r.setSeriesStroke(1, s.lineStroke());
        if (split != null) {
            data.addSeries("this run", new double[][] {{split.fraction()}, {split.lambda3()}});
            r.setSeriesLinesVisible(2, false);
            r.setSeriesShapesVisible(2, true);
            r.setSeriesShape(2, diamond(s.px(11)));
            r.setSeriesPaint(2, FigureStyle.trajectoryColor(1));
        }
        NumberAxis y = new NumberAxis("\u03bb\u2083");
        y.setAutoRangeIncludesZero(true);
        y.setUpperMargin(0.08);
        s.styleAxis(y);
        XYPlot plot = new XYPlot(data, null, y, r);
        s.styleXYPlot(plot);
        CurvatureFigure.zeroLine(plot, s);
        return plot;
    }

    private static XYPlot sharePlot(List<GrokkingRateSurvey.Row> rows, FigureStyle s) {
        DefaultXYDataset data = new DefaultXYDataset();
        double[][] share = new double[2][rows.size()];
        for (int f = 0; f < rows.size(); f++) {
            share[0][f] = rows.get(f).fraction();
            share[1][f] = rows.get(f).positiveShare();
        }
        data.addSeries("share", share);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setDefaultSeriesVisibleInLegend(false);
        double dot = s.px(5);
        r.setSeriesShape(0, new Ellipse2D.Double(-dot, -dot, 2 * dot, 2 * dot));
        r.setSeriesPaint(0, FigureStyle.trajectoryColor(0));
        r.setSeriesStroke(0, s.lineStroke());
        NumberAxis y = new NumberAxis("P(\u03bb\u2083 > 0)");
        y.setRange(new Range(-0.04, 1.04));
        s.styleAxis(y);
        XYPlot plot = new XYPlot(data, null, y, r);
        s.styleXYPlot(plot);
        plot.addRangeMarker(new ValueMarker(0.5, Color.GRAY, s.contourStroke()), Layer.BACKGROUND);
        return plot;
    }

    private static Path2D diamond(double h) {
        Path2D.Double d = new Path2D.Double();
        d.moveTo(0, -h);
        d.lineTo(h, 0);
        d.lineTo(0, h);
        d.lineTo(-h, 0);
        d.closePath();
        return d;
    }
}
