package org.grokbench.plot;

import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;

import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * An arrow from a point given in data coordinates, with a direction (vx, vy) in data units and a
 * length given as a fraction of the plot's shorter side: the arrow keeps its size on screen when
 * the axes are zoomed. The parameter plane uses it for the parts of an update, which are far too
 * small to draw to scale; several arrows built with one {@code lengthFraction} keep their
 * relative lengths ‖v‖.
 */
final class ArrowAnnotation extends AbstractXYAnnotation {
    private final double x;
    private final double y;
    private final double vx;
    private final double vy;
    private final double lengthFraction;
    private final Paint paint;
    private final Stroke stroke;
    private final double head;

    /** Draws x + v·(lengthFraction·shorter side / 1), so ‖v‖ = 1 gives the full length. */
    ArrowAnnotation(double x, double y, double vx, double vy, double lengthFraction, Paint paint, Stroke stroke,
                    double headPixels) {
        this.x = x;
        this.y = y;
        this.vx = vx;
        this.vy = vy;
        this.lengthFraction = lengthFraction;
        this.paint = paint;
        this.stroke = stroke;
        this.head = headPixels;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D area, ValueAxis xAxis, ValueAxis yAxis,
                     int rendererIndex, PlotRenderingInfo info) {
        double px = xAxis.valueToJava2D(x, area, plot.getDomainAxisEdge());
        double py = yAxis.valueToJava2D(y, area, plot.getRangeAxisEdge());
        double full = lengthFraction * Math.min(area.getWidth(), area.getHeight());
        // data → pixel direction: x grows right; y grows up on screen (Java2D y is downwards)
        double ex = px + vx * full, ey = py - vy * full;
        double len = Math.hypot(ex - px, ey - py);
        if (!(len >= 1.0)) return;
        double ux = (ex - px) / len, uy = (ey - py) / len;
        double h = Math.min(head, 0.6 * len);
        double bx = ex - ux * h, by = ey - uy * h;
        g2.setPaint(paint);
        g2.setStroke(stroke);
        g2.draw(new Line2D.Double(px, py, bx, by));
        Path2D.Double tip = new Path2D.Double();
        tip.moveTo(ex, ey);
        tip.lineTo(bx - uy * h * 0.5, by + ux * h * 0.5);
        tip.lineTo(bx + uy * h * 0.5, by - ux * h * 0.5);
        tip.closePath();
        g2.fill(tip);
    }

    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
