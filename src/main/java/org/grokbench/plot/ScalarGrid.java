package org.grokbench.plot;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import java.awt.image.BufferedImage;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoublePredicate;
import java.util.function.DoubleToIntFunction;

/**
 * A scalar field over a box in the plane, sampled once for a shaded map with level sets: the
 * colour of every cell centre as an image, and the value at every grid node for marching squares.
 * Shared by the parameter plane's loss background ({@link PlaneLayer}) and the optimizer race's
 * map ({@link RaceMapLayer}). Immutable once sampled; NaN values get the shading's NaN colour and
 * break level sets locally.
 */
final class ScalarGrid {
    private final int cells;
    private final BufferedImage image;
    private final double[] nodes;   // (cells+1)² values, row j = y index, j = 0 at ymin

    private ScalarGrid(int cells, BufferedImage image, double[] nodes) {
        this.cells = cells;
        this.image = image;
        this.nodes = nodes;
    }

    /**
     * Samples {@code field(x, y)} on {@code cells} × {@code cells} cells over the box: colours at
     * cell centres ({@code rgb} maps a value to packed RGB), values at the (cells + 1)² nodes.
     */
    static ScalarGrid sample(DoubleBinaryOperator field, double xmin, double xmax, double ymin, double ymax, int cells,
                             DoubleToIntFunction rgb) {
        double dx = (xmax - xmin) / cells, dy = (ymax - ymin) / cells;
        BufferedImage image = new BufferedImage(cells, cells, BufferedImage.TYPE_INT_RGB);
        for (int j = 0; j < cells; j++) {
            double y = ymin + (j + 0.5) * dy;
            for (int i = 0; i < cells; i++) image.setRGB(i, cells - 1 - j, rgb.applyAsInt(field.applyAsDouble(xmin + (i + 0.5) * dx, y)));
        }
        double[] nodes = new double[(cells + 1) * (cells + 1)];
        for (int j = 0; j <= cells; j++)
            for (int i = 0; i <= cells; i++)
                nodes[j * (cells + 1) + i] = field.applyAsDouble(xmin + i * dx, ymin + j * dy);
        return new ScalarGrid(cells, image, nodes);
    }

    /** {lowest, highest} finite node value; {+∞, −∞} when there is none. */
    double[] range() {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : nodes) {
            if (!Double.isFinite(v)) continue;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new double[] {lo, hi};
    }

    /**
     * Where the axes' current ranges lie in pixels: {px0, px1, py0, py1}, (px0, py0) at the lower
     * bounds. The grid of a layer drawn for those ranges spans exactly this box.
     */
    static double[] pixelBox(XYPlot plot, Rectangle2D area, ValueAxis xAxis, ValueAxis yAxis) {
        RectangleEdge xe = plot.getDomainAxisEdge(), ye = plot.getRangeAxisEdge();
        return new double[] {xAxis.valueToJava2D(xAxis.getLowerBound(), area, xe),
                xAxis.valueToJava2D(xAxis.getUpperBound(), area, xe),
                yAxis.valueToJava2D(yAxis.getLowerBound(), area, ye),
                yAxis.valueToJava2D(yAxis.getUpperBound(), area, ye)};
    }

    /** Draws the shading stretched over a {@link #pixelBox}, smoothed. */
    void drawImage(Graphics2D g2, double[] box) {
        double px0 = box[0], px1 = box[1], py0 = box[2], py1 = box[3];
        Object oldInterp = g2.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g2.drawImage(image, (int) Math.round(Math.min(px0, px1)), (int) Math.round(Math.min(py0, py1)),
                (int) Math.round(Math.abs(px1 - px0)), (int) Math.round(Math.abs(py1 - py0)), null);
        if (oldInterp != null) g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, oldInterp);
    }

    /**
     * Adds the level set {value = level} to {@code path} in pixels ({@link LevelSets}; a saddle cell
     * is resolved by the mean of its corners), the box spanning px0..px1 and py0..py1.
     */
    void addLevelSet(double level, double px0, double px1, double py0, double py1, Path2D.Double path) {
        LevelSets.trace(nodes, cells + 1, cells + 1, level, px0, px1, py0, py1, path);
    }

    /**
     * The level sets at {@code first}, {@code first + step}, ... up to {@code last} in one path;
     * only levels that {@code keep} accepts (all when null).
     */
    Path2D.Double levelSets(double first, double last, double step, double[] box, DoublePredicate keep) {
        Path2D.Double path = new Path2D.Double();
        for (int k = 0; first + k * step <= last + 1e-9 * step; k++) {
            double level = first + k * step;
            if (keep != null && !keep.test(level)) continue;
            addLevelSet(level, box[0], box[1], box[2], box[3], path);
        }
        return path;
    }
}
