package org.grokbench.plot;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.ModularProblem;
import org.grokbench.experiment.TrajectorySnapshot;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.ClusteredXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.data.Range;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The p embedding rows E_j projected on their first two principal components (PCA of the rows
 * centred on their mean, by a singular value decomposition), at step 0 and at the selected step,
 * each with its own components. Points are coloured around a colour wheel by residue and labelled
 * with it; the axis labels give the share of the variance each component explains. Both axes of a
 * panel share one scale, so a circle looks round.
 *
 * <p>Unlike the Fourier circles this needs no assumption about frequencies: a learned circle shows
 * up here when one frequency dominates the embedding (two equal leading components); when several
 * circles of equal size coexist, the leading plane mixes them.
 */
public final class EmbeddingPcaFigure {
    private EmbeddingPcaFigure() {}

    /**
     * The centred rows' coordinates on the first two principal components, and the share of the
     * total variance each explains (0 when the rows are all equal). Signs are fixed so that
     * residue 0 has non-negative coordinates.
     */
    record Projection(double[][] xy, double explained1, double explained2, double[] explained) {}

    /** PCA of the p rows of E (p × d_h row-major, not modified). */
    static Projection project(double[] e, int p, int hidden) {
        if (e.length != p * hidden) throw new IllegalArgumentException("E must have length p·d_h");
        DMatrixRMaj c = new DMatrixRMaj(p, hidden);
        for (int h = 0; h < hidden; h++) {
            double mean = 0;
            for (int j = 0; j < p; j++) mean += e[j * hidden + h];
            mean /= p;
            for (int j = 0; j < p; j++) c.set(j, h, e[j * hidden + h] - mean);
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(p, hidden, true, false, true);
        if (!svd.decompose(c)) throw new IllegalStateException("SVD of the embedding failed");
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj w = svd.getW(null);
        SingularOps_DDRM.descendingOrder(u, false, w, null, false);
        int rank = Math.min(w.numRows, w.numCols);
        double total = 0;
        for (int i = 0; i < rank; i++) total += w.get(i, i) * w.get(i, i);
        double[][] xy = new double[p][2];
        double[] ratio = new double[Math.max(2, rank)];
        for (int i = 0; i < rank; i++) ratio[i] = total > 0 ? w.get(i, i) * w.get(i, i) / total : 0;
        for (int axis = 0; axis < 2 && axis < rank; axis++) {
            double sv = w.get(axis, axis);
            double sign = u.get(0, axis) < 0 ? -1 : 1;
            for (int j = 0; j < p; j++) xy[j][axis] = sign * u.get(j, axis) * sv;
        }
        // Centred rows span at most p − 1 dimensions: the last ratio is 0 up to rounding.
        return new Projection(xy, ratio[0], ratio[1], Arrays.copyOf(ratio, Math.max(1, Math.min(rank, p - 1))));
    }

    /** Step 0 beside the selected step ({@link FigureOptions#LATEST}: the last stored θ) of the selected trajectory. */
    public static JFreeChart create(Experiment experiment, List<TrajectorySnapshot> runs, FigureOptions o) {
        ModularProblem m = FourierCirclesFigure.requireModular(experiment);
        String title = "Embeddings on their first two principal components";
        if (runs.isEmpty()) return FourierCirclesFigure.empty(title, "no trajectory", o);
        int sel = Math.max(0, Math.min(runs.size() - 1, o.selectedRun()));
        TrajectorySnapshot t = runs.get(sel);
        EmbeddingAt first = EmbeddingAt.first(t, m.modulus(), m.hidden());
        EmbeddingAt at = EmbeddingAt.of(t, m.modulus(), m.hidden(), o.step());
        if (first == null || at == null) return FourierCirclesFigure.empty(title, "no embedding recorded yet", o);
        return forEmbeddings(first.e(), first.step(), at.e(), at.step(), m.modulus(), m.hidden(), at.label(), o);
    }

    /**
     * Three panels: E at {@code stepBefore} and at {@code stepAfter} (each p × d_h row-major, not
     * modified) on their own first two components, and the share of the variance of every
     * component at both steps (m circles of equal size show as 2m equal bars).
     */
    public static JFreeChart forEmbeddings(double[] before, long stepBefore, double[] after, long stepAfter, int p,
                                           int hidden, String label, FigureOptions o) {
        FigureStyle s = o.style();
        Projection a = project(before, p, hidden), b = project(after, p, hidden);
        List<TiledPlot.Tile> tiles = new ArrayList<>();
        tiles.add(new TiledPlot.Tile(panel(a, p, s), "step " + stepBefore, s.legendFont(), Color.BLACK));
        tiles.add(new TiledPlot.Tile(panel(b, p, s), "step " + stepAfter, s.legendFont(), Color.BLACK));
        tiles.add(new TiledPlot.Tile(spectrum(a, b, stepBefore, stepAfter, s), "variance per component",
                s.legendFont(), Color.BLACK));
        TiledPlot plot = new TiledPlot(tiles, layout(s));
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(box("variance share at step " + stepBefore, BEFORE, s));
        legend.add(box("at step " + stepAfter, AFTER, s));
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart("Embeddings on their first two principal components", s.titleFont(), plot,
                true);
        if (o.caption() != null && !o.caption().isBlank()) chart.addSubtitle(new TextTitle(o.caption()));
        chart.addSubtitle(new TextTitle((label == null ? "" : "\u2018" + label + "\u2019 · ") + "p = " + p
                + " residues, d_h = " + hidden + " · each step has its own components · colour and number: the residue j"));
        chart.addSubtitle(new TextTitle("m circles of equal size in orthogonal planes show as 2m equal bars on the right,"
                + " and no 2-D projection shows them all"));
        return s.apply(chart);
    }

    private static final Color BEFORE = new Color(0xA0A0A0);
    private static final Color AFTER = FigureStyle.trajectoryColor(0);

    private static TiledPlot.Layout layout(FigureStyle s) {
        double gap = s.px(34);
        double[] widths = {0.37, 0.37, 0.26};
        return (area, count) -> {
            List<Rectangle2D> out = new ArrayList<>(count);
            double usable = area.getWidth() - 2 * gap;
            double x = area.getX();
            for (int i = 0; i < count; i++) {
                double w = widths[Math.min(i, 2)] * usable;
                out.add(new Rectangle2D.Double(x, area.getY(), Math.max(1, w), area.getHeight()));
                x += w + gap;
            }
            return out;
        };
    }

    /** Percent of the variance on each principal component, both steps as grouped bars. */
    static XYPlot spectrum(Projection a, Projection b, long stepA, long stepB, FigureStyle s) {
        XYSeries sa = new XYSeries("step " + stepA);
        XYSeries sb = new XYSeries("step " + stepB + " ");
        int n = Math.max(a.explained().length, b.explained().length);
        for (int i = 0; i < n; i++) {
            sa.add(i + 1, i < a.explained().length ? 100 * a.explained()[i] : 0);
            sb.add(i + 1, i < b.explained().length ? 100 * b.explained()[i] : 0);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(sa);
        data.addSeries(sb);
        data.setIntervalWidth(0.85);
        ClusteredXYBarRenderer r = new ClusteredXYBarRenderer(0, false);
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setDefaultSeriesVisibleInLegend(false);
        r.setSeriesPaint(0, BEFORE);
        r.setSeriesPaint(1, AFTER);
        NumberAxis x = new NumberAxis("component");
        x.setRange(0.4, n + 0.6);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("% of variance");
        y.setAutoRangeIncludesZero(true);
        y.setUpperMargin(0.06);
        s.styleAxis(x);
        s.styleAxis(y);
        XYPlot plot = new XYPlot(data, x, y, r);
        s.styleXYPlot(plot);
        plot.setDomainGridlinesVisible(false);
        return plot;
    }

    private static LegendItem box(String label, Color c, FigureStyle s) {
        double h = s.px(9);
        LegendItem item = new LegendItem(label, null, null, null,
                new Rectangle2D.Double(-h, -h, 2 * h, 2 * h), c);
        item.setLabelFont(s.legendFont());
        return item;
    }

    /** One projection as an equal-aspect scatter with residue labels. */
    static EqualAspectXYPlot panel(Projection pr, int p, FigureStyle s) {
        double[][] xy = pr.xy();
        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setDefaultSeriesVisibleInLegend(false);
        double dot = s.px(7);
        double radius = 0;
        for (int j = 0; j < p; j++) {
            data.addSeries("residue " + j, new double[][] {{xy[j][0]}, {xy[j][1]}});
            r.setSeriesShape(j, new Ellipse2D.Double(-dot, -dot, 2 * dot, 2 * dot));
            r.setSeriesPaint(j, FigureStyle.residueColor(j, p));
            radius = Math.max(radius, Math.max(Math.abs(xy[j][0]), Math.abs(xy[j][1])));
        }
        if (!(radius > 0)) radius = 1;
        NumberAxis x = new NumberAxis(String.format(Locale.ROOT, "PC1 (%.1f %% of variance)", 100 * pr.explained1()));
        NumberAxis y = new NumberAxis(String.format(Locale.ROOT, "PC2 (%.1f %% of variance)", 100 * pr.explained2()));
        for (NumberAxis a : new NumberAxis[] {x, y}) {
            a.setAutoRangeIncludesZero(false);
            s.styleAxis(a);
        }
        Range box = new Range(-radius * 1.18, radius * 1.18);
        EqualAspectXYPlot plot = new EqualAspectXYPlot(data, x, y, r, box, box);
        s.styleXYPlot(plot);
        Font font = s.annotationFont();
        double offset = dot + font.getSize2D() * 0.85;
        for (int j = 0; j < p; j++)
            r.addAnnotation(new RadialLabelAnnotation(xy[j][0], xy[j][1], 0, 0, Integer.toString(j), font,
                    new Color(0x222222), offset), Layer.FOREGROUND);
        return plot;
    }
}
