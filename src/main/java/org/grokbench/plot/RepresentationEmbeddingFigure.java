package org.grokbench.plot;

import org.grokbench.data.AdditionTable;
import org.grokbench.data.OperationTable;
import org.grokbench.representation.Composition;
import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.HistoryView;
import org.grokbench.experiment.RepresentationProblem;
import org.grokbench.experiment.TrajectorySnapshot;
import org.grokbench.representation.Parallelograms;
import org.grokbench.representation.RepresentationQuality;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.data.Range;
import org.jfree.data.xy.DefaultXYDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The representation of the toy model (Liu et al. 2022, §3 and Fig. 3) at one step: the p
 * embeddings E_0 … E_{p−1}, each labelled with its symbol, and the parallelograms
 * E_i + E_j = E_m + E_n that hold there (the δ test of RQI) drawn faintly. RQI and the step are in
 * the subtitle.
 *
 * <ul>
 *   <li>1D: the numbers on a line. A pair (i, j) is drawn as a half circle over E_i … E_j, whose
 *       centre is the midpoint (E_i + E_j)/2; a parallelogram holds when two pairs share that
 *       midpoint, so each holding parallelogram shows as two concentric half circles (a pair (i, i)
 *       as a short tick at its centre E_i). Below, the
 *       embeddings against the step over the whole stored history (Fig. 3's picture), with the
 *       shown step marked.</li>
 *   <li>2D: the plane at equal aspect; a holding parallelogram is drawn as the quadrilateral
 *       E_i, E_m, E_j, E_n (its diagonals bisect each other); beside it each coordinate against the step.</li>
 *   <li>More dimensions: the same on the first two principal components of the embeddings.</li>
 * </ul>
 */
public final class RepresentationEmbeddingFigure {
    /** Parallelogram lines: faint, so that hundreds of them read as a density. */
    static final Color PARALLELOGRAM = new Color(0x2C3E50);

    private RepresentationEmbeddingFigure() {}

    /** The selected trajectory at the selected step ({@link FigureOptions#LATEST}: the last stored θ). */
    public static JFreeChart create(Experiment experiment, List<TrajectorySnapshot> runs, FigureOptions o) {
        RepresentationProblem rp = experiment.representation();
        if (rp == null) throw new IllegalArgumentException("experiment '" + experiment.spec().id() + "' is not the representation toy");
        String title = "Embeddings";
        if (runs.isEmpty()) return FourierCirclesFigure.empty(title, "no trajectory", o);
        int sel = Math.max(0, Math.min(runs.size() - 1, o.selectedRun()));
        TrajectorySnapshot t = runs.get(sel);
        int p = rp.symbols(), d = rp.embeddingWidth();
        EmbeddingAt at = EmbeddingAt.of(t, p, d, o.step());
        if (at == null) return FourierCirclesFigure.empty(title, "no embedding recorded yet", o);
        return forEmbeddings(rp, at.e(), at.step(), t.history(), at.label(), o);
    }

    /**
     * The figure for embeddings {@code e} (p·d row-major, not modified) at {@code step}; {@code history}
     * (may be null) gives the 1D embedding-against-step tile.
     */
    public static JFreeChart forEmbeddings(RepresentationProblem rp, double[] e, long step, HistoryView history, String label,
                                           FigureOptions o) {
        FigureStyle s = o.style();
        // d: numbers per embedding; S3's d × d matrices are flattened and shown by PCA (App. H, Fig. 17)
        int p = rp.symbols(), d = rp.embeddingWidth();
        boolean product = rp.composition() == Composition.MATRIX_PRODUCT;
        double delta = rp.spec().delta();
        Parallelograms all = rp.allParallelograms();
        Parallelograms held = RepresentationQuality.held(all, e, rp.embeddingDim(), delta, rp.composition());
        // a generalized parallelogram E_a E_b = E_c E_d has no diagonals between the points to draw
        Parallelograms drawn = product ? all.subset(new boolean[all.size()]) : held;
        JFreeChart chart;
        if (d == 1) {
            List<TiledPlot.Tile> tiles = new ArrayList<>();
            tiles.add(new TiledPlot.Tile(line(e, p, drawn, s), "E_k at step " + step
                    + " · two half circles with one centre: a parallelogram that holds", s.legendFont(), Color.BLACK));
            if (history != null && history.leadingRows() > 0)
                tiles.add(new TiledPlot.Tile(againstStep(history, p, 1, 0, step, s), "E_k against the step", s.legendFont(), Color.BLACK));
            TiledPlot plot = new TiledPlot(tiles, stacked(s));
            chart = new JFreeChart("Embeddings at step " + step, s.titleFont(), plot, false);
        } else if (d == 2 && history != null && history.leadingRows() > 0) {
            List<TiledPlot.Tile> tiles = new ArrayList<>();
            tiles.add(new TiledPlot.Tile(plane(plane(e, p), p, drawn, d, s), null, s.legendFont(), Color.BLACK));
            tiles.add(new TiledPlot.Tile(againstStep(history, p, 2, 0, step, s), "E_k,1 against the step",
                    s.legendFont(), Color.BLACK));
            tiles.add(new TiledPlot.Tile(againstStep(history, p, 2, 1, step, s), "E_k,2 against the step",
                    s.legendFont(), Color.BLACK));
            chart = new JFreeChart("Embeddings at step " + step, s.titleFont(), new TiledPlot(tiles, planeBeside(s)), false);
        } else {
            double[][] xy = d == 2 ? plane(e, p) : EmbeddingPcaFigure.project(e, p, d).xy();
            chart = new JFreeChart("Embeddings at step " + step, s.titleFont(), plane(xy, p, drawn, d, s), false);
        }
        if (o.caption() != null && !o.caption().isBlank()) chart.addSubtitle(new TextTitle(o.caption()));
        double rqi = all.size() == 0 ? Double.NaN : held.size() / (double) all.size();
        TextTitle main = new TextTitle(String.format(Locale.ROOT, "RQI = %.3f: %d of %d parallelograms hold (δ = %s) · Acc-hat = %.3f",
                rqi, held.size(), all.size(), java.math.BigDecimal.valueOf(delta).stripTrailingZeros().toPlainString(), RepresentationQuality.predictedAccuracy(rp.split(), held)));
        main.setFont(s.subtitleFont());
        chart.addSubtitle(main);
        OperationTable table = rp.table();
        int side = rp.embeddingDim();
        TextTitle what = new TextTitle((label == null ? "" : "\u2018" + label + "\u2019 · ") + (product
                ? "group S3 · " + side + " x " + side + " matrix embeddings, flattened" + (d > 2 ? ", on their first two principal components" : "")
                : (table instanceof AdditionTable a && a.isModular() ? "addition mod " + p : "addition of 0.." + (p - 1)) + " · "
                + (d == 1 ? "1D embeddings" : d == 2 ? "2D embeddings · faint: parallelograms E_i + E_j = E_m + E_n that hold"
                : d + "D embeddings on their first two principal components · faint: parallelograms that hold")));
        chart.addSubtitle(what);
        return s.apply(chart);
    }

    /**
     * The 1D tile above the against-step tile (a little more than half the height for the line,
     * whose half circles need it); side by side, the line wider, when the area is very wide.
     */
    private static TiledPlot.Layout stacked(FigureStyle s) {
        double gap = s.px(30);
        return (area, count) -> {
            List<Rectangle2D> out = new ArrayList<>(count);
            if (count == 1) {
                out.add(area);
                return out;
            }
            if (area.getWidth() > 2.6 * area.getHeight()) {
                double left = (area.getWidth() - gap) * 0.6;
                out.add(new Rectangle2D.Double(area.getX(), area.getY(), Math.max(1, left), area.getHeight()));
                out.add(new Rectangle2D.Double(area.getX() + left + gap, area.getY(), Math.max(1, area.getWidth() - left - gap),
                        area.getHeight()));
                return out;
            }
            double top = (area.getHeight() - gap) * 0.55;
            out.add(new Rectangle2D.Double(area.getX(), area.getY(), area.getWidth(), Math.max(1, top)));
            out.add(new Rectangle2D.Double(area.getX(), area.getY() + top + gap, area.getWidth(),
                    Math.max(1, area.getHeight() - top - gap)));
            return out;
        };
    }

    /**
     * The plane on the left (about as wide as it is high), the two coordinate histories stacked on
     * the right; in a short, wide area all three side by side.
     */
    private static TiledPlot.Layout planeBeside(FigureStyle s) {
        double gap = s.px(30);
        return (area, count) -> {
            List<Rectangle2D> out = new ArrayList<>(count);
            if (area.getHeight() < 0.45 * area.getWidth()) {
                double left = Math.min(area.getWidth() * 0.4, area.getHeight() * 1.2);
                out.add(new Rectangle2D.Double(area.getX(), area.getY(), left, area.getHeight()));
                double w = Math.max(1, (area.getWidth() - left - (count - 1) * gap) / Math.max(1, count - 1));
                for (int i = 1; i < count; i++)
                    out.add(new Rectangle2D.Double(area.getX() + left + gap + (i - 1) * (w + gap), area.getY(), w, area.getHeight()));
                return out;
            }
            double left = Math.min(area.getWidth() * 0.6, Math.max(area.getHeight() * 1.1, area.getWidth() * 0.45));
            out.add(new Rectangle2D.Double(area.getX(), area.getY(), left, area.getHeight()));
            double x = area.getX() + left + gap, w = Math.max(1, area.getWidth() - left - gap);
            double h = (area.getHeight() - gap) / 2;
            for (int i = 1; i < count; i++)
                out.add(new Rectangle2D.Double(x, area.getY() + (i - 1) * (h + gap), w, Math.max(1, h)));
            return out;
        };
    }

    private static double[][] plane(double[] e, int p) {
        double[][] xy = new double[p][2];
        for (int k = 0; k < p; k++) {
            xy[k][0] = e[2 * k];
            xy[k][1] = e[2 * k + 1];
        }
        return xy;
    }

    private static DefaultXYDataset dots(double[] x, double[] y, int p, XYLineAndShapeRenderer r, FigureStyle s) {
        DefaultXYDataset data = new DefaultXYDataset();
        double dot = s.px(7);
        for (int k = 0; k < p; k++) {
            data.addSeries("E_" + k, new double[][] {{x[k]}, {y[k]}});
            r.setSeriesShape(k, new Ellipse2D.Double(-dot, -dot, 2 * dot, 2 * dot));
            r.setSeriesPaint(k, FigureStyle.residueColor(k, p));
        }
        r.setDefaultSeriesVisibleInLegend(false);
        return data;
    }

    /** Alpha of one parallelogram's lines: fainter the more there are. */
    private static Color faint(int count) {
        int alpha = (int) Math.round(Math.max(18, Math.min(110, 1600.0 / Math.max(1, count))));
        return new Color(PARALLELOGRAM.getRed(), PARALLELOGRAM.getGreen(), PARALLELOGRAM.getBlue(), alpha);
    }

    /** 1D: the numbers on a line, each holding parallelogram as two concentric half circles. */
    static XYPlot line(double[] e, int p, Parallelograms held, FigureStyle s) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double v : e) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double span = max - min;
        if (!(span > 0)) span = Math.max(1e-9, Math.abs(max));
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        DefaultXYDataset data = dots(e, new double[p], p, r, s);
        NumberAxis x = new NumberAxis("E_k");
        NumberAxis y = new NumberAxis();
        s.styleAxis(x);
        y.setVisible(false);
        x.setAutoRange(false);
        x.setRange(min - 0.06 * span, max + 0.06 * span);
        double radius = span / 2;
        XYPlot plot = new XYPlot(data, x, y, r);
        s.styleXYPlot(plot);
        y.setRange(-0.42 * radius, 1.04 * radius);
        plot.setRangeGridlinesVisible(false);
        Color c = faint(2 * held.size());
        BasicStroke stroke = new BasicStroke(s.px(1.6f));
        OperationTable t = held.table();
        for (int q = 0; q < held.size(); q++) {
            for (int sample : new int[] {held.firstSample(q), held.secondSample(q)}) {
                double a = e[t.first(sample)], b = e[t.second(sample)];
                double mid = (a + b) / 2, rr = Math.abs(a - b) / 2;
                // A pair (i, i) has its centre at E_i: a short upright tick marks it.
                plot.addAnnotation(new XYShapeAnnotation(rr > 0 ? halfCircle(mid, rr)
                        : new java.awt.geom.Line2D.Double(mid, 0, mid, 0.12 * radius), stroke, c), false);
            }
        }
        // Numbers below their dots; a number whose dot is too close to the previous one's moves one line further down.
        Font font = s.annotationFont();
        double offset = s.px(7) + font.getSize2D() * 0.8;
        Integer[] order = new Integer[p];
        for (int k = 0; k < p; k++) order[k] = k;
        java.util.Arrays.sort(order, (u, v) -> Double.compare(e[u], e[v]));
        double tooClose = span / 40;
        int level = 0;
        for (int i = 0; i < p; i++) {
            int k = order[i];
            level = i > 0 && e[k] - e[order[i - 1]] < tooClose ? (level + 1) % 3 : 0;
            r.addAnnotation(new RadialLabelAnnotation(e[k], 0, e[k], radius, Integer.toString(k), font, new Color(0x222222),
                    offset + level * font.getSize2D() * 1.05), Layer.FOREGROUND);
        }
        return plot;
    }

    /** The upper half circle of radius r around (c, 0) in data coordinates (a polyline: the axes need not be equal). */
    static Path2D halfCircle(double c, double r) {
        Path2D.Double path = new Path2D.Double();
        int n = 32;
        for (int i = 0; i <= n; i++) {
            double t = Math.PI * i / n;
            if (i == 0) path.moveTo(c + r, 0);
            else path.lineTo(c + r * Math.cos(t), r * Math.sin(t));
        }
        return path;
    }

    /** Coordinate {@code coordinate} of every symbol's E_k (d per symbol) at every stored row of the embeddings, in its colour, labelled at the right end; the shown step marked. */
    static XYPlot againstStep(HistoryView h, int p, int d, int coordinate, long step, FigureStyle s) {
        int rows = h.leadingRows();
        double[] x = new double[rows];
        double[][] y = new double[p][rows];
        for (int i = 0; i < rows; i++) {
            x[i] = h.leadingStep(i);
            double[] theta = h.leadingRow(i);
            for (int k = 0; k < p; k++) y[k][i] = theta[k * d + coordinate];
        }
        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer r = StepCharts.lineRenderer();
        BasicStroke stroke = new BasicStroke(s.px(2.5f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        for (int k = 0; k < p; k++) {
            data.addSeries("E_" + k, new double[][] {x, y[k]});
            r.setSeriesPaint(k, FigureStyle.residueColor(k, p));
            r.setSeriesStroke(k, stroke);
        }
        NumberAxis sx = new NumberAxis("step");
        NumberAxis sy = new NumberAxis(d == 1 ? "E_k" : coordinate == 0 ? "E_k,1" : "E_k,2");
        sy.setAutoRangeIncludesZero(false);
        s.styleAxis(sx);
        s.styleAxis(sy);
        double last = rows > 0 ? x[rows - 1] : 1;
        sx.setRange(0, Math.max(1, last) * 1.06);
        XYPlot plot = new XYPlot(data, sx, sy, r);
        s.styleXYPlot(plot);
        Font font = s.annotationFont();
        for (int k = 0; k < p && rows > 0; k++) {
            org.jfree.chart.annotations.XYTextAnnotation a = new org.jfree.chart.annotations.XYTextAnnotation(
                    " " + k, last, y[k][rows - 1]);
            a.setFont(font);
            a.setPaint(FigureStyle.residueColor(k, p));
            a.setTextAnchor(org.jfree.chart.ui.TextAnchor.CENTER_LEFT);
            r.addAnnotation(a);
        }
        if (step != FigureOptions.LATEST)
            plot.addDomainMarker(new org.jfree.chart.plot.ValueMarker(step, FigureStyle.MARKER, s.contourStroke()), Layer.FOREGROUND);
        return plot;
    }

    /** 2D (or the PCA plane): points at equal aspect, each holding parallelogram as its quadrilateral. */
    static XYPlot plane(double[][] xy, int p, Parallelograms held, int d, FigureStyle s) {
        double[] px = new double[p], py = new double[p];
        double cx = 0, cy = 0;
        for (int k = 0; k < p; k++) {
            px[k] = xy[k][0];
            py[k] = xy[k][1];
            cx += px[k] / p;
            cy += py[k] / p;
        }
        double radius = 0;
        for (int k = 0; k < p; k++) radius = Math.max(radius, Math.hypot(px[k] - cx, py[k] - cy));
        if (!(radius > 0)) radius = 1;
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        DefaultXYDataset data = dots(px, py, p, r, s);
        NumberAxis x = new NumberAxis(d == 2 ? "E_k,1" : "PC1");
        NumberAxis y = new NumberAxis(d == 2 ? "E_k,2" : "PC2");
        for (NumberAxis a : new NumberAxis[] {x, y}) {
            a.setAutoRangeIncludesZero(false);
            s.styleAxis(a);
        }
        double m = radius * 1.25;
        EqualAspectXYPlot plot = new EqualAspectXYPlot(data, x, y, r, new Range(cx - m, cx + m), new Range(cy - m, cy + m));
        s.styleXYPlot(plot);
        Color c = faint(held.size());
        BasicStroke stroke = new BasicStroke(s.px(1.4f));
        for (int q = 0; q < held.size(); q++) {
            int[] v = held.symbols(q);   // i, j, m, n: the diagonals are i-j and m-n
            Path2D.Double quad = new Path2D.Double();
            quad.moveTo(px[v[0]], py[v[0]]);
            quad.lineTo(px[v[2]], py[v[2]]);
            quad.lineTo(px[v[1]], py[v[1]]);
            quad.lineTo(px[v[3]], py[v[3]]);
            quad.closePath();
            plot.addAnnotation(new XYShapeAnnotation(quad, stroke, c), false);
        }
        Font font = s.annotationFont();
        double offset = s.px(7) + font.getSize2D() * 0.85;
        for (int k = 0; k < p; k++)
            r.addAnnotation(new RadialLabelAnnotation(px[k], py[k], cx, cy, Integer.toString(k), font, new Color(0x222222), offset),
                    Layer.FOREGROUND);
        return plot;
    }
}
