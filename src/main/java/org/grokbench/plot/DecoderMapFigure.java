package org.grokbench.plot;

import org.grokbench.representation.DecoderMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.data.Range;
import org.jfree.data.xy.DefaultXYDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.Locale;

/**
 * The decoder map of Liu et al. 2022, Fig. 2 ({@link DecoderMap}): every grid cell coloured by the
 * class the decoder predicts there, the class number written in each region, and the embeddings
 * E_k on top as black dots labelled k. The colour at the midpoint of E_i and E_j is the model's
 * prediction for (i, j). A line (1D embeddings) is a strip along the embedding axis; a plane has
 * one scale on both axes. Sums get colours along a hue ramp (neighbouring sums, neighbouring hues),
 * residues a closed colour wheel. AWT only.
 */
public final class DecoderMapFigure {
    static final String TITLE = "Decoder map";

    private DecoderMapFigure() {}

    /**
     * The map drawn for a run at {@code step} ({@link FigureOptions#LATEST} or negative: no step in
     * the subtitle); {@code label} names the run (null for none).
     */
    public static JFreeChart create(DecoderMap map, String label, long step, FigureOptions o) {
        FigureStyle s = o.style();
        double[] xs = map.xs(), ys = map.ys();
        int[] classes = map.classes();
        double[] values = new double[classes.length];
        for (int i = 0; i < classes.length; i++) values[i] = classes[i];
        int n = map.classCount();
        boolean modular = map.modular();
        PaintScale scale = classScale(n, modular);
        boolean line = map.plane() == DecoderMap.Plane.LINE;

        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setDefaultSeriesVisibleInLegend(false);
        int p = map.symbols();
        double[][] pts = new double[2][p];
        for (int k = 0; k < p; k++) {
            double[] q = map.point(k);
            pts[0][k] = q[0];
            pts[1][k] = q[1];
        }
        data.addSeries("embeddings", pts);
        double dot = s.px(7);
        r.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-dot, -dot, 2 * dot, 2 * dot));
        r.setSeriesPaint(0, Color.BLACK);
        r.setUseOutlinePaint(true);
        r.setSeriesOutlinePaint(0, Color.WHITE);
        r.setSeriesOutlineStroke(0, new BasicStroke(s.px(1.5f)));
        r.setDrawOutlines(true);

        NumberAxis x = new NumberAxis(map.plane().xWords() + axisShare(map, 0));
        NumberAxis y = new NumberAxis(line ? "" : map.plane().yWords() + axisShare(map, 1));
        for (NumberAxis a : new NumberAxis[] {x, y}) {
            a.setAutoRangeIncludesZero(false);
            s.styleAxis(a);
        }
        XYPlot plot;
        double[] frame = map.frame();
        if (line) {
            x.setRange(new Range(frame[0], frame[1]));
            y.setRange(new Range(frame[2], frame[3]));
            y.setTickLabelsVisible(false);
            y.setTickMarksVisible(false);
            plot = new XYPlot(data, x, y, r);
        } else {
            plot = new EqualAspectXYPlot(data, x, y, r, new Range(frame[0], frame[1]), new Range(frame[2], frame[3]));
        }
        s.styleXYPlot(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        // behind the embeddings: the renderer's background layer (plot annotations are drawn over the series)
        r.addAnnotation(new GridLayer(xs, ys, values, scale, new double[0], s.levelStroke()), Layer.BACKGROUND);
        regionLabels(r, xs, ys, classes, n, s);
        Font font = s.annotationFont().deriveFont(Font.BOLD);
        double offset = dot + font.getSize2D() * 0.8;
        for (int k = 0; k < p; k++) {
            // on a line neighbours crowd: every other label goes below its dot
            double off = line && k % 2 == 1 ? -offset : offset;
            r.addAnnotation(new RadialLabelAnnotation(pts[0][k], pts[1][k], pts[0][k], pts[1][k], Integer.toString(k), font,
                    Color.BLACK, off), Layer.FOREGROUND);
        }
        JFreeChart chart = new JFreeChart(TITLE, s.titleFont(), plot, false);
        if (o.caption() != null && !o.caption().isBlank()) chart.addSubtitle(new TextTitle(o.caption()));
        String who = (label == null || label.isBlank() ? "" : "\u2018" + label + "\u2019 ")
                + (step >= 0 ? "at step " + step + " · " : "");
        chart.addSubtitle(new TextTitle(who + "the colour at the midpoint x of E_i and E_j is the prediction for (i, j): the "
                + (modular ? "residue" : "sum") + " the decoder gives E_i + E_j = 2x"));
        return s.apply(chart);
    }

    /**
     * The aspect (width / height) of the data area of this figure drawn {@code width} × {@code height}
     * pixels, about: the title, two subtitle lines and the axis take more height than width. What
     * {@link DecoderMap#of(org.grokbench.representation.ToyModel, double[], double[], int, boolean, double)}
     * needs to fill the plot.
     */
    public static double plotAspect(double width, double height) {
        if (!(width > 0 && height > 0)) return 1;
        return Math.max(0.2, Math.min(5, 1.3 * width / height));
    }

    /** The figure's title with a line saying why there is nothing to draw. */
    public static JFreeChart unavailable(String why, FigureOptions o) {
        return FourierCirclesFigure.empty(TITLE, why, o);
    }

    private static String axisShare(DecoderMap map, int axis) {
        if (map.plane() != DecoderMap.Plane.PRINCIPAL_PLANE) return "";
        return String.format(Locale.ROOT, " (%.1f %% of variance)", 100 * map.explained()[axis]);
    }

    /** The number of each class written at the cell of its region nearest the region's centroid. */
    private static void regionLabels(XYLineAndShapeRenderer r, double[] xs, double[] ys, int[] classes, int n, FigureStyle s) {
        int nx = xs.length;
        double[] sx = new double[n], sy = new double[n];
        int[] count = new int[n];
        for (int idx = 0; idx < classes.length; idx++) {
            int c = classes[idx];
            sx[c] += xs[idx % nx];
            sy[c] += ys[idx / nx];
            count[c]++;
        }
        double xSpan = xs[nx - 1] - xs[0], ySpan = ys.length > 1 ? ys[ys.length - 1] - ys[0] : 1;
        Font font = s.annotationFont();
        for (int c = 0; c < n; c++) {
            // a region of fewer than 0.4 % of the cells has no room for its number
            if (count[c] == 0 || count[c] < 0.004 * classes.length) continue;
            double cx = sx[c] / count[c], cy = sy[c] / count[c];
            int best = -1;
            double bestD = Double.POSITIVE_INFINITY;
            for (int idx = 0; idx < classes.length; idx++) {
                if (classes[idx] != c) continue;
                double dx = (xs[idx % nx] - cx) / xSpan, dy = (ys[idx / nx] - cy) / ySpan;
                double dd = dx * dx + dy * dy;
                if (dd < bestD) {
                    bestD = dd;
                    best = idx;
                }
            }
            double ly = ys.length > 1 ? ys[best / nx] : -0.32;
            XYTextAnnotation t = new XYTextAnnotation(Integer.toString(c), xs[best % nx], ly);
            t.setFont(font);
            t.setPaint(new Color(0x333333));
            r.addAnnotation(t, Layer.BACKGROUND);
        }
    }

    /**
     * Colours of the classes: a closed wheel for residues ({@link FigureStyle#residueColor}); for sums
     * a light hue ramp from red (0) to violet (2p − 2), so that neighbouring sums have neighbouring
     * hues and the black embeddings and numbers stay readable on top.
     */
    static PaintScale classScale(int n, boolean modular) {
        return new PaintScale() {
            @Override public double getLowerBound() { return 0; }
            @Override public double getUpperBound() { return Math.max(1, n - 1); }
            @Override public Paint getPaint(double v) {
                int c = (int) Math.round(v);
                return modular ? lighten(FigureStyle.residueColor(c, n)) : rampColor(c, n, 0.45f, 0.97f);
            }
        };
    }

    /** Colour i of n along a hue ramp from red to violet (not closing, so the two ends differ). */
    static Color rampColor(int i, int n, float saturation, float brightness) {
        float hue = 0.80f * i / Math.max(1, n - 1);
        return Color.getHSBColor(hue, saturation, brightness);
    }

    private static Color lighten(Color c) {
        return new Color((c.getRed() + 255) / 2, (c.getGreen() + 255) / 2, (c.getBlue() + 255) / 2);
    }
}
