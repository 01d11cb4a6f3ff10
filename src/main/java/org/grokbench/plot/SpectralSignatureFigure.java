package org.grokbench.plot;

import org.grokbench.experiment.TrajectorySnapshot;
import org.grokbench.spectral.EnergySpectrum;
import org.grokbench.spectral.GrokkingForecast;
import org.grokbench.spectral.RunSignature;
import org.grokbench.spectral.SpectralOptions;
import org.grokbench.spectral.SpectralSignature;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYDataset;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;

/**
 * The spectral signature of the early training loss (predicting-grokking §3, App. F): left, each
 * run's loss over the first N steps with its non-oscillatory trend removed; right, the energy spectrum
 * |F(L − trend)(ω)|² of that signal; underneath, per run, the Hjorth activity, mobility and complexity,
 * the spectral energy m₀ (the quantity of the paper's Fig. 2/6 heatmaps), the grokking times t1..t4
 * recorded so far, and the forecast — with the line saying it is a heuristic, and how it fared on our
 * presets.
 */
public final class SpectralSignatureFigure {
    private SpectralSignatureFigure() {}

    static final String TITLE = "Spectral signature of the early training loss";

    public static JFreeChart create(List<TrajectorySnapshot> runs, SpectralOptions options, FigureOptions o) {
        return forSignatures(RunSignature.of(runs, options), options, o);
    }

    public static JFreeChart forSignatures(List<RunSignature> runs, SpectralOptions options, FigureOptions o) {
        FigureStyle s = o.style();
        boolean any = false;
        for (RunSignature r : runs) any |= r.signature().steps() > 0;
        if (!any) return FourierCirclesFigure.empty(TITLE, "no training loss recorded yet", o);
        FigureOptions linear = o.withLogStep(false);
        Font font = s.legendFont();
        List<TiledPlot.Tile> tiles = new ArrayList<>();
        String what = options.signal() == SpectralOptions.Signal.LOG_LOSS ? "ln L" : "L";
        tiles.add(new TiledPlot.Tile(detrendedPlot(runs, linear), what + " − trend (σ = "
                + FourierCirclesFigure.fmt(options.trendWidth()) + " steps)", font, Color.BLACK));
        tiles.add(new TiledPlot.Tile(spectrumPlot(runs, linear), "energy spectrum |F(" + what + " − trend)(ω)|²",
                font, Color.BLACK));
        TiledPlot plot = new TiledPlot(tiles, TiledPlot.grid(1, 2, s.px(40)));
        List<String> labels = new ArrayList<>();
        for (RunSignature r : runs) labels.add(r.label());
        plot.setFixedLegendItems(StepCharts.runLegend(labels, s));
        JFreeChart chart = new JFreeChart(TITLE, s.titleFont(), plot, true);
        if (o.caption() != null && !o.caption().isBlank()) chart.addSubtitle(new TextTitle(o.caption()));
        chart.addSubtitle(new TextTitle("first N = " + options.steps() + " steps · trend: Gaussian local quadratic"
                + " · Hjorth parameters of " + what + " − trend · m₀ = Σ (" + what + " − trend)²"));
        s.apply(chart);
        Font small = s.annotationFont();
        // bottom subtitles stack upwards: the caveat goes in first so that it ends up last
        GrokkingForecast.Calibration c = GrokkingForecast.Calibration.OUR_PRESETS;
        chart.addSubtitle(bottomLine(GrokkingForecast.HEURISTIC + (c.separates() ? "" : " " + c.summary()),
                small, Color.DARK_GRAY));
        for (int i = runs.size() - 1; i >= 0; i--) {
            RunSignature r = runs.get(i);
            SpectralSignature sig = r.signature();
            String line = r.label() + ": " + (sig.steps() >= SpectralOptions.MIN_STEPS ? r.shortHjorthText() : "—")
                    + (sig.isComplete() ? "" : " (" + sig.note() + ")")
                    + " · " + r.times().describe() + " · " + r.forecast().text();
            chart.addSubtitle(bottomLine(line, small, FigureStyle.trajectoryColor(i)));
        }
        return chart;
    }

    private static TextTitle bottomLine(String text, Font font, Color paint) {
        TextTitle t = new TextTitle(text, font, paint, RectangleEdge.BOTTOM, HorizontalAlignment.LEFT,
                org.jfree.chart.ui.VerticalAlignment.CENTER, new org.jfree.chart.ui.RectangleInsets(1, 8, 1, 8));
        t.setMaximumLinesToDisplay(3);
        return t;
    }

    private static XYPlot detrendedPlot(List<RunSignature> runs, FigureOptions o) {
        FigureStyle s = o.style();
        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer renderer = StepCharts.lineRenderer();
        for (int i = 0; i < runs.size(); i++) {
            double[] d = runs.get(i).signature().detrended();
            double[] x = new double[d.length];
            for (int t = 0; t < x.length; t++) x[t] = t;
            StepCharts.addSeries(data, renderer, i + " detrended", x, d, false, o, FigureStyle.trajectoryColor(i),
                    s.lineStroke());
        }
        NumberAxis y = StepCharts.linearValueAxis("detrended", s);
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, StepCharts.stepAxis(o), y, renderer);
        s.styleXYPlot(plot);
        CurvatureFigure.zeroLine(plot, s);
        return plot;
    }

    private static XYPlot spectrumPlot(List<RunSignature> runs, FigureOptions o) {
        FigureStyle s = o.style();
        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer renderer = StepCharts.lineRenderer();
        for (int i = 0; i < runs.size(); i++) {
            SpectralSignature sig = runs.get(i).signature();
            if (sig.steps() < SpectralOptions.MIN_STEPS) continue;
            EnergySpectrum e = sig.spectrum();
            StepCharts.addSeries(data, renderer, i + " spectrum", e.omegas(), e.densities(), true, o,
                    FigureStyle.trajectoryColor(i), s.lineStroke());
        }
        NumberAxis x = new NumberAxis("ω (rad/step)");
        x.setRange(0, Math.PI);
        s.styleAxis(x);
        XYPlot plot = new XYPlot(data, x, StepCharts.logValueAxis("|F|²", s), renderer);
        s.styleXYPlot(plot);
        return plot;
    }
}
