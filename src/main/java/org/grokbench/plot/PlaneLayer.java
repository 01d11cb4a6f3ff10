package org.grokbench.plot;

import org.grokbench.analysis.ZeroLossManifold;
import org.grokbench.model.SquaredLoss;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * The background of the parameter plane, computed for whatever range the axes show when drawn
 * (so zooming in a viewer re-evaluates it): the training loss L as shading, its level sets at
 * every power of ten (marching squares on log10 L), circles of equal weight norm ‖θ‖, and the
 * zero-loss set Z drawn exactly from {@link ZeroLossManifold#polylines2D}.
 *
 * <p>Parameters other than θ₁, θ₂ are held at {@code base}; for three parameters Z is drawn as its
 * slice at θ₃ = base[2]. Not thread-safe (owns a loss with scratch buffers and a cache); a chart is
 * drawn by one thread at a time.
 */
final class PlaneLayer extends AbstractXYAnnotation {
    /** Grid cells per axis for shading and level sets. */
    private static final int CELLS = 220;
    /** Losses below this count as this (log10 of 0 is −∞). */
    private static final double LOSS_FLOOR = 1e-12;

    private final SquaredLoss loss;
    private final ZeroLossManifold zeroLoss;
    private final double[] base;
    private final LossShading shading;
    private final FigureStyle style;
    private final double restNorm2;

    private final Cache cache;

    private Rectangle2D cachedRange;
    private ScalarGrid grid;           // log10 L shaded, and on the grid nodes for the level sets
    private List<double[][]> zPolylines;

    /** What a layer computed for one range and slice: never modified after it is built. */
    record Grid(ScalarGrid loss, List<double[][]> zPolylines) {}

    /**
     * Grids shared by the layers of one figure (the window rebuilds the chart for every frame,
     * while the range and slice rarely change). Thread-safe; keeps the few most recent grids.
     */
    static final class Cache {
        private static final int SIZE = 6;
        private final java.util.LinkedHashMap<List<Double>, Grid> grids = new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<List<Double>, Grid> eldest) {
                return size() > SIZE;
            }
        };

        synchronized Grid get(List<Double> key) { return grids.get(key); }
        synchronized void put(List<Double> key, Grid g) { grids.put(key, g); }
    }

    PlaneLayer(SquaredLoss loss, ZeroLossManifold zeroLoss, double[] base, LossShading shading, FigureStyle style,
               Cache cache) {
        this.loss = loss;
        this.zeroLoss = zeroLoss;
        this.base = base.clone();
        this.shading = shading;
        this.style = style;
        this.cache = cache;
        double r2 = 0;
        for (int k = 2; k < base.length; k++) r2 += base[k] * base[k];
        this.restNorm2 = r2;
    }

    /** log10 L at (x, y) with the other parameters at base, floored at {@link #LOSS_FLOOR}. */
    double logLoss(double[] theta, double x, double y) {
        theta[0] = x;
        theta[1] = y;
        double l = loss.value(theta);
        if (Double.isNaN(l)) return Double.NaN;
        return Math.log10(Math.max(LOSS_FLOOR, l));
    }

    /** Highest log10 L over a box (sampled), to fix the shading's upper end. */
    double maxLogLoss(double xmin, double xmax, double ymin, double ymax) {
        double[] theta = base.clone();
        double hi = Double.NEGATIVE_INFINITY;
        int n = 40;
        for (int i = 0; i <= n; i++)
            for (int j = 0; j <= n; j++) {
                double v = logLoss(theta, xmin + (xmax - xmin) * i / n, ymin + (ymax - ymin) * j / n);
                if (v > hi) hi = v;
            }
        return hi;
    }

    private void compute(double xmin, double xmax, double ymin, double ymax) {
        Rectangle2D key = new Rectangle2D.Double(xmin, ymin, xmax - xmin, ymax - ymin);
        if (key.equals(cachedRange)) return;
        List<Double> cacheKey = new ArrayList<>(List.of(xmin, xmax, ymin, ymax, shading.getLowerBound(),
                shading.getUpperBound()));
        for (int k = 2; k < base.length; k++) cacheKey.add(base[k]);
        Grid shared = cache == null ? null : cache.get(cacheKey);
        if (shared != null) {
            grid = shared.loss();
            zPolylines = shared.zPolylines();
            cachedRange = key;
            return;
        }
        double[] theta = base.clone();
        grid = ScalarGrid.sample((x, y) -> logLoss(theta, x, y), xmin, xmax, ymin, ymax, CELLS, shading::rgb);
        zPolylines = zeroLoss == null ? List.of()
                : zeroLoss.polylines2D(xmin, xmax, ymin, ymax, base.length > 2 ? base[2] : 0.0);
        cachedRange = key;
        if (cache != null) cache.put(cacheKey, new Grid(grid, List.copyOf(zPolylines)));
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis xAxis, ValueAxis yAxis,
                     int rendererIndex, PlotRenderingInfo info) {
        double xmin = xAxis.getLowerBound(), xmax = xAxis.getUpperBound();
        double ymin = yAxis.getLowerBound(), ymax = yAxis.getUpperBound();
        compute(xmin, xmax, ymin, ymax);
        RectangleEdge xEdge = plot.getDomainAxisEdge(), yEdge = plot.getRangeAxisEdge();
        double[] pixels = ScalarGrid.pixelBox(plot, dataArea, xAxis, yAxis);

        Shape oldClip = g2.getClip();
        Stroke oldStroke = g2.getStroke();
        g2.clip(dataArea);
        grid.drawImage(g2, pixels);

        drawLevelSets(g2, pixels);
        drawNormCircles(g2, xAxis, yAxis, dataArea, xEdge, yEdge, xmin, xmax, ymin, ymax);

        g2.setPaint(FigureStyle.ZERO_LOSS);
        g2.setStroke(style.zeroLossStroke());
        for (double[][] line : zPolylines) {
            if (line.length < 2) continue;
            Path2D.Double path = new Path2D.Double();
            for (int k = 0; k < line.length; k++) {
                double px = xAxis.valueToJava2D(line[k][0], dataArea, xEdge);
                double py = yAxis.valueToJava2D(line[k][1], dataArea, yEdge);
                if (k == 0) path.moveTo(px, py); else path.lineTo(px, py);
            }
            g2.draw(path);
        }
        g2.setStroke(oldStroke);
        g2.setClip(oldClip);
    }

    /** Level sets of L at every power of ten inside the shading range (marching squares). */
    private void drawLevelSets(Graphics2D g2, double[] pixels) {
        double[] range = grid.range();
        double lo = range[0], hi = range[1];
        if (!(hi > lo)) return;
        int first = (int) Math.ceil(Math.max(lo, shading.getLowerBound()));
        int last = (int) Math.floor(hi);
        double floor = Math.log10(LOSS_FLOOR);
        g2.setPaint(FigureStyle.LEVEL_SET);
        g2.setStroke(style.levelStroke());
        g2.draw(grid.levelSets(first, last, 1, pixels, level -> level > floor));
    }

    /** Circles of equal ‖θ‖ (all parameters, the others held at base), labelled. */
    private void drawNormCircles(Graphics2D g2, ValueAxis xAxis, ValueAxis yAxis, Rectangle2D area,
                                 RectangleEdge xEdge, RectangleEdge yEdge,
                                 double xmin, double xmax, double ymin, double ymax) {
        double far2 = 0;
        for (double x : new double[] {xmin, xmax})
            for (double y : new double[] {ymin, ymax}) far2 = Math.max(far2, x * x + y * y);
        double near2 = (xmin <= 0 && xmax >= 0 ? 0 : Math.min(xmin * xmin, xmax * xmax))
                + (ymin <= 0 && ymax >= 0 ? 0 : Math.min(ymin * ymin, ymax * ymax));
        double maxNorm = Math.sqrt(far2 + restNorm2);
        double minNorm = Math.sqrt(near2 + restNorm2);
        double step = niceStep((maxNorm - minNorm) / 5);
        Font font = style.annotationFont();
        g2.setFont(font);
        FontMetrics fm = g2.getFontMetrics();
        List<Rectangle2D> placed = new ArrayList<>();
        for (double r = Math.ceil(minNorm / step) * step; r <= maxNorm + 1e-12; r += step) {
            double r2 = r * r - restNorm2;
            if (r2 <= 0) continue;
            double rr = Math.sqrt(r2);
            double cx = xAxis.valueToJava2D(0, area, xEdge), cy = yAxis.valueToJava2D(0, area, yEdge);
            double rx = Math.abs(xAxis.valueToJava2D(rr, area, xEdge) - cx);
            double ry = Math.abs(yAxis.valueToJava2D(rr, area, yEdge) - cy);
            g2.setPaint(FigureStyle.NORM_CONTOUR);
            g2.setStroke(style.contourStroke());
            g2.draw(new Ellipse2D.Double(cx - rx, cy - ry, 2 * rx, 2 * ry));
            String text = "‖θ‖=" + trim(r);
            int w = fm.stringWidth(text), h = fm.getAscent();
            for (double deg : new double[] {62, 28, 118, 152, -28, -62, -118, -152, 90, 0, 180, -90}) {
                double a = Math.toRadians(deg);
                double tx = cx + rx * Math.cos(a), ty = cy - ry * Math.sin(a);
                Rectangle2D box = new Rectangle2D.Double(tx - w / 2.0 - 3, ty - h / 2.0 - 2, w + 6, h + 4);
                if (!area.contains(box) || placed.stream().anyMatch(box::intersects)) continue;
                placed.add(box);
                g2.setPaint(new Color(255, 255, 255, 215));
                g2.fill(box);
                g2.setPaint(FigureStyle.NORM_CONTOUR);
                g2.drawString(text, (float) (tx - w / 2.0), (float) (ty + h / 2.0 - 2));
                break;
            }
        }
    }

    static double niceStep(double raw) {
        if (!(raw > 0)) return 1;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / p;
        double nice = m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10;
        return nice * p;
    }

    static String trim(double v) {
        double r = Math.round(v * 1000) / 1000.0;
        if (r == Math.rint(r)) return Long.toString((long) r);
        return Double.toString(r);
    }

    // Annotations are compared by identity: two layers are never interchangeable.
    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
