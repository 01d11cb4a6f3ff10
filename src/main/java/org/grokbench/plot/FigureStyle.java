package org.grokbench.plot;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;

/**
 * The one look shared by every figure: white background, fonts readable on a projected slide,
 * thick lines, and one colour per trajectory (trajectory i has the same colour in every figure).
 *
 * <p>{@code scale} multiplies every font size and line width. 1.0 is tuned for a 1600×1000 PNG;
 * the window uses a smaller scale for its panels and a larger one in classroom mode.
 *
 * <p>The palette is Okabe–Ito (readable with the common colour-vision deficiencies), without its
 * yellow, which vanishes on white. Red and green are kept for the normal and tangent parts of an
 * update, so that arrows never share a colour with a trajectory.
 */
public final class FigureStyle {
    /** Trajectory colours, in run order; wraps around after the last one. */
    private static final Color[] PALETTE = {
            new Color(0x0072B2), // blue
            new Color(0xE69F00), // orange
            new Color(0xCC79A7), // reddish purple
            new Color(0x56B4E9), // sky blue
            new Color(0x8C564B), // brown
            new Color(0x7F7F7F), // grey
            new Color(0x17BECF), // cyan
    };

    public static final Color ZERO_LOSS = Color.BLACK;
    public static final Color NORMAL_PART = new Color(0xC0392B);
    public static final Color TANGENT_PART = new Color(0x1E8449);
    public static final Color NORM_CONTOUR = new Color(0x555555);
    public static final Color LEVEL_SET = new Color(0x8A9BB0);
    public static final Color GRID = new Color(0xDDDDDD);
    public static final Color MARKER = new Color(0x444444);
    /** Re F_k and Im F_k of the Fourier features (Okabe–Ito blue and vermillion). */
    public static final Color REAL_PART = new Color(0x0072B2);
    public static final Color IMAG_PART = new Color(0xD55E00);
    /** An edge of a circle plot that does not join neighbours of a perfect circle. */
    public static final Color OUT_OF_ORDER = new Color(0xBBBBBB);

    private static final String FAMILY = Font.SANS_SERIF;
    private static final double MIN_SCALE = 0.25;
    private static final double MAX_SCALE = 4.0;

    private final double scale;

    private FigureStyle(double scale) {
        if (!(scale >= MIN_SCALE && scale <= MAX_SCALE))
            throw new IllegalArgumentException("scale must be in [" + MIN_SCALE + ", " + MAX_SCALE + "], got " + scale);
        this.scale = scale;
    }

    /** Sizes tuned for a 1600×1000 PNG. */
    public static FigureStyle standard() { return new FigureStyle(1.0); }

    /** Everything {@code scale} times larger (fonts and line widths), scale in [0.25, 4]. */
    public static FigureStyle scaled(double scale) { return new FigureStyle(scale); }

    public double scale() { return scale; }

