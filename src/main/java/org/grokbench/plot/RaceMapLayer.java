package org.grokbench.plot;

import org.grokbench.race.TestFunction;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Rectangle2D;

/**
 * The background of the race map: a test function shaded in viridis (dark = low) with its level
 * sets every {@code levelStep}, sampled for whatever range the axes show when drawn (a zoom in the
 * window samples again). Not thread-safe (keeps the last grid); one chart is drawn by one thread.
 */
final class RaceMapLayer extends AbstractXYAnnotation {
    private static final int CELLS = 240;
    /** Level sets on the dark map: light, translucent. */
    private static final Color LEVEL = new Color(255, 255, 255, 110);

    private final TestFunction function;
    private final ViridisScale scale;
    private final double levelStep;
    private final FigureStyle style;
    private Rectangle2D sampled;
    private ScalarGrid grid;

    RaceMapLayer(TestFunction function, ViridisScale scale, double levelStep, FigureStyle style) {
        this.function = function;
        this.scale = scale;
        this.levelStep = levelStep;
        this.style = style;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D area, ValueAxis xAxis, ValueAxis yAxis,
                     int rendererIndex, PlotRenderingInfo info) {
        double xmin = xAxis.getLowerBound(), xmax = xAxis.getUpperBound();
        double ymin = yAxis.getLowerBound(), ymax = yAxis.getUpperBound();
        Rectangle2D box = new Rectangle2D.Double(xmin, ymin, xmax - xmin, ymax - ymin);
        if (!box.equals(sampled)) {
            double[] p = new double[2];
            grid = ScalarGrid.sample((x, y) -> {
                p[0] = x;
                p[1] = y;
                return function.value(p);
            }, xmin, xmax, ymin, ymax, CELLS, scale::rgb);
            sampled = box;
        }
        double[] pixels = ScalarGrid.pixelBox(plot, area, xAxis, yAxis);
        Shape oldClip = g2.getClip();
        Stroke oldStroke = g2.getStroke();
        g2.clip(area);
        grid.drawImage(g2, pixels);
        double[] range = grid.range();
        if (range[1] > range[0]) {
            double first = Math.ceil(range[0] / levelStep) * levelStep;
            g2.setPaint(LEVEL);
            g2.setStroke(style.levelStroke());
            g2.draw(grid.levelSets(first, range[1], levelStep, pixels, null));
        }
        g2.setStroke(oldStroke);
        g2.setClip(oldClip);
    }

    // Annotations are compared by identity: two layers are never interchangeable.
    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
