package org.grokbench.plot;

import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.TextAnchor;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;

/**
 * A short label (a residue number) placed a fixed number of pixels away from its point, on the
 * side facing away from a centre: around a circle the labels sit outside the ring, clear of the
 * lines joining the points (a negative offset puts them inside, towards the centre). Sizes are in
 * pixels, so labels keep their size when the axes zoom.
 */
final class RadialLabelAnnotation extends AbstractXYAnnotation {
    private final double x;
    private final double y;
    private final double cx;
    private final double cy;
    private final String text;
    private final Font font;
    private final Paint paint;
    private final double offset;

    RadialLabelAnnotation(double x, double y, double cx, double cy, String text, Font font, Paint paint, double offset) {
        this.x = x;
        this.y = y;
        this.cx = cx;
        this.cy = cy;
        this.text = text;
        this.font = font;
        this.paint = paint;
        this.offset = offset;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D area, ValueAxis xAxis, ValueAxis yAxis,
                     int rendererIndex, PlotRenderingInfo info) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) return;
        double px = xAxis.valueToJava2D(x, area, plot.getDomainAxisEdge());
        double py = yAxis.valueToJava2D(y, area, plot.getRangeAxisEdge());
        double pcx = xAxis.valueToJava2D(cx, area, plot.getDomainAxisEdge());
        double pcy = yAxis.valueToJava2D(cy, area, plot.getRangeAxisEdge());
        double dx = px - pcx, dy = py - pcy, len = Math.hypot(dx, dy);
        if (len < 1e-9) {
            dx = 0;
            dy = -1;
        } else {
            dx /= len;
            dy /= len;
        }
        double lx = px + dx * offset, ly = py + dy * offset;
        if (!area.contains(px, py)) return;
        g2.setFont(font);
        g2.setPaint(paint);
        TextUtils.drawAlignedString(text, g2, (float) lx, (float) ly, TextAnchor.CENTER);
    }

    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
