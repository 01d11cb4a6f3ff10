package org.grokbench.plot;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A base-10 log axis whose ticks sit on whole powers of ten, labelled "10⁻³", every 1, 2, 5, 10,
 * ... decades as space allows (JFreeChart's LogAxis also picks fractional powers such as 10^0.2).
 * When the range holds fewer than two powers of ten, ticks sit at 1, 2 and 5 times the powers of
 * ten with plain labels (200, 500, 1,000); with fewer than two of those, at LogAxis's own ticks.
 */
final class DecadeLogAxis extends LogAxis {
    private static final long serialVersionUID = 1L;
    private static final int[] STEPS = {1, 2, 5, 10, 20, 50, 100};

    DecadeLogAxis(String label) {
        super(label);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        double lo = calculateLog(getLowerBound()), hi = calculateLog(getUpperBound());
        int first = (int) Math.ceil(lo - 1e-9), last = (int) Math.floor(hi + 1e-9);
        if (last - first < 1) {
            List mantissa = mantissaTicks(lo, hi, edge);
            return mantissa != null ? mantissa : super.refreshTicks(g2, state, dataArea, edge);
        }
        boolean vertical = RectangleEdge.isLeftOrRight(edge);
        double length = vertical ? dataArea.getHeight() : dataArea.getWidth();
        double fontSize = getTickLabelFont().getSize2D();
        double perLabel = vertical ? 2.2 * fontSize : 4.5 * fontSize;
        int maxTicks = Math.max(2, (int) (length / perLabel));
        int step = STEPS[STEPS.length - 1];
        for (int s : STEPS) {
            if ((last - first) / s + 1 <= maxTicks) {
                step = s;
                break;
            }
        }
        TextAnchor anchor = vertical
                ? (edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT)
                : (edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
        List ticks = new ArrayList();
        for (int k = Math.floorDiv(first + step - 1, step) * step; k <= last; k += step) {
            ticks.add(new NumberTick(TickType.MAJOR, calculateValue(k), "10" + PowerOfTenFormat.superscript(k),
                    anchor, anchor, 0.0));
        }
        return ticks;
    }

    /**
     * For a range of less than two powers of ten: ticks at 1, 2 and 5 times the powers of ten,
     * labelled as plain numbers (200, 500, 1,000, 2,000), or null when fewer than two fall in range.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private List mantissaTicks(double lo, double hi, RectangleEdge edge) {
        boolean vertical = RectangleEdge.isLeftOrRight(edge);
        TextAnchor anchor = vertical
                ? (edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT)
                : (edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance();
        format.setMaximumFractionDigits(12);
        List ticks = new ArrayList();
        for (int k = (int) Math.floor(lo) - 1; k <= (int) Math.ceil(hi); k++) {
            for (int m : new int[] {1, 2, 5}) {
                double v = m * Math.pow(10, k);
                double lv = Math.log10(v);
                if (lv < lo - 1e-9 || lv > hi + 1e-9) continue;
                ticks.add(new NumberTick(TickType.MAJOR, v, format.format(v), anchor, anchor, 0.0));
            }
        }
        return ticks.size() >= 2 ? ticks : null;
    }
}
