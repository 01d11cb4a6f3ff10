package org.grokbench.plot;

import org.grokbench.experiment.DropTimeSweep;
import org.grokbench.math.PowerLawFit;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Drop time against 1/λ on log-log axes (riemannian-norm-minimisation: the slow phase lasts a time
 * of order 1/λ): the step of the test-loss drop t_drop (filled dots) and the slow phase alone
 * t_drop − t_int (open dots) of each λ of a {@link DropTimeSweep}, each with its least-squares line
 * and fitted slope in the legend, and a grey reference line of slope 1 through the middle point.
 */
public final class DropTimeFigure {
    private DropTimeFigure() {}

    public static JFreeChart create(DropTimeSweep.Result r, FigureOptions o) {
        FigureStyle s = o.style();
        List<double[]> drop = new ArrayList<>(), slow = new ArrayList<>();
        for (DropTimeSweep.Point p : r.points()) {
            if (p.dropStep() > 0) drop.add(new double[] {p.inverseLambda(), p.dropStep()});
            if (p.slowPhase() > 0) slow.add(new double[] {p.inverseLambda(), p.slowPhase()});
        }
        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer rend = new XYLineAndShapeRenderer(true, true);
        rend.setDefaultSeriesVisibleInLegend(false);
        double rad = s.px(6);
        Color dropColor = FigureStyle.trajectoryColor(0), slowColor = FigureStyle.trajectoryColor(1);
        addPoints(data, rend, "t_drop", drop, dropColor, true, rad);
        addPoints(data, rend, "t_drop - t_int", slow, slowColor, false, rad);
        addLine(data, rend, "fit t_drop", drop, r.dropFit(), dropColor, s.lineStroke());
        addLine(data, rend, "fit slow", slow, r.slowPhaseFit(), slowColor, s.dashedStroke());
        if (drop.size() >= 1) {
            double[] mid = drop.get(drop.size() / 2);
            addLine(data, rend, "slope 1", drop, new PowerLawFit(1, mid[1] / mid[0], Double.NaN, 0), Color.GRAY, s.contourStroke());
        }
        org.jfree.chart.axis.ValueAxis xAxis = StepCharts.logValueAxis("1/λ", s), yAxis = StepCharts.logValueAxis("step", s);
        List<double[]> all = new ArrayList<>(drop);
        all.addAll(slow);
        frame(xAxis, all, 0);
        frame(yAxis, all, 1);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, rend);
        s.styleXYPlot(plot);
        plot.setFixedLegendItems(StepCharts.runLegend(List.of(), s,
                StepCharts.dotItem(fitText("test-loss drop t_drop", r.dropFit()), dropColor, true, s),
                StepCharts.dotItem(fitText("slow phase t_drop − t_int", r.slowPhaseFit()), slowColor, false, s),
                StepCharts.lineItem("slope 1 (theory)", Color.GRAY, s.contourStroke(), s)));
        return StepCharts.chart(String.format(Locale.ROOT, "Drop time against 1/λ (%s, lr %s)", r.runLabel(),
                String.format(Locale.ROOT, "%.3g", r.lr())), plot, o);
    }

    /**
     * At least a factor 2 on either side of the points' coordinate {@code k}: one point (the first
     * run to drop, live in the window) would otherwise give an empty log range.
     */
    private static void frame(org.jfree.chart.axis.ValueAxis axis, List<double[]> pts, int k) {
        if (pts.isEmpty()) return;
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (double[] p : pts) {
            lo = Math.min(lo, p[k]);
            hi = Math.max(hi, p[k]);
        }
        axis.setRange(lo / 2, hi * 2);
    }

    static String fitText(String what, PowerLawFit f) {
        return Double.isNaN(f.slope()) ? what + " (no fit: fewer than 2 drops)"
                : String.format(Locale.ROOT, "%s, fitted slope %.3f (R² %.4f, %d λ)", what, f.slope(), f.r2(), f.points());
    }

    private static void addPoints(DefaultXYDataset data, XYLineAndShapeRenderer r, String key, List<double[]> pts,
                                  Color c, boolean filled, double rad) {
        if (pts.isEmpty()) return;
        double[][] xy = new double[2][pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            xy[0][i] = pts.get(i)[0];
            xy[1][i] = pts.get(i)[1];
        }
        int k = data.getSeriesCount();
        data.addSeries(key, xy);
        r.setSeriesLinesVisible(k, false);
        r.setSeriesPaint(k, c);
        r.setSeriesShape(k, new Ellipse2D.Double(-rad, -rad, 2 * rad, 2 * rad));
        r.setSeriesShapesFilled(k, filled);
    }

    private static void addLine(DefaultXYDataset data, XYLineAndShapeRenderer r, String key, List<double[]> pts,
                                PowerLawFit f, Color c, java.awt.Stroke stroke) {
        if (pts.size() < 2 && f.points() != 0 || Double.isNaN(f.slope()) || pts.isEmpty()) return;
        double lo = pts.get(0)[0], hi = lo;
        for (double[] p : pts) {
            lo = Math.min(lo, p[0]);
            hi = Math.max(hi, p[0]);
        }
        int k = data.getSeriesCount();
        data.addSeries(key, new double[][] {{lo, hi}, {f.at(lo), f.at(hi)}});
        r.setSeriesShapesVisible(k, false);
        r.setSeriesPaint(k, c);
        r.setSeriesStroke(k, stroke);
    }
}
