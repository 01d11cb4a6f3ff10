package org.grokbench.plot;

import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.Range;
import org.jfree.data.xy.XYDataset;

import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;

/**
 * An XY plot that draws one data unit as many pixels horizontally as vertically, so circles of
 * equal norm stay round and a normal to Z looks normal. Before each drawing it widens the axis
 * range that is too short for the data area's shape, around the requested box. A zoom or pan in a
 * viewer becomes the new requested box; "restore auto bounds" (zoom factor 0) returns to the
 * original box.
 */
final class EqualAspectXYPlot extends org.jfree.chart.plot.XYPlot {
    private final Range initialX;
    private final Range initialY;
    private Range requestedX;
    private Range requestedY;
    private Range shownX;
    private Range shownY;

    EqualAspectXYPlot(XYDataset data, ValueAxis x, ValueAxis y, XYItemRenderer r, Range boxX, Range boxY) {
        super(data, x, y, r);
        this.initialX = boxX;
        this.initialY = boxY;
        this.requestedX = boxX;
        this.requestedY = boxY;
        // Ranges set on the axes before the first drawing (a viewer restoring its zoom) differ
        // from these and become the requested box.
        this.shownX = boxX;
        this.shownY = boxY;
        x.setRange(boxX, true, false);
        y.setRange(boxY, true, false);
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, PlotState parentState, PlotRenderingInfo info) {
        ValueAxis x = getDomainAxis(), y = getRangeAxis();
        // Someone else (a zoom, a pan) changed the ranges since we last set them: adopt them.
        if (!x.getRange().equals(shownX) || !y.getRange().equals(shownY)) {
            requestedX = x.getRange();
            requestedY = y.getRange();
        }
        for (int pass = 0; pass < 2; pass++) fit(g2, area);
        super.draw(g2, area, anchor, parentState, info);
    }

    private void fit(Graphics2D g2, Rectangle2D area) {
        Rectangle2D a = (Rectangle2D) area.clone();
        getInsets().trim(a);
        AxisSpace space = calculateAxisSpace(g2, a);
        Rectangle2D data = space.shrink(a, null);
        getAxisOffset().trim(data);
        if (data.getWidth() <= 1 || data.getHeight() <= 1) return;
        double perPixelX = requestedX.getLength() / data.getWidth();
        double perPixelY = requestedY.getLength() / data.getHeight();
        Range nx = requestedX, ny = requestedY;
        if (perPixelX > perPixelY) {
            double half = perPixelX * data.getHeight() / 2;
            ny = new Range(requestedY.getCentralValue() - half, requestedY.getCentralValue() + half);
        } else {
            double half = perPixelY * data.getWidth() / 2;
            nx = new Range(requestedX.getCentralValue() - half, requestedX.getCentralValue() + half);
        }
        getDomainAxis().setRange(nx, true, false);
        getRangeAxis().setRange(ny, true, false);
        // One tick unit for both axes (same scale on both), coarse enough for either.
        double unit = Math.max(tickUnit(getDomainAxis(), nx, data.getWidth() / 4.5),
                tickUnit(getRangeAxis(), ny, data.getHeight() / 2.4));
        for (ValueAxis axis : new ValueAxis[] {getDomainAxis(), getRangeAxis()})
            if (axis instanceof NumberAxis n) n.setTickUnit(new NumberTickUnit(unit), false, true);
        shownX = nx;
        shownY = ny;
    }

    /** A 1-2-2.5-5 tick unit giving about one label per {@code pixelsPerFont} / font size pixels, at most 10. */
    private static double tickUnit(ValueAxis axis, Range range, double pixelsPerFont) {
        double maxTicks = Math.max(2, Math.min(10, pixelsPerFont / axis.getTickLabelFont().getSize2D()));
        return niceCeil(range.getLength() / maxTicks);
    }

    /** The smallest of 1, 2, 2.5, 5 times a power of ten that is at least {@code raw}. */
    static double niceCeil(double raw) {
        if (!(raw > 0) || !Double.isFinite(raw)) return 1;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) if (m * p >= raw * (1 - 1e-9)) return m * p;
        return 10 * p;
    }

    @Override
    public void zoomDomainAxes(double factor, PlotRenderingInfo info, Point2D source, boolean useAnchor) {
        if (factor <= 0) restore(); else super.zoomDomainAxes(factor, info, source, useAnchor);
    }

    @Override
    public void zoomRangeAxes(double factor, PlotRenderingInfo info, Point2D source, boolean useAnchor) {
        if (factor <= 0) restore(); else super.zoomRangeAxes(factor, info, source, useAnchor);
    }

    private void restore() {
        requestedX = initialX;
        requestedY = initialY;
        shownX = initialX;
        shownY = initialY;
        // notify, so that a viewer listening to the axes learns that the zoom is gone
        getDomainAxis().setRange(initialX, true, true);
        getRangeAxis().setRange(initialY, true, true);
    }
}
