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
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.ui.TextAnchor;
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
import java.util.Set;

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

    /** Cells not started yet, cells training now, and cells that could not run. */
    public static final Color PENDING = new Color(0xEEEEEE), RUNNING = new Color(0x9E9E9E), FAILED = new Color(0x333333);
    /** Their codes in the figure's z values (the phases use their ordinals 0-3). */
    private static final int PENDING_Z = -1, RUNNING_Z = 4, FAILED_Z = 5;
    /** Width and height of a cell's block, in cells. */
    static final double CELL_FILL = 0.94;

    /** The finished diagram (or the cells so far), as the CLI writes it: unfinished cells pending. */
    public static JFreeChart create(PhaseDiagram grid, Collection<CellResult> cells, FigureOptions o) {
        return create(grid, cells, Set.of(), o);
    }

    /**
     * The diagram while it fills in: finished cells in their phase's colour with its letter (C, G,
     * M, X as the CLI prints them), the cells training now ({@code running}, keys of
     * {@link CellResult#key(int, int)}) grey, the others pending (light grey), each state counted in
     * the legend.
     */
    public static JFreeChart create(PhaseDiagram grid, Collection<CellResult> cells, Set<String> running, FigureOptions o) {
        FigureStyle s = o.style();
        int total = grid.cellCount();
        double[] xs = new double[total], ys = new double[total], zs = new double[total];
        Map<LearningPhase, Integer> counts = new EnumMap<>(LearningPhase.class);
        Map<String, CellResult> byKey = new java.util.HashMap<>();
        for (CellResult c : cells) byKey.put(c.key(), c);
        int n = 0, finished = 0, runningNow = 0, failed = 0, k = 0;
        boolean annotate = grid.columns() <= SweepHeatmapFigure.MAX_ANNOTATED_COLUMNS && grid.rows() <= SweepHeatmapFigure.MAX_ANNOTATED_COLUMNS;
        List<XYTextAnnotation> notes = new java.util.ArrayList<>();
        for (int j = 0; j < grid.rows(); j++)
            for (int i = 0; i < grid.columns(); i++) {
                CellResult c = byKey.get(CellResult.key(i, j));
                LearningPhase p = c == null ? null : PhaseDiagram.phaseOf(c);
                int z;
                String text = null;
                if (c != null && p != null) {
                    z = p.ordinal();
                    text = letter(p);
                    counts.merge(p, 1, Integer::sum);
                    finished++;
                } else if (c != null) {
                    z = FAILED_Z;
                    text = "!";
                    failed++;
                } else if (running.contains(CellResult.key(i, j))) {
                    z = RUNNING_Z;
                    text = "…";
                    runningNow++;
                } else {
                    z = PENDING_Z;
                }
                xs[k] = i;
                ys[k] = j;
                zs[k++] = z;
                if (annotate && text != null) {
                    XYTextAnnotation a = new XYTextAnnotation(text, i, j);
                    a.setFont(s.annotationFont());
                    a.setTextAnchor(TextAnchor.CENTER);
                    a.setPaint(z == LearningPhase.GROKKING.ordinal() || z == LearningPhase.CONFUSION.ordinal() ? Color.BLACK : Color.WHITE);
                    notes.add(a);
                }
            }
        n = finished;
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("phase", new double[][] {xs, ys, zs});
        LookupPaintScale scale = new LookupPaintScale(PENDING_Z - 0.5, FAILED_Z + 0.5, Color.WHITE);
        scale.add(PENDING_Z - 0.5, PENDING);
        for (LearningPhase p : LearningPhase.values()) scale.add(p.ordinal() - 0.5, COLOURS.get(p));
        scale.add(RUNNING_Z - 0.5, RUNNING);
        scale.add(FAILED_Z - 0.5, FAILED);
        XYBlockRenderer r = new XYBlockRenderer();
        r.setPaintScale(scale);
        // a little smaller than a cell: the white gaps draw the grid, so pending cells show as cells
        r.setBlockWidth(CELL_FILL);
        r.setBlockHeight(CELL_FILL);
        for (XYTextAnnotation a : notes) r.addAnnotation(a);
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
        for (LearningPhase p : LearningPhase.values())
            legend.add(item(letter(p) + "  " + p.label() + " (" + counts.getOrDefault(p, 0) + ")", COLOURS.get(p), s));
        if (runningNow > 0 || finished + failed < total) {
            legend.add(item("…  running (" + runningNow + ")", RUNNING, s));
            legend.add(item("    pending (" + (total - finished - failed - runningNow) + ")", PENDING, s));
        }
        if (failed > 0) legend.add(item("!  failed (" + failed + ")", FAILED, s));
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

    /** The letter of a phase in the cells and the CLI's summary: C, G, M, or X for confusion. */
    public static String letter(LearningPhase p) {
        return p == LearningPhase.CONFUSION ? "X" : String.valueOf(Character.toUpperCase(p.label().charAt(0)));
    }

    private static LegendItem item(String label, Color colour, FigureStyle s) {
        LegendItem item = new LegendItem(label, null, null, null, new Rectangle(-7, -7, 14, 14), colour,
                new java.awt.BasicStroke(1f), Color.GRAY);
        item.setLabelFont(s.legendFont());
        return item;
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
