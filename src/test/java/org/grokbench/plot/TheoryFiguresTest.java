package org.grokbench.plot;

import org.grokbench.data.AdditionTable;
import org.grokbench.representation.DecoderMap;
import org.grokbench.representation.DecoderMapTest;
import org.grokbench.representation.GrokkingRateSurvey;
import org.grokbench.representation.LossKind;
import org.grokbench.representation.OptimizerChoice;
import org.grokbench.representation.TheoryComparison;
import org.grokbench.representation.ToyModel;
import org.grokbench.representation.ToySpec;
import org.grokbench.representation.ToyTraining;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Collection;
import java.util.List;

import static org.grokbench.plot.ModularFiguresTest.subtitles;
import static org.junit.jupiter.api.Assertions.*;

/** The decoder map, theory-beside-network and λ₃-vs-fraction figures of issue 7. */
class TheoryFiguresTest {
    private static final int W = 1200, H = 800;

    private static BufferedImage draw(JFreeChart chart, ChartRenderingInfo info) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        chart.draw(g, new Rectangle2D.Double(0, 0, W, H), info);
        g.dispose();
        return img;
    }

    @Test
    void decoderMapPaintsEveryCellInItsClassColourWithTheEmbeddingsOnTop() {
        AdditionTable t = AdditionTable.addition(6);
        ToyModel m = ToyModel.forTable(t, 2, new int[0], 0, LossKind.CLASSIFICATION, 1);
        double[] b = {0.8, 0.6};
        double[] emb = new double[12];
        for (int k = 0; k < 6; k++) {
            emb[2 * k] = k * b[0];
            emb[2 * k + 1] = k * b[1] + 0.2 * (k % 2);
        }
        DecoderMap map = DecoderMap.of(m, emb, DecoderMapTest.idealDecoder(m, b), 40, false);
        JFreeChart chart = DecoderMapFigure.create(map, "ideal", 120, FigureOptions.defaults());
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = draw(chart, info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getXYPlot();
        var scale = DecoderMapFigure.classScale(map.classCount(), false);
        double[] xs = map.xs(), ys = map.ys();
        int[][] cells = {{1, 1}, {38, 1}, {1, 38}, {38, 38}, {20, 3}};
        for (int[] c : cells) {
            int px = (int) Math.round(plot.getDomainAxis().valueToJava2D(xs[c[0]], area, plot.getDomainAxisEdge()));
            int py = (int) Math.round(plot.getRangeAxis().valueToJava2D(ys[c[1]], area, plot.getRangeAxisEdge()));
            Paint want = scale.getPaint(map.classAt(c[0], c[1]));
            assertEquals(((Color) want).getRGB(), img.getRGB(px, py), "cell " + c[0] + ", " + c[1]);
        }
        // neighbouring sums get different colours
        assertNotEquals(scale.getPaint(3), scale.getPaint(4));
        for (int k = 0; k < 6; k++) {
            double[] q = map.point(k);
            int px = (int) Math.round(plot.getDomainAxis().valueToJava2D(q[0], area, plot.getDomainAxisEdge()));
            int py = (int) Math.round(plot.getRangeAxis().valueToJava2D(q[1], area, plot.getRangeAxisEdge()));
            assertEquals(Color.BLACK.getRGB(), img.getRGB(px, py), "embedding " + k + " drawn over the map");
        }
        assertTrue(subtitles(chart).contains("midpoint x of E_i and E_j is the prediction for (i, j)"), subtitles(chart));
        assertTrue(subtitles(chart).contains("step 120"));
    }

    @Test
    void oneDimensionalDecoderMapIsAStripAlongTheEmbeddingAxis() {
        AdditionTable t = AdditionTable.addition(5);
        ToyModel m = ToyModel.forTable(t, 1, new int[0], 0, LossKind.CLASSIFICATION, 1);
        double[] emb = {0, 1, 2, 3, 4};
        DecoderMap map = DecoderMap.of(m, emb, DecoderMapTest.idealDecoder(m, new double[] {1}), 200, true);
        JFreeChart chart = DecoderMapFigure.create(map, null, -1, FigureOptions.defaults());
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = draw(chart, info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getXYPlot();
        assertEquals("embedding E", plot.getDomainAxis().getLabel());
        assertFalse(plot.getRangeAxis().isTickLabelsVisible());
        // the strip is one colour from top to bottom at a given x
        int px = (int) Math.round(plot.getDomainAxis().valueToJava2D(map.xs()[10], area, plot.getDomainAxisEdge()));
        int top = (int) area.getMinY() + 3, bottom = (int) area.getMaxY() - 3;
        assertEquals(img.getRGB(px, top), img.getRGB(px, bottom));
        assertEquals(((Color) DecoderMapFigure.classScale(5, true).getPaint(map.classAt(10, 0))).getRGB(), img.getRGB(px, top));
        assertFalse(subtitles(chart).contains("step"));
    }

    private static ToySpec small(int d) {
        return ToySpec.paper().withHiddenWidths(new int[] {16, 16}).withOutputDim(6).withSeed(3).withEmbeddingDim(d)
                .withDecoder(OptimizerChoice.adamW(1e-3, 0));
    }

    private static TheoryComparison comparison(int d) {
        ToyTraining.ToyHistory h = new ToyTraining(small(d)).run(400, 20);
        return TheoryComparison.of(small(d), h.steps(), h.embeddings().toArray(new double[0][]));
    }

    @Test
    void oneDimensionalTheoryFigureHasTheoryAndNetworkSideBySide() {
        TheoryComparison c = comparison(1);
        JFreeChart chart = EffectiveTheoryFigure.create(c, "run", FigureOptions.defaults().withStep(200));
        CombinedRangeXYPlot plot = (CombinedRangeXYPlot) chart.getPlot();
        @SuppressWarnings("unchecked") List<XYPlot> panels = plot.getSubplots();
        assertEquals(2, panels.size());
        assertTrue(panels.get(0).getDomainAxis().getLabel().startsWith("effective theory"));
        assertTrue(panels.get(1).getDomainAxis().getLabel().startsWith("network"));
        for (XYPlot p : panels) {
            assertEquals(10, p.getDataset().getSeriesCount(), "one line per symbol");
            Collection<?> markers = p.getDomainMarkers(Layer.FOREGROUND);
            assertTrue(markers != null && markers.stream().anyMatch(mk -> ((ValueMarker) mk).getValue() == 200), "step marker");
        }
        // the theory's first point is the network's (both normalized initial embeddings)
        assertEquals(panels.get(0).getDataset().getYValue(4, 0), panels.get(1).getDataset().getYValue(4, 0), 0);
        String sub = subtitles(chart);
        assertTrue(sub.contains("step 200: RQI theory"), sub);
        assertTrue(sub.contains(EffectiveTheoryFigure.steps(c.predictedSteps())), sub);
        draw(chart, new ChartRenderingInfo());
    }

    @Test
    void higherDimensionalTheoryFigureDrawsBothSetsAtTheStep() {
        for (int d : new int[] {2, 3}) {
            TheoryComparison c = comparison(d);
            JFreeChart chart = EffectiveTheoryFigure.create(c, null, FigureOptions.defaults().withStep(400).withCaption("cap"));
            assertInstanceOf(TiledPlot.class, chart.getPlot());
            assertTrue(subtitles(chart).startsWith("cap\n"));
            BufferedImage img = draw(chart, new ChartRenderingInfo());
            int coloured = 0;
            for (int y = 0; y < H; y += 3)
                for (int x = 0; x < W; x += 3) {
                    Color col = new Color(img.getRGB(x, y));
                    if (Math.max(col.getRed(), Math.max(col.getGreen(), col.getBlue()))
                            - Math.min(col.getRed(), Math.min(col.getGreen(), col.getBlue())) > 80) coloured++;
                }
            assertTrue(coloured > 50, "symbols drawn in colour for d = " + d + ": " + coloured);
        }
    }

    @Test
    void rateFigureMarksTheCriticalFractionAndThisRun() {
        GrokkingRateSurvey s = GrokkingRateSurvey.run(AdditionTable.addition(10),
                new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}, 50, 58);
        double rc = s.criticalFraction();
        assertTrue(rc > 0.35 && rc < 0.5, "r_c = " + rc + " (paper: about 0.4)");
        GrokkingRateFigure.Split split = new GrokkingRateFigure.Split(45 / 55.0, 0.0646, 53, 1e-3);
        assertEquals(1 / (0.0646 * 1e-3), split.predictedSteps(), 1e-6);
        assertEquals(split.predictedSteps() / 53, split.summedSteps(), 1e-9);
        JFreeChart chart = GrokkingRateFigure.create(s, 50, split, FigureOptions.defaults());
        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) chart.getPlot();
        @SuppressWarnings("unchecked") List<XYPlot> panels = plot.getSubplots();
        assertEquals(2, panels.size());
        for (XYPlot p : panels) {
            Collection<?> markers = p.getDomainMarkers(Layer.FOREGROUND);
            assertEquals(1, markers.size());
            assertEquals(rc, ((ValueMarker) markers.iterator().next()).getValue(), 0);
        }
        Marker labelled = (Marker) panels.get(1).getDomainMarkers(Layer.FOREGROUND).iterator().next();
        assertEquals(String.format(java.util.Locale.ROOT, " r_c = %.3f", rc), labelled.getLabel());
        // λ3 dots: 9 × 50 trials; median line; this run's diamond at its fraction
        assertEquals(450, panels.get(0).getDataset().getItemCount(0));
        assertEquals(9, panels.get(0).getDataset().getItemCount(1));
        assertEquals(45 / 55.0, panels.get(0).getDataset().getXValue(2, 0), 0);
        assertTrue(subtitles(chart).contains("15480 steps"), subtitles(chart));
        draw(chart, new ChartRenderingInfo());
    }
}
