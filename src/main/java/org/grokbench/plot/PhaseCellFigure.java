package org.grokbench.plot;

import org.grokbench.representation.PhaseCriteria;
import org.grokbench.representation.ToyTraining;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Locale;

/**
 * One cell of a phase diagram as curves (Liu et al. 2022, Fig. 6's cells are decided by these):
 * train and validation accuracy and the representation quality index RQI over the steps, the 90 %
 * line of App. A Table 1 and dashed markers where each accuracy first reaches it, so the phase
 * (the delay between the two, or a missing one) can be read off. AWT only.
 */
public final class PhaseCellFigure {
    static final Color TRAIN = new Color(0x0072B2), VALIDATION = new Color(0xD55E00), RQI = new Color(0x009E73);

    private PhaseCellFigure() {}

    /**
     * @param readings the cell's run read at regular steps
     * @param reading  its phase by Table 1 (the first-passage steps; −1 when never)
     * @param title    what the cell is (its two parameter values and phase)
     */
    public static JFreeChart create(List<ToyTraining.Reading> readings, PhaseCriteria criteria, PhaseCriteria.Reading reading,
                                    String title, FigureOptions o) {
        FigureStyle s = o.style();
        int n = readings.size();
        double[] x = new double[n], train = new double[n], val = new double[n], rqi = new double[n];
        for (int k = 0; k < n; k++) {
            ToyTraining.Reading r = readings.get(k);
            x[k] = r.step();
            train[k] = 100 * r.trainAccuracy();
            val[k] = 100 * r.validationAccuracy();
            rqi[k] = 100 * r.rqi();
        }
        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer renderer = StepCharts.lineRenderer();
        FigureOptions linear = o.withLogStep(false);
        StepCharts.addSeries(data, renderer, "train accuracy", x, train, false, linear, TRAIN, s.lineStroke());
        StepCharts.addSeries(data, renderer, "validation accuracy", x, val, false, linear, VALIDATION, s.lineStroke());
        StepCharts.addSeries(data, renderer, "RQI", x, rqi, false, linear, RQI, s.dashedStroke());
        NumberAxis y = StepCharts.linearValueAxis("% (accuracy, RQI × 100)", s);
        y.setRange(-2, 102);
        XYPlot plot = new XYPlot(data, StepCharts.stepAxis(linear), y, renderer);
        s.styleXYPlot(plot);
        ValueMarker ninety = new ValueMarker(100 * criteria.trainThreshold(), FigureStyle.MARKER, s.contourStroke());
        ninety.setLabel("90 %");
        ninety.setLabelFont(s.annotationFont());
        ninety.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        ninety.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        plot.addRangeMarker(ninety, Layer.BACKGROUND);
        mark(plot, reading.trainStep(), "train 90 %", TRAIN, s);
        mark(plot, reading.valStep(), "validation 90 %", VALIDATION, s);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(StepCharts.lineItem("train accuracy", TRAIN, s.lineStroke(), s));
        legend.add(StepCharts.lineItem("validation accuracy", VALIDATION, s.lineStroke(), s));
        legend.add(StepCharts.lineItem("RQI", RQI, s.dashedStroke(), s));
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(title, s.titleFont(), plot, false);
        LegendTitle lt = new LegendTitle(plot);
        lt.setPosition(RectangleEdge.BOTTOM);
        lt.setItemFont(s.legendFont());
        chart.addSubtitle(lt);
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "%s: train 90 %% at %s, validation 90 %% at %s (comprehension needs a delay < %d steps)",
                reading.phase().label(), step(reading.trainStep()), step(reading.valStep()), criteria.maxDelay()), s.legendFont()));
        return s.apply(chart);
    }

    private static void mark(XYPlot plot, long step, String label, Color c, FigureStyle s) {
        if (step < 0) return;
        ValueMarker m = new ValueMarker(step, c, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
        m.setLabel(label + " (" + step + ")");
        m.setLabelFont(s.annotationFont());
        m.setLabelPaint(c);
        m.setLabelAnchor(label.startsWith("train") ? RectangleAnchor.TOP_LEFT : RectangleAnchor.BOTTOM_RIGHT);
        m.setLabelTextAnchor(label.startsWith("train") ? TextAnchor.TOP_RIGHT : TextAnchor.BOTTOM_LEFT);
        plot.addDomainMarker(m, Layer.FOREGROUND);
    }

    private static String step(long v) {
        return v < 0 ? "never" : String.valueOf(v);
    }
}
