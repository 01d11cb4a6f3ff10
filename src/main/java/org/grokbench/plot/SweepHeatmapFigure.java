package org.grokbench.plot;

import org.grokbench.math.RankCorrelation;
import org.grokbench.sweep.CellResult;
import org.grokbench.sweep.SweepAxis;
import org.grokbench.sweep.SweepGrid;
import org.grokbench.sweep.SweepParameter;
import org.grokbench.sweep.SweepPlan;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.DefaultXYZDataset;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Two heatmaps of a two-parameter sweep side by side, as in predicting-grokking Fig. 2 and 6: a
 * cell measure on the left (final validation accuracy) and another on the right (spectral energy
 * of the first N steps of the training loss), x the first swept parameter and y the second, each
 * with its own colour bar; the value is written in every cell of a small grid. Cells not finished
 * yet are left empty (white), cells whose value is undefined (a diverged run) are grey. Under the
 * title: Spearman's ρ between the two measures over the finished cells, the number the paper's
 * "similarity" claim comes down to.
 *
 * <p>A log-spaced axis ({@link SweepAxis#logSpaced()}) is labelled in powers of ten (3·10⁻⁵);
 * cells are equally wide whatever the spacing, as in the paper. A 1-D sweep is one row.
 */
public final class SweepHeatmapFigure {
    /** One heatmap: which measure, its title, and whether the values are fractions shown as %. */
    public record Panel(String measure, String title, boolean percent) {}

    /** Colour the right panel by log10 when its positive values span more than this ratio. */
    static final double LOG_COLOUR_RATIO = 100;
    /** Values are written in the cells up to this many columns. */
    static final int MAX_ANNOTATED_COLUMNS = 12;

    private SweepHeatmapFigure() {}

    /** The panels of Fig. 2: final validation accuracy beside the spectral energy of the first N steps. */
    public static List<Panel> spectralPanels(int spectralSteps) {
        return List.of(new Panel("val_acc", "final validation accuracy (%)", true),
                new Panel("spectral_energy", "spectral energy m₀(L), first " + spectralSteps + " steps", false));
    }

    /** Spearman's ρ between the two measures over cells where both are finite. */
    public static double spearman(Collection<CellResult> cells, String a, String b) {
        double[] x = new double[cells.size()], y = new double[cells.size()];
        int k = 0;
        for (CellResult c : cells) {
            x[k] = c.value(a);
            y[k++] = c.value(b);
        }
        return RankCorrelation.spearman(x, y);
    }

    public static JFreeChart create(SweepPlan plan, Collection<CellResult> cells, Panel left, Panel right,
                                    FigureOptions o) {
        FigureStyle s = o.style();
        Font font = s.legendFont();
        List<TiledPlot.Tile> tiles = new ArrayList<>();
        for (Panel p : List.of(left, right)) {
            Shading sh = Shading.of(cells, p);
            tiles.add(new TiledPlot.Tile(heatmap(plan, cells, p, sh, s), p.title(), font, Color.BLACK));
            tiles.add(new TiledPlot.Tile(colourBar(sh, s), null, font, Color.BLACK));
        }
        TiledPlot plot = new TiledPlot(tiles, layout(s));
        String title = plan.preset().id() + ": " + plan.x().parameter().words()
                + (plan.twoDimensional() ? " × " + plan.y().parameter().words() : "") + " sweep";
        JFreeChart chart = new JFreeChart(title, s.titleFont(), plot, false);
        if (o.caption() != null && !o.caption().isBlank()) chart.addSubtitle(new TextTitle(o.caption()));
        double rho = spearman(cells, left.measure(), right.measure());
        int pairs = 0;
        for (CellResult c : cells) if (Double.isFinite(c.value(left.measure())) && Double.isFinite(c.value(right.measure()))) pairs++;
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "Spearman ρ(%s, %s) = %s over %d cells · %d of %d cells finished",
                left.measure(), right.measure(), Double.isNaN(rho) ? "n/a" : String.format(Locale.ROOT, "%.2f", rho),
                pairs, cells.size(), plan.cellCount())));
        return s.apply(chart);
    }

    /**
     * The cell (i, j) under the point (x, y) of a grid chart drawn with {@code info} (in the chart's
     * own units), on either heatmap of this figure or on the one plot of a {@link PhaseDiagramFigure};
     * null off the grid. This is how a click or a hover picks a cell.
     */
    public static int[] cellAt(JFreeChart chart, org.jfree.chart.ChartRenderingInfo info, double x, double y,
                               SweepGrid grid) {
        if (chart == null || info == null) return null;
        org.jfree.chart.plot.PlotRenderingInfo pi = info.getPlotInfo();
        if (chart.getPlot() instanceof XYPlot xy) return cellAt(xy, pi.getDataArea(), x, y, grid);
        if (!(chart.getPlot() instanceof TiledPlot tiles)) return null;
        for (int t = 0; t < Math.min(pi.getSubplotCount(), tiles.tiles().size()); t += 2) {
            int[] c = tiles.tile(t) instanceof XYPlot xy ? cellAt(xy, pi.getSubplotInfo(t).getDataArea(), x, y, grid) : null;
            if (c != null) return c;
        }
        return null;
    }

    private static int[] cellAt(XYPlot xy, Rectangle2D area, double x, double y, SweepGrid grid) {
        if (area == null || !area.contains(x, y)) return null;
        int i = (int) Math.round(xy.getDomainAxis().java2DToValue(x, area, xy.getDomainAxisEdge()));
        int j = (int) Math.round(xy.getRangeAxis().java2DToValue(y, area, xy.getRangeAxisEdge()));
        if (i < 0 || j < 0 || i >= grid.columns() || j >= grid.rows()) return null;
        return new int[] {i, j};
    }

    /** The data area of the first grid of a chart drawn with {@code info} (the left heatmap, or the phase diagram). */
    public static Rectangle2D firstGridArea(org.jfree.chart.ChartRenderingInfo info) {
        org.jfree.chart.plot.PlotRenderingInfo pi = info.getPlotInfo();
        return pi.getSubplotCount() > 0 ? pi.getSubplotInfo(0).getDataArea() : pi.getDataArea();
    }

    /** [heatmap][bar] [heatmap][bar]: the heatmaps share the width, the bars are narrow. */
    private static TiledPlot.Layout layout(FigureStyle s) {
        double gap = s.px(18);
        return (area, count) -> {
            List<Rectangle2D> out = new ArrayList<>(count);
            double bar = s.px(110);
            double map = Math.max(1, (area.getWidth() - 2 * bar - 3 * gap) / 2);
            double x = area.getX();
            for (int i = 0; i < count; i++) {
                double w = i % 2 == 0 ? map : bar;
                out.add(new Rectangle2D.Double(x, area.getY(), w, area.getHeight()));
                x += w + (i % 2 == 0 ? 0 : 2 * gap);
            }
            return out;
        };
    }

    /** How one panel's values map to colour: linear, or log10 for a wide positive range. */
    record Shading(ViridisScale scale, boolean log, String label) {
        static Shading of(Collection<CellResult> cells, Panel p) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (CellResult c : cells) {
                double v = c.value(p.measure());
                if (!Double.isFinite(v)) continue;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (p.percent()) return new Shading(new ViridisScale(0, 100), false, p.measure() + " (%)");
            if (lo > hi) return new Shading(new ViridisScale(0, 1), false, p.measure());
            boolean log = lo > 0 && hi / lo > LOG_COLOUR_RATIO;
            if (log) {
                lo = Math.log10(lo);
                hi = Math.log10(hi);
            }
            if (hi - lo < 1e-300) hi = lo + 1;
            return new Shading(new ViridisScale(lo, hi), log, log ? "log₁₀ " + p.measure() : p.measure());
        }

        double colour(double v, boolean percent) {
            if (!Double.isFinite(v)) return Double.NaN;
            if (percent) return 100 * v;
            return log ? (v > 0 ? Math.log10(v) : Double.NaN) : v;
        }
    }

    private static XYPlot heatmap(SweepPlan plan, Collection<CellResult> cells, Panel p, Shading sh, FigureStyle s) {
        int n = cells.size();
        double[] xs = new double[n], ys = new double[n], zs = new double[n];
        int k = 0;
        List<XYTextAnnotation> notes = new ArrayList<>();
        boolean annotate = plan.columns() <= MAX_ANNOTATED_COLUMNS && plan.rows() <= MAX_ANNOTATED_COLUMNS;
        for (CellResult c : cells) {
            double v = c.value(p.measure());
            xs[k] = c.i();
            ys[k] = c.j();
            zs[k++] = sh.colour(v, p.percent());
            if (annotate) {
                XYTextAnnotation a = new XYTextAnnotation(text(v, p.percent()), c.i(), c.j());
                a.setFont(s.annotationFont());
                a.setTextAnchor(TextAnchor.CENTER);
                double z = sh.colour(v, p.percent());
                boolean bright = Double.isFinite(z) && (z - sh.scale().getLowerBound())
                        > 0.6 * (sh.scale().getUpperBound() - sh.scale().getLowerBound());
                a.setPaint(bright || !Double.isFinite(z) ? Color.BLACK : Color.WHITE);
                notes.add(a);
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(p.measure(), new double[][] {xs, ys, zs});
        XYBlockRenderer r = new XYBlockRenderer();
        r.setPaintScale(sh.scale());
        r.setBlockWidth(1);
        r.setBlockHeight(1);
        r.setDefaultSeriesVisibleInLegend(false);
        NumberAxis x = axis(plan.x());
        NumberAxis y = plan.twoDimensional() ? axis(plan.y()) : new LabelledTickAxis("", new double[0], new String[0]);
        for (NumberAxis a : new NumberAxis[] {x, y}) {
            a.setAutoRangeIncludesZero(false);
            s.styleAxis(a);
        }
        // the axes span exactly the grid: any white inside the frame is a cell not finished yet
        x.setRange(new Range(-0.5, plan.columns() - 0.5));
        y.setRange(new Range(-0.5, plan.rows() - 0.5));
        XYPlot plot = new XYPlot(data, x, y, r);
        s.styleXYPlot(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setBackgroundPaint(Color.WHITE);
        for (XYTextAnnotation a : notes) r.addAnnotation(a);
        return plot;
    }

    private static NumberAxis axis(SweepAxis a) {
        double[] at = new double[a.size()];
        String[] labels = new String[a.size()];
        for (int i = 0; i < a.size(); i++) {
            at[i] = i;
            labels[i] = a.logSpaced() ? powerOfTen(a.value(i)) : SweepParameter.fmt(a.value(i));
        }
        return new LabelledTickAxis(a.parameter().words(), at, labels);
    }

    /** 3e-5 → "3·10⁻⁵", 1e-4 → "10⁻⁴", 2.5 → "2.5·10⁰"... but plain for 0.1 ≤ v < 1000 with ≤ 3 digits. */
    static String powerOfTen(double v) {
        if (v >= 0.1 && v < 1000) return SweepParameter.fmt(v);
        int e = (int) Math.floor(Math.log10(v) + 1e-12);
        double m = v / Math.pow(10, e);
        String mant = SweepParameter.fmt(Math.round(m * 1000) / 1000.0);
        return ("1".equals(mant) ? "" : mant + "·") + "10" + PowerOfTenFormat.superscript(e);
    }

    static String text(double v, boolean percent) {
        if (!Double.isFinite(v)) return "–";
        if (percent) return String.format(Locale.ROOT, "%.0f", 100 * v);
        return String.format(Locale.ROOT, "%.2g", v);
    }

    /** A vertical colour bar as its own plot: a one-column heatmap of the scale, its axis on the right. */
    private static XYPlot colourBar(Shading sh, FigureStyle s) {
        int steps = 128;
        double lo = sh.scale().getLowerBound(), hi = sh.scale().getUpperBound();
        double[] xs = new double[steps], ys = new double[steps], zs = new double[steps];
        double h = (hi - lo) / steps;
        for (int k = 0; k < steps; k++) {
            ys[k] = lo + (k + 0.5) * h;
            zs[k] = ys[k];
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("bar", new double[][] {xs, ys, zs});
        XYBlockRenderer r = new XYBlockRenderer();
        r.setPaintScale(sh.scale());
        r.setBlockWidth(1);
        r.setBlockHeight(h);
        r.setDefaultSeriesVisibleInLegend(false);
        NumberAxis x = new NumberAxis();
        x.setRange(-0.5, 0.5);
        x.setVisible(false);
        NumberAxis y = new NumberAxis(sh.label());
        y.setRange(lo, hi);
        s.styleAxis(y);
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlineVisible(true);
        return plot;
    }
}
