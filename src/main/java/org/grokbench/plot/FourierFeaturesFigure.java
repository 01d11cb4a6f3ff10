package org.grokbench.plot;

import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.ModularProblem;
import org.grokbench.experiment.TrajectorySnapshot;
import org.grokbench.modular.FourierFeatures;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.ClusteredXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.data.Range;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * The Fourier-feature read-outs of geometry-of-grokking Figure 6 for one trajectory, at step 0
 * (top row) and at the selected step (bottom row), three panels each:
 * <ol>
 *   <li>‖Re F_k‖ and ‖Im F_k‖ per frequency k: they equalize as the circles become round;</li>
 *   <li>cos(Re F_k, Im F_k) per k: it goes to 0 as each circle's two axes become orthogonal;</li>
 *   <li>the 2K × 2K cosine similarity of the vectors |Re F_k|, |Im F_k| (absolute values taken per
 *       hidden unit, {@link FourierFeatures#absoluteSimilarity}): bright 2 × 2 blocks on a dark
 *       background once each circle uses its own subset of hidden units.</li>
 * </ol>
 * The norm panels have their own scale per row (the embedding grows or shrinks in norm; the
 * question is whether Re and Im match). Cosines and similarities share fixed ranges.
 */
public final class FourierFeaturesFigure {
    static final Color COSINE_BARS = new Color(0x555555);

    private FourierFeaturesFigure() {}

    /** Step 0 against the selected step ({@link FigureOptions#LATEST}: the last stored θ) of the selected trajectory. */
    public static JFreeChart create(Experiment experiment, List<TrajectorySnapshot> runs, FigureOptions o) {
        ModularProblem m = FourierCirclesFigure.requireModular(experiment);
        String title = "Fourier features of the embedding E";
        if (m.modulus() < 3) return FourierCirclesFigure.empty(title, FourierCirclesFigure.NO_FREQUENCY, o);
        if (runs.isEmpty()) return FourierCirclesFigure.empty(title, "no trajectory", o);
        TrajectorySnapshot t = runs.get(Math.max(0, Math.min(runs.size() - 1, o.selectedRun())));
        EmbeddingAt first = EmbeddingAt.first(t, m.modulus(), m.hidden());
        EmbeddingAt at = EmbeddingAt.of(t, m.modulus(), m.hidden(), o.step());
        if (first == null || at == null) return FourierCirclesFigure.empty(title, "no embedding recorded yet", o);
        return forEmbeddings(first.e(), first.step(), at.e(), at.step(), m.modulus(), m.hidden(), at.label(), o);
    }

    /** The three panels for E at two steps (each p × d_h row-major, not modified). */
    public static JFreeChart forEmbeddings(double[] before, long stepBefore, double[] after, long stepAfter, int p,
                                           int hidden, String label, FigureOptions o) {
        FigureStyle s = o.style();
        FourierFeatures[] f = {FourierFeatures.of(before, p, hidden), FourierFeatures.of(after, p, hidden)};
        long[] steps = {stepBefore, stepAfter};
        ViridisScale scale = new ViridisScale(0, 1);
        List<TiledPlot.Tile> tiles = new ArrayList<>();
        Font font = s.legendFont();
        for (int row = 0; row < 2; row++) {
            String at = " · step " + steps[row];
            tiles.add(new TiledPlot.Tile(normPanel(f[row], s), "‖Re F_k‖ and ‖Im F_k‖" + at, font, Color.BLACK));
            tiles.add(new TiledPlot.Tile(cosinePanel(f[row], s), "cos(Re F_k, Im F_k)" + at, font, Color.BLACK));
            tiles.add(new TiledPlot.Tile(similarityPanel(f[row], scale, s), "similarity of |Re F_k|, |Im F_k|" + at, font,
                    Color.BLACK));
        }
        TiledPlot plot = new TiledPlot(tiles, layout(s));
        plot.setFixedLegendItems(legend(s));
        JFreeChart chart = new JFreeChart("Fourier features of the embedding E", s.titleFont(), plot, true);
        if (o.caption() != null && !o.caption().isBlank()) chart.addSubtitle(new TextTitle(o.caption()));
        chart.addSubtitle(new TextTitle((label == null ? "" : "\u2018" + label + "\u2019: ") + "step " + stepBefore
                + " (top) and step " + stepAfter + " (bottom) · p = " + p + ", d_h = " + hidden
                + " · F_k = (1/p) Σ_j exp(−2πi·jk/p) E_j"));
        s.apply(chart);
        chart.addSubtitle(colourBar(scale, s));
        return chart;
    }

    /** Two rows of three panels: the bar panels wider, the matrix panel square-ish. */
    private static TiledPlot.Layout layout(FigureStyle s) {
        double gap = s.px(22);
        double[] widths = {0.38, 0.31, 0.31};
        return (area, count) -> {
            List<Rectangle2D> out = new ArrayList<>(count);
            double h = (area.getHeight() - gap) / 2;
            double usable = area.getWidth() - 2 * gap;
            for (int i = 0; i < count; i++) {
                int r = i / 3, c = i % 3;
                double x = area.getX();
                for (int j = 0; j < c; j++) x += widths[j] * usable + gap;
                out.add(new Rectangle2D.Double(x, area.getY() + r * (h + gap), Math.max(1, widths[c] * usable), Math.max(1, h)));
            }
            return out;
        };
    }

    static XYPlot normPanel(FourierFeatures f, FigureStyle s) {
        int kmax = f.frequencyCount();
        XYSeries re = new XYSeries("‖Re F_k‖"), im = new XYSeries("‖Im F_k‖");
        for (int k = 1; k <= kmax; k++) {
            re.add(k, f.realNorm(k));
            im.add(k, f.imagNorm(k));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(re);
        data.addSeries(im);
        data.setIntervalWidth(0.8);
        ClusteredXYBarRenderer r = new ClusteredXYBarRenderer(0.0, false);
        r.setSeriesPaint(0, FigureStyle.REAL_PART);
        r.setSeriesPaint(1, FigureStyle.IMAG_PART);
        styleBars(r);
        NumberAxis y = StepCharts.linearValueAxis("norm", s);
        y.setAutoRangeIncludesZero(true);
        y.setUpperMargin(0.08);
        return barPlot(data, r, y, kmax, s);
    }

    static XYPlot cosinePanel(FourierFeatures f, FigureStyle s) {
        int kmax = f.frequencyCount();
        XYSeries c = new XYSeries("cos");
        for (int k = 1; k <= kmax; k++) c.add(k, f.realImagCosine(k));
        XYSeriesCollection data = new XYSeriesCollection(c);
        data.setIntervalWidth(0.7);
        XYBarRenderer r = new XYBarRenderer();
        r.setSeriesPaint(0, COSINE_BARS);
        r.setBase(0);
        styleBars(r);
        NumberAxis y = StepCharts.linearValueAxis("cosine", s);
        y.setRange(-1.05, 1.05);
        y.setTickUnit(new NumberTickUnit(0.5));
        y.setNumberFormatOverride(new DecimalFormat("0.0"));
        XYPlot plot = barPlot(data, r, y, kmax, s);
        plot.addRangeMarker(new ValueMarker(0, Color.BLACK, new BasicStroke(s.px(1.2f))), Layer.FOREGROUND);
        return plot;
    }

    private static void styleBars(XYBarRenderer r) {
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setDefaultSeriesVisibleInLegend(false);
    }

    private static XYPlot barPlot(XYSeriesCollection data, XYBarRenderer r, NumberAxis y, int kmax, FigureStyle s) {
        NumberAxis x = new NumberAxis("frequency k");
        x.setRange(0.4, kmax + 0.6);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        s.styleAxis(x);
        XYPlot plot = new XYPlot(data, x, y, r);
        s.styleXYPlot(plot);
        plot.setDomainGridlinesVisible(false);
        return plot;
    }

    /** Row and column 2(k−1) is |Re F_k|, 2(k−1)+1 is |Im F_k|; row 0 at the top. */
    static XYPlot similarityPanel(FourierFeatures f, ViridisScale scale, FigureStyle s) {
        double[][] m = f.absoluteSimilarity();
        int n = m.length;
        double[] xs = new double[n * n], ys = new double[n * n], zs = new double[n * n];
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++) {
                int i = a * n + b;
                xs[i] = b;
                ys[i] = a;
                zs[i] = m[a][b];
            }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("similarity", new double[][] {xs, ys, zs});
        XYBlockRenderer r = new XYBlockRenderer();
        r.setPaintScale(scale);
        r.setBlockWidth(1);
        r.setBlockHeight(1);
        r.setDefaultSeriesVisibleInLegend(false);
        int kmax = n / 2;
        double[] at = new double[kmax];
        String[] labels = new String[kmax];
        for (int k = 1; k <= kmax; k++) {
            at[k - 1] = 2 * (k - 1) + 0.5;
            labels[k - 1] = Integer.toString(k);
        }
        NumberAxis x = new LabelledTickAxis("k (Re, Im)", at, labels);
        NumberAxis y = new LabelledTickAxis("k (Re, Im)", at, labels);
        y.setInverted(true);
        for (NumberAxis a : new NumberAxis[] {x, y}) {
            a.setAutoRangeIncludesZero(false);
            s.styleAxis(a);
        }
        Range box = new Range(-0.5, n - 0.5);
        EqualAspectXYPlot plot = new EqualAspectXYPlot(data, x, y, r, box, box);
        s.styleXYPlot(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setBackgroundPaint(Color.WHITE);
        return plot;
    }

    private static LegendItemCollection legend(FigureStyle s) {
        LegendItemCollection items = new LegendItemCollection();
        items.add(box("‖Re F_k‖", FigureStyle.REAL_PART, s));
        items.add(box("‖Im F_k‖", FigureStyle.IMAG_PART, s));
        items.add(box("cos(Re F_k, Im F_k)", COSINE_BARS, s));
        return items;
    }

    private static LegendItem box(String label, Color c, FigureStyle s) {
        double h = s.px(9);
        LegendItem item = new LegendItem(label, null, null, null, new Rectangle2D.Double(-h, -h, 2 * h, 2 * h), c);
        item.setLabelFont(s.legendFont());
        return item;
    }

    private static PaintScaleLegend colourBar(ViridisScale scale, FigureStyle s) {
        NumberAxis axis = new NumberAxis("similarity");
        axis.setRange(0, 1);
        axis.setTickUnit(new NumberTickUnit(0.25));
        return s.colourBar(scale, axis, 60, 14);
    }
}
