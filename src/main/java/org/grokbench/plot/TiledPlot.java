package org.grokbench.plot;

import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.event.PlotChangeEvent;
import org.jfree.chart.event.PlotChangeListener;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.TextAnchor;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Several independent plots in one chart, each in its own rectangle with an optional title line
 * above it: the small multiples of the Fourier figures (JFreeChart's combined plots share one
 * axis, these share none). Where each tile goes is up to a {@link Layout}; a title too wide for
 * its tile is drawn in a smaller font (down to 60 %), then cut with an ellipsis.
 *
 * <p>Being one {@link Plot}, the whole grid is one {@code JFreeChart}: the CLI saves it as a PNG
 * and the window shows it in a {@code ChartViewer}, like every other figure.
 */
final class TiledPlot extends Plot implements PlotChangeListener {
    private static final long serialVersionUID = 1L;

    /** Places {@code count} tiles in {@code area} (title lines included); returns one rectangle per tile. */
    @FunctionalInterface
    interface Layout {
        List<Rectangle2D> place(Rectangle2D area, int count);
    }

    /** One tile: its plot, and a title (null for none) in the given font and paint. */
    record Tile(Plot plot, String title, Font font, Paint paint) {}

    private final List<Tile> tiles;
    private final Layout layout;
    private LegendItemCollection legend;

    TiledPlot(List<Tile> tiles, Layout layout) {
        this.tiles = List.copyOf(tiles);
        this.layout = layout;
        for (Tile t : this.tiles) {
            t.plot().setParent(this);
            t.plot().addChangeListener(this);
        }
        setOutlineVisible(false);
    }

    /** {@code rows} × {@code cols} equal cells in reading order, {@code gap} pixels apart. */
    static Layout grid(int rows, int cols, double gap) {
        return (area, count) -> {
            List<Rectangle2D> out = new ArrayList<>(count);
            double w = (area.getWidth() - (cols - 1) * gap) / cols;
            double h = (area.getHeight() - (rows - 1) * gap) / rows;
            for (int i = 0; i < count; i++) {
                int r = i / cols, c = i % cols;
                out.add(new Rectangle2D.Double(area.getX() + c * (w + gap), area.getY() + r * (h + gap),
                        Math.max(1, w), Math.max(1, h)));
            }
            return out;
        };
    }

    List<Tile> tiles() { return tiles; }

    /** The plot of tile {@code i}. */
    Plot tile(int i) { return tiles.get(i).plot(); }

    void setFixedLegendItems(LegendItemCollection items) {
        this.legend = items;
        fireChangeEvent();
    }

    @Override
    public LegendItemCollection getLegendItems() {
        return legend != null ? legend : new LegendItemCollection();
    }

    @Override
    public String getPlotType() { return "Tiled"; }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, PlotState parentState, PlotRenderingInfo info) {
        if (info != null) {
            info.setPlotArea(area);
            info.setDataArea(area);
        }
        Rectangle2D inner = (Rectangle2D) area.clone();
        getInsets().trim(inner);
        drawBackground(g2, inner);
        List<Rectangle2D> cells = layout.place(inner, tiles.size());
        for (int i = 0; i < tiles.size(); i++) {
            Tile t = tiles.get(i);
            Rectangle2D cell = cells.get(i);
            Rectangle2D plotArea = cell;
            if (t.title() != null && !t.title().isEmpty()) {
                double used = drawTitle(g2, t, cell);
                plotArea = new Rectangle2D.Double(cell.getX(), cell.getY() + used, cell.getWidth(),
                        Math.max(1, cell.getHeight() - used));
            }
            PlotRenderingInfo sub = null;
            if (info != null) {
                sub = new PlotRenderingInfo(info.getOwner());
                info.addSubplotInfo(sub);
            }
            t.plot().draw(g2, plotArea, anchor, parentState, sub);
        }
    }

    /** Draws a tile's title centred at the top of its cell; returns the height it took. */
    private static double drawTitle(Graphics2D g2, Tile t, Rectangle2D cell) {
        Font font = t.font();
        FontMetrics fm = g2.getFontMetrics(font);
        String text = t.title();
        double width = cell.getWidth();
        if (fm.stringWidth(text) > width) {
            float size = (float) Math.max(font.getSize2D() * 0.6, font.getSize2D() * width / fm.stringWidth(text));
            font = font.deriveFont(size);
            fm = g2.getFontMetrics(font);
            while (text.length() > 2 && fm.stringWidth(text) > width) text = text.substring(0, text.length() - 2) + "…";
        }
        g2.setFont(font);
        g2.setPaint(t.paint());
        double height = fm.getHeight() * 1.25;
        TextUtils.drawAlignedString(text, g2, (float) cell.getCenterX(), (float) (cell.getY() + height / 2),
                TextAnchor.CENTER);
        return height;
    }

    @Override
    public void plotChanged(PlotChangeEvent event) {
        fireChangeEvent();
    }
}
