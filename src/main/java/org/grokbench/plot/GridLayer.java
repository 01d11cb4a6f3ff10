package org.grokbench.plot;

import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.ui.RectangleEdge;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * A heatmap behind a plot's series: values at the nodes of a grid (x fastest), each drawn as the
 * cell around its node (edges halfway to the neighbours, so the grid may be uneven, e.g. the
 * recorded steps of a trajectory), coloured by a paint scale; optionally with level sets of the
 * same values (marching squares, {@link LevelSets}) at the given levels.
 */
final class GridLayer extends AbstractXYAnnotation {
    private final double[] xs;
    private final double[] ys;
    private final double[] values;
    private final PaintScale scale;
    private final double[] levels;
    private final Stroke levelStroke;

    /** @param levels contour levels (empty: none); only drawn on an even grid */
    GridLayer(double[] xs, double[] ys, double[] values, PaintScale scale, double[] levels, Stroke levelStroke) {
        if (values.length != xs.length * ys.length) throw new IllegalArgumentException("grid of " + xs.length + "×" + ys.length
                + " with " + values.length + " values");
        this.xs = xs;
        this.ys = ys;
        this.values = values;
        this.scale = scale;
        this.levels = levels;
        this.levelStroke = levelStroke;
    }

    private static double[] edges(double[] c) {
        int n = c.length;
        double[] e = new double[n + 1];
        double half = n > 1 ? (c[1] - c[0]) / 2 : 0.5;
        e[0] = c[0] - half;
        for (int i = 1; i < n; i++) e[i] = (c[i - 1] + c[i]) / 2;
        e[n] = c[n - 1] + (n > 1 ? (c[n - 1] - c[n - 2]) / 2 : 0.5);
        return e;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D area, ValueAxis xAxis, ValueAxis yAxis, int rendererIndex,
                     PlotRenderingInfo info) {
        RectangleEdge xe = plot.getDomainAxisEdge(), ye = plot.getRangeAxisEdge();
        double[] ex = edges(xs), ey = edges(ys);
        double[] px = new double[ex.length], py = new double[ey.length];
        for (int i = 0; i < ex.length; i++) px[i] = xAxis.valueToJava2D(ex[i], area, xe);
        for (int j = 0; j < ey.length; j++) py[j] = yAxis.valueToJava2D(ey[j], area, ye);
        Shape clip = g2.getClip();
        Stroke stroke = g2.getStroke();
        g2.clip(area);
        int nx = xs.length;
        for (int j = 0; j < ys.length; j++) {
            double y0 = Math.min(py[j], py[j + 1]), y1 = Math.max(py[j], py[j + 1]);
            for (int i = 0; i < nx; i++) {
                double x0 = Math.min(px[i], px[i + 1]), x1 = Math.max(px[i], px[i + 1]);
                g2.setPaint(scale.getPaint(values[j * nx + i]));
                // a half pixel of overlap hides seams between cells
                g2.fill(new Rectangle2D.Double(x0, y0, x1 - x0 + 0.5, y1 - y0 + 0.5));
            }
        }
        if (levels.length > 0 && nx > 1 && ys.length > 1) {
            Path2D.Double path = new Path2D.Double();
            double qx0 = xAxis.valueToJava2D(xs[0], area, xe), qx1 = xAxis.valueToJava2D(xs[nx - 1], area, xe);
            double qy0 = yAxis.valueToJava2D(ys[0], area, ye), qy1 = yAxis.valueToJava2D(ys[ys.length - 1], area, ye);
            for (double level : levels) LevelSets.trace(values, nx, ys.length, level, qx0, qx1, qy0, qy1, path);
            g2.setPaint(new Color(255, 255, 255, 170));
            g2.setStroke(levelStroke);
            g2.draw(path);
        }
        g2.setStroke(stroke);
        g2.setClip(clip);
    }

    // Annotations are compared by identity: two layers are never interchangeable.
    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
