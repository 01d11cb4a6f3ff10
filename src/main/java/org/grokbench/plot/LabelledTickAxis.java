package org.grokbench.plot;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A number axis with ticks only at given positions and with given labels (the frequencies k at the
 * centre of each 2 × 2 block of a similarity matrix). When labels would crowd, every 2nd, 3rd, ...
 * one is kept, always including the first.
 */
final class LabelledTickAxis extends NumberAxis {
    private static final long serialVersionUID = 1L;
    private final double[] positions;
    private final String[] labels;

    LabelledTickAxis(String label, double[] positions, String[] labels) {
        super(label);
        if (positions.length != labels.length) throw new IllegalArgumentException("one label per position");
        this.positions = positions.clone();
        this.labels = labels.clone();
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        List ticks = new ArrayList();
        if (positions.length == 0) return ticks;
        boolean vertical = RectangleEdge.isLeftOrRight(edge);
        double fontSize = getTickLabelFont().getSize2D();
        int longest = 1;
        for (String l : labels) longest = Math.max(longest, l.length());
        double need = vertical ? 1.3 * fontSize : (0.65 * longest + 0.9) * fontSize;
        double span = positions.length > 1 ? Math.abs(positions[positions.length - 1] - positions[0]) / (positions.length - 1) : 1;
        double perPixel = (vertical ? dataArea.getHeight() : dataArea.getWidth()) / getRange().getLength();
        int stride = Math.max(1, (int) Math.ceil(need / Math.max(1e-9, span * perPixel)));
        TextAnchor anchor = vertical
                ? (edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT)
                : (edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
        for (int i = 0; i < positions.length; i += stride) {
            if (!getRange().contains(positions[i])) continue;
            ticks.add(new NumberTick(TickType.MAJOR, positions[i], labels[i], anchor, anchor, 0.0));
        }
        return ticks;
    }
}
