package org.grokbench.plot;

import org.grokbench.race.LogScaled;
import org.grokbench.race.RaceResult;
import org.grokbench.race.TestFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.data.Range;
import org.jfree.data.xy.DefaultXYDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;

/**
 * The optimizer race on the map (predicting-grokking App. I, Figs. 26 and 29): the log-scaled test
 * function shaded in viridis (dark = low) with its level sets, and each optimizer's path from the
 * common start (hollow dot) in its own colour, ending in a dot of that colour; the optimum x* is
 * the red dot. Paths get a thin white halo so that they stay visible on the dark floor of the
 * ravine. One data unit spans as many pixels on both axes.
 */
public final class RacePathsFigure {
    /** Colour of the optimum mark (not a racer colour). */
    static final Color OPTIMUM = FigureStyle.NORMAL_PART;
    /** How far the box may grow to show paths that leave the function's own view (times its size). */
    private static final double MAX_GROWTH = 3;

    private RacePathsFigure() {}

    public static JFreeChart create(RaceResult race, FigureOptions o) {
        FigureStyle s = o.style();
        TestFunction f = race.function();
        double[] box = box(race);
        Range bx = new Range(box[0], box[1]), by = new Range(box[2], box[3]);

        double[] v = f.view();
        double[] span = valueRange(f, v);
        ViridisScale scale = new ViridisScale(span[0], span[1]);
        double levelStep = PlaneLayer.niceStep((span[1] - span[0]) / 14);

        NumberAxis xAxis = StepCharts.linearValueAxis("x", s), yAxis = StepCharts.linearValueAxis("y", s);
        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer renderer = StepCharts.lineRenderer();
        renderer.setDrawSeriesLineAsPath(false);
        double minGap = Math.max(bx.getLength(), by.getLength()) / 1000;
        List<RaceResult.Racer> racers = race.racers();
        BasicStroke line = (BasicStroke) s.lineStroke();
        BasicStroke thin = new BasicStroke(line.getLineWidth() * 0.7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        BasicStroke halo = new BasicStroke(thin.getLineWidth() + s.px(2f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        // halos first, under every path; then the paths in race order, so the adaptive methods
        // (last in App. I's order) lie on top of momentum's wide orbits
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < racers.size(); i++) {
                RaceResult.Racer r = racers.get(i);
                int n = r.diverged() ? r.divergedAt() : r.x().length;
                if (n < 1) continue;
                Downsampler.Points p = Downsampler.path(java.util.Arrays.copyOf(r.x(), n), java.util.Arrays.copyOf(r.y(), n), minGap);
                int series = data.getSeriesCount();
                data.addSeries((pass == 0 ? "halo " : "path ") + i, new double[][] {p.x(), p.y()});
                renderer.setSeriesPaint(series, pass == 0 ? new Color(255, 255, 255, 120) : FigureStyle.trajectoryColor(i));
                renderer.setSeriesStroke(series, pass == 0 ? halo : thin);
            }
        }
        EqualAspectXYPlot plot = new EqualAspectXYPlot(data, xAxis, yAxis, renderer, bx, by);
        s.styleXYPlot(plot);
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        renderer.addAnnotation(new RaceMapLayer(f, scale, levelStep, s), Layer.BACKGROUND);
        for (int i = 0; i < racers.size(); i++) {
            RaceResult.Racer r = racers.get(i);
            int last = (r.diverged() ? r.divergedAt() : r.x().length) - 1;
            if (last >= 0) renderer.addAnnotation(new MarkAnnotation(r.x()[last], r.y()[last], s.px(6),
                    FigureStyle.trajectoryColor(i), Color.WHITE, new BasicStroke(s.px(1.5f))), Layer.FOREGROUND);
        }
        double[] start = race.start(), opt = f.optimum();
        renderer.addAnnotation(new MarkAnnotation(start[0], start[1], s.px(9), Color.WHITE, Color.BLACK,
                new BasicStroke(s.px(3))), Layer.FOREGROUND);
        renderer.addAnnotation(new MarkAnnotation(opt[0], opt[1], s.px(8), OPTIMUM, Color.WHITE,
                new BasicStroke(s.px(2))), Layer.FOREGROUND);

        LegendItemCollection items = StepCharts.runLegend(racers.stream().map(RaceResult.Racer::label).toList(), s,
                StepCharts.dotItem("start", Color.BLACK, false, s),
                StepCharts.dotItem("optimum x*", OPTIMUM, true, s));
        plot.setFixedLegendItems(items);

        JFreeChart chart = new JFreeChart("Optimizer race on " + f.title(), s.titleFont(), plot, true);
        if (o.caption() != null && !o.caption().isBlank()) chart.addSubtitle(new TextTitle(o.caption()));
        chart.addSubtitle(new TextTitle(race.describe()));
        s.apply(chart);   // legend below the map: the map keeps the width
        NumberAxis barAxis = new NumberAxis(valueLabel(f));
        barAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        barAxis.setRange(span[0], span[1]);
        chart.addSubtitle(s.colourBar(scale, barAxis, 30, 10));
        return chart;
    }

    static String valueLabel(TestFunction f) {
        return f instanceof LogScaled ? "f = ln(g + ε)" : "f";
    }

    /** The function's view, grown to hold every finite path point (up to {@value #MAX_GROWTH}× its size). */
    static double[] box(RaceResult race) {
        double[] v = race.function().view().clone();
        double w = v[1] - v[0], h = v[3] - v[2];
        double[] limit = {v[0] - MAX_GROWTH * w, v[1] + MAX_GROWTH * w, v[2] - MAX_GROWTH * h, v[3] + MAX_GROWTH * h};
        for (RaceResult.Racer r : race.racers())
            for (int t = 0; t < r.x().length; t++) {
                double x = r.x()[t], y = r.y()[t];
                if (!Double.isFinite(x) || !Double.isFinite(y)) continue;
                v[0] = Math.max(limit[0], Math.min(v[0], x));
                v[1] = Math.min(limit[1], Math.max(v[1], x));
                v[2] = Math.max(limit[2], Math.min(v[2], y));
                v[3] = Math.min(limit[3], Math.max(v[3], y));
            }
        return v;
    }

    /** {lowest, highest} value of f over its view (sampled; the optimum included). */
    static double[] valueRange(TestFunction f, double[] v) {
        double lo = f.value(f.optimum()), hi = Double.NEGATIVE_INFINITY;
        double[] p = new double[2];
        int n = 80;
        for (int i = 0; i <= n; i++)
            for (int j = 0; j <= n; j++) {
                p[0] = v[0] + (v[1] - v[0]) * i / n;
                p[1] = v[2] + (v[3] - v[2]) * j / n;
                double z = f.value(p);
                if (!Double.isFinite(z)) continue;
                lo = Math.min(lo, z);
                hi = Math.max(hi, z);
            }
        if (!(hi > lo)) hi = lo + 1;
        return new double[] {lo, hi};
    }
}
