package org.grokbench.plot;

import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.ModularProblem;
import org.grokbench.experiment.TrajectorySnapshot;
import org.grokbench.modular.FourierFeatures;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.data.Range;
import org.jfree.data.xy.DefaultXYDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The circles of geometry-of-grokking §7.3.2 for one trajectory at one step: for every frequency
 * k = 1..K (K = ⌊(p−1)/2⌋) a small plot of the p embeddings projected on the plane of
 * (Re F_k, Im F_k) ({@link FourierFeatures#circleProjection}), and a large view of one chosen
 * frequency (by default the dominant one, largest |F_k|) with every residue labelled.
 *
 * <p>Points are joined in the order met walking around the plane's origin from residue 0
 * ({@link FourierFeatures#circleOrder}). On a perfect circle of frequency k residue j sits at
 * angle 2π·jk/p, so neighbours around the ring differ by ±k⁻¹ and the walk is 0, k⁻¹, 2k⁻¹, … mod p
 * (the paper's "order {0, k, 2k, …}" counts positions jk). An edge joining two such neighbours is
 * drawn in the run's colour, any other edge in light grey: a formed circle is a coloured ring, a
 * random embedding in few dimensions a grey tangle. (A random embedding with d_h ≫ p already
 * projects onto a rough ring in nearly the right order, because each E_j dominates its own
 * projection; learning then makes the rings round and clean. The Fourier-feature panels and the
 * test accuracy tell the two apart.) Each plot has its own scale (the title gives |F_k|); both axes
 * of a plot share one scale, so circles look round and ellipses show their true aspect ratio.
 *
 * <p>In the small plots only residue 0 is labelled when p &gt; {@value #LABEL_ALL_UP_TO} (37
 * numbers in a 200-pixel plot are unreadable), inside the ring; the large view labels every
 * residue, outside the ring.
 */
public final class FourierCirclesFigure {
    /** Frequency argument meaning "the dominant frequency". */
    public static final int DOMINANT = 0;
    /** Small plots label every residue up to this modulus, else only residue 0. */
    static final int LABEL_ALL_UP_TO = 13;
    /** The subtitle of the Fourier figures for p &lt; 3. */
    static final String NO_FREQUENCY = "p < 3: there is no circle frequency k = 1..(p−1)/2";

    private FourierCirclesFigure() {}

    /** The circles of the selected trajectory ({@link FigureOptions#selectedRun()}) at the selected step, dominant frequency enlarged. */
    public static JFreeChart create(Experiment experiment, List<TrajectorySnapshot> runs, FigureOptions o) {
        return create(experiment, runs, DOMINANT, o);
    }

    /**
     * The circles of the selected trajectory at the selected step ({@link FigureOptions#LATEST}:
     * the last stored θ), with frequency {@code frequency} enlarged ({@link #DOMINANT}: the largest
     * |F_k|).
     */
    public static JFreeChart create(Experiment experiment, List<TrajectorySnapshot> runs, int frequency, FigureOptions o) {
        ModularProblem m = requireModular(experiment);
        if (m.modulus() < 3) return empty("Fourier circles of the embedding", NO_FREQUENCY, o);
        if (runs.isEmpty()) return empty("Fourier circles of the embedding", "no trajectory", o);
        int sel = Math.max(0, Math.min(runs.size() - 1, o.selectedRun()));
        EmbeddingAt at = EmbeddingAt.of(runs.get(sel), m.modulus(), m.hidden(), o.step());
        if (at == null) return empty("Fourier circles of the embedding", "no embedding recorded yet", o);
        return forEmbedding(at.e(), m.modulus(), m.hidden(), frequency,
                "\u2018" + at.label() + "\u2019 at step " + at.step(), sel, o);
    }

    /**
     * The circles of an embedding E (p × d_h row-major, not modified).
     *
     * @param frequency   the frequency of the large view, 1..K, or {@link #DOMINANT}
     * @param what        what E is, for the subtitle (e.g. "'seed 0' at step 5000"), or null
     * @param colourIndex the trajectory colour to draw in
     */
    public static JFreeChart forEmbedding(double[] e, int p, int hidden, int frequency, String what, int colourIndex,
                                          FigureOptions o) {
        FigureStyle s = o.style();
        FourierFeatures f = FourierFeatures.of(e, p, hidden);
        int kmax = f.frequencyCount();
        int big = frequency == DOMINANT ? f.dominantFrequency() : frequency;
        if (big < 1 || big > kmax)
            throw new IllegalArgumentException("frequency must be in 1.." + kmax + " or DOMINANT, got " + frequency);
        Color colour = FigureStyle.trajectoryColor(colourIndex);

        List<TiledPlot.Tile> tiles = new ArrayList<>();
        Font small = s.annotationFont();
        for (int k = 1; k <= kmax; k++) {
            String title = String.format(Locale.ROOT, "k = %d · |F| %s", k, fmt(f.norm(k)));
            Font font = k == big ? small.deriveFont(Font.BOLD) : small;
            tiles.add(new TiledPlot.Tile(circlePlot(f, k, false, colour, s), title, font, Color.BLACK));
        }
        int good = neighbourEdges(f, big);
        String bigTitle = String.format(Locale.ROOT, "k = %d%s · |F_k| = %s · %d of %d edges in circle order",
                big, frequency == DOMINANT ? " (largest)" : "", fmt(f.norm(big)), good, p);
        tiles.add(new TiledPlot.Tile(circlePlot(f, big, true, colour, s), bigTitle, s.legendFont(), Color.BLACK));

        TiledPlot plot = new TiledPlot(tiles, layout(kmax, s));
        plot.setFixedLegendItems(legend(colour, s));
        JFreeChart chart = new JFreeChart("Fourier circles of the embedding E", s.titleFont(), plot, true);
        if (o.caption() != null && !o.caption().isBlank()) chart.addSubtitle(new TextTitle(o.caption()));
        chart.addSubtitle(new TextTitle((what == null ? "" : what + " · ") + "p = " + p + ", d_h = " + hidden
                + " · E projected on the plane of (Re F_k, Im F_k) for each frequency k, points joined in angular order"));
        return s.apply(chart);
    }

    /** The residues in the order the circle of frequency k joins them (a closed path: the first follows the last). */
    static int[] pathOrder(FourierFeatures f, int k) {
        return f.circleOrder(k);
    }

    /** Whether the edge a → b joins neighbours of a perfect circle of frequency k (positions ak, bk mod p adjacent). */
    static boolean joinsNeighbours(int a, int b, int k, int p) {
        long d = Math.floorMod((long) (b - a) * k, p);
        long dist = Math.min(d, p - d);
        return dist <= gcd(k, p);
    }

    /** How many of the p edges of the closed path join circle neighbours. */
    static int neighbourEdges(FourierFeatures f, int k) {
        int p = f.modulus();
        int[] order = pathOrder(f, k);
        int n = 0;
        for (int i = 0; i < p; i++) if (joinsNeighbours(order[i], order[(i + 1) % p], k, p)) n++;
        return n;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return Math.abs(a);
    }

    /** Series 0: the closed path in {@link #pathOrder}; series 1: the residues; series 2: residue 0. */
    static EqualAspectXYPlot circlePlot(FourierFeatures f, int k, boolean large, Color colour, FigureStyle s) {
        int p = f.modulus();
        double[][] xy = f.circleProjection(k);
        int[] order = pathOrder(f, k);
        double radius = 0, mean = 0;
        for (double[] q : xy) {
            double r = Math.hypot(q[0], q[1]);
            radius = Math.max(radius, r);
            mean += r / p;
        }
        if (!(radius > 0)) radius = 1;

        double[] px = new double[p + 1], py = new double[p + 1];
        boolean[] neighbour = new boolean[p + 1];
        for (int i = 0; i <= p; i++) {
            int j = order[i % p];
            px[i] = xy[j][0];
            py[i] = xy[j][1];
            if (i > 0) neighbour[i] = joinsNeighbours(order[i - 1], j, k, p);
        }
        double[] rx = new double[p], ry = new double[p];
        for (int j = 0; j < p; j++) {
            rx[j] = xy[j][0];
            ry[j] = xy[j][1];
        }
        DefaultXYDataset data = new DefaultXYDataset();
        data.addSeries("path", new double[][] {px, py});
        data.addSeries("residues", new double[][] {rx, ry});
        data.addSeries("residue 0", new double[][] {{xy[0][0]}, {xy[0][1]}});

        Stroke on = large ? s.lineStroke() : new BasicStroke(s.px(2.2f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        Stroke off = new BasicStroke(s.px(large ? 1.6 : 1.1), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true) {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(int series, int item) {
                if (series == 0) return neighbour[item] ? colour : FigureStyle.OUT_OF_ORDER;
                return super.getItemPaint(series, item);
            }

            @Override
            public Stroke getItemStroke(int series, int item) {
                if (series == 0) return neighbour[item] ? on : off;
                return super.getItemStroke(series, item);
            }
        };
        r.setDrawSeriesLineAsPath(false);
        r.setDefaultSeriesVisibleInLegend(false);
        r.setSeriesShapesVisible(0, false);
        r.setSeriesLinesVisible(1, false);
        r.setSeriesLinesVisible(2, false);
        double dot = s.px(large ? 5.5 : 3.2);
        r.setSeriesShape(1, new Ellipse2D.Double(-dot, -dot, 2 * dot, 2 * dot));
        r.setSeriesPaint(1, colour.darker());
        double dot0 = dot * 1.5;
        r.setSeriesShape(2, new Ellipse2D.Double(-dot0, -dot0, 2 * dot0, 2 * dot0));
        r.setSeriesPaint(2, Color.BLACK);

        NumberAxis x = new NumberAxis(large ? "along Re F_k" : null);
        NumberAxis y = new NumberAxis(large ? "along Im F_k (⊥ Re F_k)" : null);
        for (NumberAxis a : new NumberAxis[] {x, y}) {
            a.setAutoRangeIncludesZero(false);
            s.styleAxis(a);
            if (!large) a.setVisible(false);
        }
        double half = radius * (large ? 1.22 : 1.16);
        Range box = new Range(-half, half);
        EqualAspectXYPlot plot = new EqualAspectXYPlot(data, x, y, r, box, box);
        s.styleXYPlot(plot);
        plot.setDomainGridlinesVisible(large);
        plot.setRangeGridlinesVisible(large);
        plot.setOutlinePaint(new Color(0xBBBBBB));
        if (large && mean > 0) {
            int n = 181;
            double[] cx = new double[n], cy = new double[n];
            for (int i = 0; i < n; i++) {
                double a = 2 * Math.PI * i / (n - 1);
                cx[i] = mean * Math.cos(a);
                cy[i] = mean * Math.sin(a);
            }
            data.addSeries("mean radius", new double[][] {cx, cy});
            r.setSeriesShapesVisible(3, false);
            r.setSeriesPaint(3, FigureStyle.NORM_CONTOUR);
            r.setSeriesStroke(3, s.contourStroke());
        }
        boolean labelAll = large || p <= LABEL_ALL_UP_TO;
        Font font = large ? s.annotationFont() : s.annotationFont().deriveFont(s.px(14));
        // Outside the ring in the large view; inside it in the small plots, whose narrow box would clip them.
        double offset = (dot + font.getSize2D() * 0.85) * (large ? 1 : -1);
        for (int j = 0; j < p; j++) {
            if (!labelAll && j != 0) continue;
            r.addAnnotation(new RadialLabelAnnotation(xy[j][0], xy[j][1], 0, 0, Integer.toString(j), font,
                    j == 0 ? Color.BLACK : new Color(0x333333), offset), Layer.FOREGROUND);
        }
        return plot;
    }

    /** Small plots in a grid on the left, the large view as a square on the right. */
    static TiledPlot.Layout layout(int kmax, FigureStyle s) {
        double gap = s.px(10);
        double titleHeight = s.annotationFont().getSize2D() * 1.5;
        return (area, count) -> {
            List<Rectangle2D> out = new ArrayList<>(count);
            double bigSide = Math.min(area.getHeight(), area.getWidth() * 0.42);
            double gridW = Math.max(1, area.getWidth() - bigSide - 3 * gap);
            double gridH = area.getHeight();
            int bestCols = 1;
            double bestSide = -1;
            for (int c = 1; c <= kmax; c++) {
                int rows = (kmax + c - 1) / c;
                double w = (gridW - (c - 1) * gap) / c;
                double h = (gridH - (rows - 1) * gap) / rows - titleHeight;
                double side = Math.min(w, h);
                if (side > bestSide) {
                    bestSide = side;
                    bestCols = c;
                }
            }
            int rows = (kmax + bestCols - 1) / bestCols;
            double w = (gridW - (bestCols - 1) * gap) / bestCols;
            double h = (gridH - (rows - 1) * gap) / rows;
            for (int i = 0; i < kmax; i++) {
                int r = i / bestCols, c = i % bestCols;
                out.add(new Rectangle2D.Double(area.getX() + c * (w + gap), area.getY() + r * (h + gap),
                        Math.max(1, w), Math.max(1, h)));
            }
            out.add(new Rectangle2D.Double(area.getMaxX() - bigSide, area.getY(), bigSide, area.getHeight()));
            while (out.size() < count) out.add(new Rectangle2D.Double(area.getX(), area.getY(), 1, 1));
            return out;
        };
    }

    private static LegendItemCollection legend(Color colour, FigureStyle s) {
        LegendItemCollection items = new LegendItemCollection();
        items.add(StepCharts.lineItem("edge joins neighbours of a perfect circle (positions jk ± 1 mod p)", colour,
                s.lineStroke(), s));
        items.add(StepCharts.lineItem("other edge", FigureStyle.OUT_OF_ORDER, new BasicStroke(s.px(2)), s));
        items.add(StepCharts.dotItem("residue 0", Color.BLACK, true, s));
        items.add(StepCharts.lineItem("mean radius", FigureStyle.NORM_CONTOUR, s.contourStroke(), s));
        return items;
    }

    static ModularProblem requireModular(Experiment experiment) {
        ModularProblem m = experiment.modular();
        if (m == null) throw new IllegalArgumentException("experiment '" + experiment.spec().id() + "' is not modular addition");
        return m;
    }

    static JFreeChart empty(String title, String why, FigureOptions o) {
        FigureStyle s = o.style();
        TiledPlot plot = new TiledPlot(List.of(), (area, count) -> List.of());
        JFreeChart chart = new JFreeChart(title, s.titleFont(), plot, false);
        if (o.caption() != null && !o.caption().isBlank()) chart.addSubtitle(new TextTitle(o.caption()));
        chart.addSubtitle(new TextTitle(why));
        return s.apply(chart);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
