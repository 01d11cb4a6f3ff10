package org.grokbench.plot;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.DefaultXYDataset;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.Locale;

/**
 * Theorem 4.14 (gradient orthogonality) as a log-log plot: |cos∠(v, ∇L(θ))| for tangent
 * directions v at proj_Z(θ), against dist_Z(θ), for points approaching Z along a normal (the A,
 * B, C of Figure 4, many more of them). The bound C·dist_Z is drawn as a dashed line with the
 * smallest C that holds for every measured point; on a log-log plot the measurements follow its
 * slope 1.
 */
public final class OrthogonalityFigure {
    private OrthogonalityFigure() {}

    /**
     * @param distances dist_Z(θ) of each point (non-positive values are left out)
     * @param cosines   |cos| of each point (non-positive values are left out)
     * @param where     where the points are, for the subtitle (e.g. "normal line through p = (1, 1)")
     */
    public static JFreeChart create(double[] distances, double[] cosines, String where, FigureOptions o) {
        FigureStyle s = o.style();
        Downsampler.Points p = Downsampler.usable(distances, cosines, true, true);
        double c = 0;
        for (int i = 0; i < p.size(); i++) c = Math.max(c, p.y()[i] / p.x()[i]);
        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        if (p.size() > 0) {
            double lo = p.x()[0], hi = p.x()[0];
            for (double v : p.x()) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
            data.addSeries("bound", new double[][] {{lo, hi}, {c * lo, c * hi}});
            r.setSeriesPaint(0, Color.BLACK);
            r.setSeriesStroke(0, s.dashedStroke());
            r.setSeriesShapesVisible(0, false);
            data.addSeries("measured", new double[][] {p.x(), p.y()});
            r.setSeriesPaint(1, FigureStyle.trajectoryColor(0));
            r.setSeriesStroke(1, s.lineStroke());
            double rad = s.px(6);
            r.setSeriesShape(1, new Ellipse2D.Double(-rad, -rad, 2 * rad, 2 * rad));
        }
        r.setDefaultSeriesVisibleInLegend(false);
        ValueAxis x = StepCharts.logValueAxis("distance to Z, dist_Z(θ)", s);
        ValueAxis y = StepCharts.logValueAxis("|cos(tangent, ∇L)|", s);
        XYPlot plot = new XYPlot(data, x, y, r);
        s.styleXYPlot(plot);
        plot.setFixedLegendItems(StepCharts.runLegend(java.util.List.of(), s,
                StepCharts.lineItem("measured |cos∠(v, ∇L(θ))|, v tangent at proj_Z(θ)", FigureStyle.trajectoryColor(0),
                        s.lineStroke(), s),
                StepCharts.lineItem(String.format(Locale.ROOT, "C · dist_Z(θ), C = %.3g", c), Color.BLACK,
                        s.dashedStroke(), s)));
        JFreeChart chart = new JFreeChart("Gradient orthogonality near Z (Theorem 4.14)", s.titleFont(), plot, true);
        if (o.caption() != null && !o.caption().isBlank()) chart.addSubtitle(new TextTitle(o.caption()));
        if (where != null && !where.isBlank()) chart.addSubtitle(new TextTitle(where));
        return s.apply(chart);
    }
}
