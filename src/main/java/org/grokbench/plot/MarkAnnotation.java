package org.grokbench.plot;

import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;

/**
 * A round mark of a fixed size in pixels at a point given in data coordinates (an
 * {@code XYShapeAnnotation} would scale its shape with the axes). Filled for "the state at the
 * selected step", hollow for "the start".
 */
final class MarkAnnotation extends AbstractXYAnnotation {
    private final double x;
    private final double y;
    private final double radius;
    private final Paint fill;
    private final Paint outline;
    private final Stroke stroke;

    MarkAnnotation(double x, double y, double radius, Paint fill, Paint outline, Stroke stroke) {
        this.x = x;
        this.y = y;
        this.radius = radius;
        this.fill = fill;
        this.outline = outline;
        this.stroke = stroke;
    }

    static MarkAnnotation hollow(double x, double y, Color color, FigureStyle s) {
        return new MarkAnnotation(x, y, s.px(9), Color.WHITE, color, s.lineStroke());
    }

    static MarkAnnotation filled(double x, double y, Color color, FigureStyle s) {
        return new MarkAnnotation(x, y, s.px(10), color, Color.BLACK, new java.awt.BasicStroke(s.px(2)));
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D area, ValueAxis xAxis, ValueAxis yAxis,
                     int rendererIndex, PlotRenderingInfo info) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) return;
        double px = xAxis.valueToJava2D(x, area, plot.getDomainAxisEdge());
        double py = yAxis.valueToJava2D(y, area, plot.getRangeAxisEdge());
        if (!area.contains(px, py)) return;
        Ellipse2D dot = new Ellipse2D.Double(px - radius, py - radius, 2 * radius, 2 * radius);
        g2.setPaint(fill);
        g2.fill(dot);
        g2.setPaint(outline);
        g2.setStroke(stroke);
        g2.draw(dot);
    }

    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
