package org.grokbench.plot;

import org.grokbench.landscape.Slice1D;
import org.grokbench.landscape.SliceStack;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYDataset;

import java.awt.BasicStroke;

/**
 * The "per epoch" landscape (predicting-grokking Figs. 4 and 8): one 1D slice per recorded step,
 * each from θ_t in its own direction (e.g. toward θ*), stacked upwards in step order as heat strips
 * of log10 training loss (left) and test accuracy (right). Toward θ*, α = 1 is always θ*: the
 * right strip shows where along each line the network generalizes, the left one the barrier
 * between the memorizing and the generalizing minimum.
 */
public final class LandscapeStackFigure {
    private LandscapeStackFigure() {}

    public static JFreeChart create(SliceStack stack, String runLabel, FigureOptions o) {
        FigureStyle st = o.style();
        if (stack.slices().isEmpty()) return FourierCirclesFigure.empty("Loss landscape per step", "no recorded θ", o);
        double[] alphas = stack.slices().get(0).alphas();
        long[] steps = stack.steps();
        double[] ys = new double[steps.length];
        for (int j = 0; j < ys.length; j++) ys[j] = steps[j];
        int nx = alphas.length;
        double[] loss = new double[nx * ys.length], acc = new double[nx * ys.length];
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < ys.length; j++) {
            Slice1D s = stack.slices().get(j);
            for (int i = 0; i < nx; i++) {
                double l = s.values().trainLoss()[i];
                double v = Double.isFinite(l) ? Math.log10(Math.max(LandscapeSliceFigure.LOSS_FLOOR, l)) : Double.NaN;
                loss[j * nx + i] = v;
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                double a = s.values().testAccuracy()[i];
                acc[j * nx + i] = Double.isNaN(a) ? s.values().trainAccuracy()[i] : a;
            }
        }
        if (!(hi > lo)) {
            lo = Double.isFinite(lo) ? lo - 0.5 : 0;
            hi = lo + 1;
        }
        boolean hasTest = !Double.isNaN(stack.slices().get(0).values().testAccuracy()[0]);
        NumberAxis stepAxis = StepCharts.linearValueAxis("step", st);
        double half = ys.length > 1 ? (ys[1] - ys[0]) / 2 : 0.5, top = ys.length > 1 ? (ys[ys.length - 1] - ys[ys.length - 2]) / 2 : 0.5;
        stepAxis.setRange(ys[0] - half, ys[ys.length - 1] + top);
        CombinedRangeXYPlot combined = new CombinedRangeXYPlot(stepAxis);
        combined.setGap(st.px(18));
        ViridisScale lossScale = new ViridisScale(lo, hi), accScale = new ViridisScale(0, 1);
        combined.add(strip(alphas, ys, loss, lossScale, "α", o), 1);
        combined.add(strip(alphas, ys, acc, accScale, "α", o), 1);
        st.styleXYPlot(combined);
        JFreeChart chart = new JFreeChart("Loss landscape per step, " + stack.kind().label() + " (" + stack.scaling() + ")",
                st.titleFont(), combined, false);
        NumberAxis lossBar = new NumberAxis("log₁₀ train loss (left)");
        lossBar.setRange(lo, hi);
        NumberAxis accBar = new NumberAxis((hasTest ? "test" : "train") + " accuracy (right)");
        accBar.setRange(0, 1);
        chart.addSubtitle(bar(st, accScale, accBar));
        chart.addSubtitle(bar(st, lossScale, lossBar));
        chart.addSubtitle(new TextTitle((runLabel == null || runLabel.isBlank() ? "" : "\u2018" + runLabel + "\u2019 · ")
                + steps.length + " recorded steps, each sliced from its own θ_t"
                + (LandscapeSliceFigure.endLabel(stack.kind()) != null ? " (α = 1: " + LandscapeSliceFigure.endLabel(stack.kind()) + ")" : ""),
                st.subtitleFont()));
        return st.apply(chart);
    }

    private static PaintScaleLegend bar(FigureStyle st, ViridisScale scale, NumberAxis axis) {
        PaintScaleLegend b = st.colourBar(scale, axis, 4, 0);
        b.setPosition(RectangleEdge.BOTTOM);
        b.setStripWidth(st.px(12));
        // room at both ends for the first and last tick labels
        b.setMargin(new org.jfree.chart.ui.RectangleInsets(st.px(4), st.px(36), st.px(4), st.px(36)));
        return b;
    }

    private static XYPlot strip(double[] alphas, double[] ys, double[] values, ViridisScale scale, String label, FigureOptions o) {
        FigureStyle st = o.style();
        NumberAxis x = StepCharts.linearValueAxis(label, st);
        double h = (alphas[1] - alphas[0]) / 2;
        x.setRange(alphas[0] - h, alphas[alphas.length - 1] + h);
        XYPlot plot = new XYPlot(new DefaultXYDataset(), x, null, new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer());
        st.styleXYPlot(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.getRenderer().addAnnotation(new GridLayer(alphas, ys, values, scale, new double[0], new BasicStroke(1)), Layer.BACKGROUND);
        for (double a : new double[] {0, 1}) plot.addDomainMarker(new ValueMarker(a, java.awt.Color.WHITE, st.contourStroke()), Layer.FOREGROUND);
        if (o.hasStep()) plot.addRangeMarker(new ValueMarker(o.step(), java.awt.Color.WHITE, st.lineStroke()), Layer.FOREGROUND);
        return plot;
    }
}
