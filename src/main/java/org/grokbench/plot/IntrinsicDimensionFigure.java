package org.grokbench.plot;

import org.grokbench.spectral.HiddenDimensionTrack;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.DefaultXYDataset;

import java.awt.Color;
import java.util.List;

/**
 * Intrinsic dimension of the training set's hidden activations over training (predicting-grokking
 * App. H, Figs. 21-22): TwoNN (solid) and the MLE (dashed) at every recorded θ row of one run. The paper
 * reports that it rises at the very start, then falls, oscillating, and settles.
 */
public final class IntrinsicDimensionFigure {
    private IntrinsicDimensionFigure() {}

    static final String TITLE = "Intrinsic dimension of the hidden activations (training set)";

    public static JFreeChart create(String label, int runIndex, HiddenDimensionTrack.Series series, int samples,
                                    FigureOptions o) {
        FigureStyle s = o.style();
        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer renderer = StepCharts.lineRenderer();
        Color c = FigureStyle.trajectoryColor(runIndex);
        StepCharts.addSeries(data, renderer, "twoNN", series.steps(), series.twoNn(), false, o, c, s.lineStroke());
        StepCharts.addSeries(data, renderer, "mle", series.steps(), series.mle(), false, o, c, s.dashedStroke());
        NumberAxis y = StepCharts.linearValueAxis("intrinsic dimension", s);
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, StepCharts.stepAxis(o), y, renderer);
        s.styleXYPlot(plot);
        StepCharts.addStepMarker(plot, o);
        plot.setFixedLegendItems(StepCharts.runLegend(List.of(), s,
                StepCharts.lineItem("TwoNN (Facco et al.)", Color.DARK_GRAY, s.lineStroke(), s),
                StepCharts.lineItem("MLE, k = " + HiddenDimensionTrack.K + " (Levina & Bickel; MacKay–Ghahramani mean)",
                        Color.DARK_GRAY, s.dashedStroke(), s)));
        JFreeChart chart = StepCharts.chart(TITLE, plot, o);
        chart.addSubtitle(new TextTitle("\u2018" + label + "\u2019 · " + samples + " training samples · "
                + series.size() + " recorded θ rows"));
        return o.style().apply(chart);
    }

    /** The title with a line saying why there is nothing to draw. */
    public static JFreeChart unavailable(String why, FigureOptions o) {
        return FourierCirclesFigure.empty(TITLE, why, o);
    }
}
