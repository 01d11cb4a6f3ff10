package org.grokbench.plot;

import org.grokbench.analysis.TrajectoryPca;
import org.grokbench.experiment.HistoryView;
import org.grokbench.experiment.TrajectorySnapshot;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.DefaultXYDataset;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Locale;

/**
 * The path of one trajectory in the plane of its first two principal components (predicting-
 * grokking App. G.4, Fig. 12; Li et al. 2018): α(t), β(t) = projections of θ_t − θ_T on the
 * leading directions of the PCA of [θ_t − θ_T], with the share of the variance each explains. The
 * paper finds > 98 % in the first two modes: training moves in a low-dimensional subspace. Drawn
 * for the selected run; each run has its own components, so paths of several runs would not share
 * axes.
 */
public final class TrajectoryPcaFigure {
    private TrajectoryPcaFigure() {}

    public static JFreeChart create(List<TrajectorySnapshot> runs, FigureOptions o) {
        String title = "Trajectory in its first two principal components";
        if (runs.isEmpty()) return FourierCirclesFigure.empty(title, "no trajectory", o);
        int sel = Math.max(0, Math.min(runs.size() - 1, o.selectedRun()));
        TrajectorySnapshot t = runs.get(sel);
        HistoryView h = t.history();
        int n = h.parameterRows();
        if (n < 3) return FourierCirclesFigure.empty(title, "needs at least 3 recorded parameter rows (has " + n + ")", o);
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) rows[i] = h.parameterRow(i);
        TrajectoryPca pca = new TrajectoryPca(rows);
        double[] a = pca.alpha(), b = pca.beta();

        FigureStyle s = o.style();
        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDefaultSeriesVisibleInLegend(false);
        Color colour = FigureStyle.trajectoryColor(sel);
        data.addSeries("path", new double[][] {a, b});
        renderer.setSeriesPaint(0, colour);
        renderer.setSeriesStroke(0, s.lineStroke());
        double r = s.px(8);
        addPoint(data, renderer, "start", a[0], b[0], Color.WHITE, r, false, colour);
        addPoint(data, renderer, "end", a[n - 1], b[n - 1], Color.BLACK, r, true, Color.BLACK);
        if (o.hasStep()) {
            int at = rowAtOrBefore(h, o.step());
            addPoint(data, renderer, "at", a[at], b[at], FigureStyle.MARKER, r * 1.3, true, FigureStyle.MARKER);
        }
        NumberAxis x = StepCharts.linearValueAxis("PC1 (" + percent(pca.firstRatio()) + " of the variance)", s);
        NumberAxis y = StepCharts.linearValueAxis("PC2 (" + percent(pca.secondRatio()) + ")", s);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        s.styleXYPlot(plot);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(StepCharts.dotItem("θ₀ (step 0)", colour, false, s));
        legend.add(StepCharts.dotItem("θ_T (step " + h.parameterStep(n - 1) + ")", Color.BLACK, true, s));
        if (o.hasStep()) legend.add(StepCharts.dotItem("timeline step", FigureStyle.MARKER, true, s));
        plot.setFixedLegendItems(legend);
        JFreeChart chart = StepCharts.chart(title, plot, o);
        chart.addSubtitle(new TextTitle("\u2018" + t.label() + "\u2019 · " + n + " recorded θ · the first two components explain "
                + percent(pca.firstRatio() + pca.secondRatio()) + " (the paper: more than 98 %)", s.subtitleFont()));
        return chart;
    }

    /** The parameter row recorded at or before {@code step} (0 if none). */
    private static int rowAtOrBefore(HistoryView h, long step) {
        int best = 0;
        for (int i = 0; i < h.parameterRows(); i++) if (h.parameterStep(i) <= step) best = i;
        return best;
    }

    static void addPoint(DefaultXYDataset data, XYLineAndShapeRenderer renderer, String key, double x, double y,
                                 Color fill, double r, boolean filled, Color outline) {
        int series = data.getSeriesCount();
        data.addSeries(key, new double[][] {{x}, {y}});
        renderer.setSeriesLinesVisible(series, false);
        renderer.setSeriesShapesVisible(series, true);
        renderer.setSeriesShape(series, new Ellipse2D.Double(-r, -r, 2 * r, 2 * r));
        renderer.setSeriesShapesFilled(series, true);
        renderer.setSeriesPaint(series, filled ? fill : Color.WHITE);
        renderer.setUseOutlinePaint(true);
        renderer.setSeriesOutlinePaint(series, outline);
        renderer.setDrawOutlines(true);
        renderer.setSeriesOutlineStroke(series, new java.awt.BasicStroke((float) (r / 3)));
    }

    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * ratio);
    }
}
