package org.grokbench.plot;

import org.grokbench.representation.LearningPhase;
import org.grokbench.representation.PhaseDiagram;
import org.grokbench.sweep.CellResult;
import org.grokbench.sweep.SweepParameter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.jfree.data.xy.DefaultXYZDataset;

import java.awt.Color;
import java.awt.Rectangle;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The phase diagram of Liu et al. 2022, Fig. 6: one block per cell of the grid, coloured by its
 * phase of App. A, Table 1, with a legend of the four phases and log-scale (powers of ten) axis
 * labels where the axis is log spaced. Cells not finished yet stay white. AWT only.
 */
public final class PhaseDiagramFigure {
    private PhaseDiagramFigure() {}

    /** Four colours told apart also in grey and by colour-blind readers (Okabe-Ito). */
    public static final Map<LearningPhase, Color> COLOURS = new EnumMap<>(Map.of(
            LearningPhase.COMPREHENSION, new Color(0x009E73),
            LearningPhase.GROKKING, new Color(0xE69F00),
            LearningPhase.MEMORIZATION, new Color(0x0072B2),
            LearningPhase.CONFUSION, new Color(0xCC79A7)));

    public static JFreeChart create(PhaseDiagram grid, Collection<CellResult> cells, FigureOptions o) {
        FigureStyle s = o.style();
        int n = 0;
        double[] xs = new double[cells.size()], ys = new double[cells.size()], zs = new double[cells.size()];
        Map<LearningPhase, Integer> counts = new EnumMap<>(LearningPhase.class);
        for (CellResult c : cells) {
            LearningPhase p = PhaseDiagram.phaseOf(c);
            if (p == null) continue;
            xs[n] = c.i();
            ys[n] = c.j();
            zs[n++] = p.ordinal();
            counts.merge(p, 1, Integer::sum);
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("phase", new double[][] {java.util.Arrays.copyOf(xs, n), java.util.Arrays.copyOf(ys, n), java.util.Arrays.copyOf(zs, n)});
        LookupPaintScale scale = new LookupPaintScale(-0.5, LearningPhase.values().length - 0.5, Color.WHITE);
        for (LearningPhase p : LearningPhase.values()) scale.add(p.ordinal() - 0.5, COLOURS.get(p));
        XYBlockRenderer r = new XYBlockRenderer();
        r.setPaintScale(scale);
        r.setBlockWidth(1);
        r.setBlockHeight(1);
        NumberAxis x = axis(grid.xParameter().words(), grid.xs());
        NumberAxis y = axis(grid.yParameter().words(), grid.ys());
        for (NumberAxis a : new NumberAxis[] {x, y}) {
            a.setAutoRangeIncludesZero(false);
            s.styleAxis(a);
        }
        x.setRange(new Range(-0.5, grid.columns() - 0.5));
        y.setRange(new Range(-0.5, grid.rows() - 0.5));
        XYPlot plot = new XYPlot(data, x, y, r);
        s.styleXYPlot(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setBackgroundPaint(Color.WHITE);
        LegendItemCollection legend = new LegendItemCollection();
        for (LearningPhase p : LearningPhase.values()) {
            LegendItem item = new LegendItem(p.label() + " (" + counts.getOrDefault(p, 0) + ")", null, null, null,
                    new Rectangle(-6, -6, 12, 12), COLOURS.get(p));
            item.setLabelFont(s.legendFont());
            legend.add(item);
        }
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart("Phase diagram: " + grid.xParameter().words() + " × " + grid.yParameter().words(),
                s.titleFont(), plot, false);
        LegendTitle lt = new LegendTitle(plot);
        lt.setPosition(RectangleEdge.RIGHT);
        lt.setItemFont(s.legendFont());
        chart.addSubtitle(lt);
        if (o.caption() != null && !o.caption().isBlank()) chart.addSubtitle(new TextTitle(o.caption()));
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "App. A Table 1: %.0f %% train / %.0f %% validation within %d steps, delay < %d steps · %d of %d cells",
                100 * grid.criteria().trainThreshold(), 100 * grid.criteria().valThreshold(), grid.criteria().budget(),
                grid.criteria().maxDelay(), n, grid.cellCount())));
        return s.apply(chart);
    }

    private static NumberAxis axis(String words, List<Double> values) {
        boolean log = PhaseDiagram.logSpaced(values);
        double[] at = new double[values.size()];
        String[] labels = new String[values.size()];
        for (int i = 0; i < values.size(); i++) {
            at[i] = i;
            labels[i] = log ? SweepHeatmapFigure.powerOfTen(values.get(i)) : SweepParameter.fmt(values.get(i));
        }
        return new LabelledTickAxis(words + (log ? " (log scale)" : ""), at, labels);
    }
}
