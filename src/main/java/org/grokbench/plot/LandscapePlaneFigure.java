package org.grokbench.plot;

import org.grokbench.landscape.DirectionKind;
import org.grokbench.landscape.Slice2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.DefaultXYDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.Locale;

/**
 * A 2D landscape slice f(α, β) = L(θ_t + αδ + βη) (App. G.1, Li et al. 2018): log10 of the
 * training loss as a viridis heatmap with contour lines every half decade, and the recorded
 * trajectory projected on the plane (exact for the PCA plane, App. G.4: that is where the path
 * lives; least squares for other planes) with θ_t at the origin, θ₀ open and θ* filled.
 */
public final class LandscapePlaneFigure {
    private LandscapePlaneFigure() {}

    public static JFreeChart create(Slice2D s, String runLabel, FigureOptions o) {
        FigureStyle st = o.style();
        double[] values = s.values().trainLoss();
        double[] log = new double[values.length];
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < log.length; k++) {
            log[k] = Double.isFinite(values[k]) ? Math.log10(Math.max(LandscapeSliceFigure.LOSS_FLOOR, values[k])) : Double.NaN;
            if (!Double.isNaN(log[k])) {
                lo = Math.min(lo, log[k]);
                hi = Math.max(hi, log[k]);
            }
        }
        if (!(hi > lo)) {
            lo = Double.isFinite(lo) ? lo - 0.5 : 0;
            hi = lo + 1;
        }
        ViridisScale scale = new ViridisScale(lo, hi);
        NumberAxis x = StepCharts.linearValueAxis(s.kind() == DirectionKind.PCA ? "α (PC1)" : "α (along δ)", st);
        NumberAxis y = StepCharts.linearValueAxis(s.kind() == DirectionKind.PCA ? "β (PC2)" : "β (along η)", st);
        double[] a = s.alphas(), b = s.betas();
        double ha = (a[1] - a[0]) / 2, hb = (b[1] - b[0]) / 2;
        x.setRange(a[0] - ha, a[a.length - 1] + ha);
        y.setRange(b[0] - hb, b[b.length - 1] + hb);

        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDefaultSeriesVisibleInLegend(false);
        Color path = Color.WHITE;
        boolean hasPath = s.pathAlpha().length > 0 && !Double.isNaN(s.pathAlpha()[0]);
        if (hasPath) {
            data.addSeries("path", new double[][] {s.pathAlpha(), s.pathBeta()});
            r.setSeriesPaint(0, path);
            r.setSeriesStroke(0, st.lineStroke());
            int n = s.pathAlpha().length;
            point(data, r, "start", s.pathAlpha()[0], s.pathBeta()[0], false, st);
            point(data, r, "end", s.pathAlpha()[n - 1], s.pathBeta()[n - 1], true, st);
        }
        point(data, r, "at", 0, 0, true, st);
        r.setSeriesPaint(data.getSeriesCount() - 1, FigureStyle.IMAG_PART);
        XYPlot plot = new XYPlot(data, x, y, r);
        st.styleXYPlot(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        double[] levels = levels(lo, hi);
        plot.getRenderer().addAnnotation(new GridLayer(a, b, log, scale, levels, new BasicStroke(st.px(1.3f))), Layer.BACKGROUND);

        LegendItemCollection legend = new LegendItemCollection();
        if (hasPath) {
            legend.add(StepCharts.lineItem("recorded path", Color.GRAY, st.lineStroke(), st));
            legend.add(StepCharts.dotItem("θ₀", Color.GRAY, false, st));
            legend.add(StepCharts.dotItem("θ* (step " + s.finalStep() + ")", Color.BLACK, true, st));
        }
        legend.add(StepCharts.dotItem("θ_t (step " + s.step() + ")", FigureStyle.IMAG_PART, true, st));
        plot.setFixedLegendItems(legend);
        String plane = switch (s.kind()) {
            case PCA -> "PCA plane";
            case RANDOM -> "random plane";
            default -> "plane " + s.kind().label();
        };
        JFreeChart chart = StepCharts.chart("Loss landscape: " + plane + " at step " + s.step(), plot, o);
        NumberAxis barAxis = new NumberAxis("log₁₀ train loss");
        barAxis.setRange(lo, hi);
        chart.addSubtitle(st.colourBar(scale, barAxis, 30, 10));
        chart.addSubtitle(new TextTitle(subtitle(s, runLabel), st.subtitleFont()));
        return st.apply(chart);
    }

    /** Contours every half decade (every decade when the range spans more than eight). */
    static double[] levels(double lo, double hi) {
        double step = hi - lo > 8 ? 1 : 0.5;
        int first = (int) Math.ceil(lo / step), last = (int) Math.floor(hi / step);
        if (last < first) return new double[0];
        double[] l = new double[last - first + 1];
        for (int k = 0; k < l.length; k++) l[k] = (first + k) * step;
        return l;
    }

    private static void point(DefaultXYDataset data, XYLineAndShapeRenderer r, String key, double x, double y, boolean filled,
                              FigureStyle st) {
        int series = data.getSeriesCount();
        data.addSeries(key, new double[][] {{x}, {y}});
        double rad = st.px(8);
        r.setSeriesLinesVisible(series, false);
        r.setSeriesShapesVisible(series, true);
        r.setSeriesShape(series, new Ellipse2D.Double(-rad, -rad, 2 * rad, 2 * rad));
        r.setSeriesShapesFilled(series, filled);
        r.setSeriesPaint(series, filled ? Color.BLACK : Color.WHITE);
        r.setSeriesStroke(series, new BasicStroke(st.px(3)));
    }

    private static String subtitle(Slice2D s, String runLabel) {
        String dirs = switch (s.kind()) {
            case PCA -> String.format(Locale.ROOT, "δ, η = the path's principal directions (%.1f %% + %.1f %% of its variance)",
                    100 * s.firstRatio(), 100 * s.secondRatio());
            case RANDOM -> "δ, η random";
            default -> "δ " + s.kind().label() + ", η random";
        };
        return (runLabel == null || runLabel.isBlank() ? "" : "\u2018" + runLabel + "\u2019 · ")
                + "f(α, β) = L(θ_t + αδ + βη), " + dirs + ", " + s.scaling();
    }
}