    public static Color trajectoryColor(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    /** The trajectory colour with an alpha in [0, 1] (for the not-yet-reached part of a path). */
    public static Color trajectoryColor(int index, double alpha) {
        Color c = trajectoryColor(index);
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * alpha));
    }

    /**
     * A colour for residue j of p on a colour wheel (hue j/p), so that neighbouring residues have
     * neighbouring hues and the wheel closes at p ≡ 0. Darkened a little to stay readable on white.
     */
    public static Color residueColor(int residue, int p) {
        float hue = (float) Math.floorMod(residue, Math.max(1, p)) / Math.max(1, p);
        return Color.getHSBColor(hue, 0.85f, 0.80f);
    }

    public float px(double base) { return (float) (base * scale); }

    public Font titleFont() { return new Font(FAMILY, Font.BOLD, Math.round(px(30))); }
    public Font subtitleFont() { return new Font(FAMILY, Font.PLAIN, Math.round(px(20))); }
    public Font axisLabelFont() { return new Font(FAMILY, Font.PLAIN, Math.round(px(24))); }
    public Font tickFont() { return new Font(FAMILY, Font.PLAIN, Math.round(px(19))); }
    public Font legendFont() { return new Font(FAMILY, Font.PLAIN, Math.round(px(20))); }
    public Font annotationFont() { return new Font(FAMILY, Font.PLAIN, Math.round(px(17))); }

    /** Main data lines (train loss, trajectories). */
    public Stroke lineStroke() { return new BasicStroke(px(3.5), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND); }

    /** Secondary data lines (test loss): same width, dashed. */
    public Stroke dashedStroke() {
        return new BasicStroke(px(3.5), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {px(12), px(7)}, 0f);
    }

    /** The zero-loss set Z: the thickest line of the parameter plane. */
    public Stroke zeroLossStroke() { return new BasicStroke(px(5), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND); }

    /** Reference lines (norm contours, step marker). */
    public Stroke contourStroke() {
        return new BasicStroke(px(1.6), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {px(8), px(6)}, 0f);
    }

    /** Loss level sets, thin and solid. */
    public Stroke levelStroke() { return new BasicStroke(px(1.2)); }

    public Stroke arrowStroke() { return new BasicStroke(px(4), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND); }

    /** Applies fonts, background and legend look to a whole chart (call after titles are added). */
    public JFreeChart apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(px(8), px(8), px(8), px(16)));
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(titleFont());
            chart.getTitle().setPaint(Color.BLACK);
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            Title t = chart.getSubtitle(i);
            if (t instanceof TextTitle tt) {
                tt.setFont(subtitleFont());
                tt.setPaint(new Color(0x333333));
            } else if (t instanceof LegendTitle lt) {
                styleLegend(lt);
            }
        }
        return chart;
    }

    public void styleLegend(LegendTitle legend) {
        legend.setItemFont(legendFont());
        legend.setBackgroundPaint(Color.WHITE);
        legend.setFrame(BlockBorder.NONE);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemLabelPadding(new RectangleInsets(px(2), px(4), px(2), px(14)));
        legend.setMargin(new RectangleInsets(px(6), 0, 0, 0));
    }

    /** White plot area, light grid, styled axes. */
    public void styleXYPlot(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
        plot.setOutlineStroke(new BasicStroke(px(1)));
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(px(1)));
        plot.setRangeGridlineStroke(new BasicStroke(px(1)));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        for (int i = 0; i < plot.getDomainAxisCount(); i++) styleAxis(plot.getDomainAxis(i));
        for (int i = 0; i < plot.getRangeAxisCount(); i++) styleAxis(plot.getRangeAxis(i));
    }

    public void styleAxis(ValueAxis axis) {
        if (axis == null) return;
        axis.setLabelFont(axisLabelFont());
        axis.setTickLabelFont(tickFont());
        axis.setLabelPaint(Color.BLACK);
        axis.setTickLabelPaint(Color.BLACK);
        axis.setAxisLinePaint(Color.GRAY);
        axis.setTickMarkPaint(Color.GRAY);
        axis.setTickMarkStroke(new BasicStroke(px(1)));
        axis.setTickMarkOutsideLength(px(5));
    }

    /**
     * A colour bar on the right of a chart for a shading {@code scale} read on {@code axis} (styled
     * here); {@code verticalMargin} leaves room above and below (in unscaled pixels).
     */
    public PaintScaleLegend colourBar(PaintScale scale, NumberAxis axis, float verticalMargin, float leftMargin) {
        styleAxis(axis);
        PaintScaleLegend bar = new PaintScaleLegend(scale, axis);
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        bar.setStripWidth(px(18));
        bar.setStripOutlineVisible(true);
        bar.setSubdivisionCount(128);
        bar.setMargin(new RectangleInsets(px(verticalMargin), px(leftMargin), px(verticalMargin), px(4)));
        bar.setFrame(BlockBorder.NONE);
        bar.setBackgroundPaint(Color.WHITE);
        return bar;
    }
}
