package org.grokbench.plot;

import org.grokbench.representation.LearningPhase;
import org.grokbench.representation.PhaseCriteria;
import org.grokbench.representation.PhaseDiagram;
import org.grokbench.representation.ToyParameter;
import org.grokbench.representation.ToySpec;
import org.grokbench.sweep.CellResult;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The phase diagram figure: four distinct legend colours, each cell painted in its phase's colour
 * with its letter; while it fills in, running and pending cells in their own greys, counted in the legend.
 */
class PhaseDiagramFigureTest {
    static final PhaseDiagram GRID = new PhaseDiagram(ToySpec.paper(), ToyParameter.DECODER_LR, List.of(1e-4, 1e-3),
            ToyParameter.DECODER_WD, List.of(0.0, 1.0), PhaseCriteria.paper(), 10);

    static CellResult cell(int i, int j, LearningPhase p) {
        return new CellResult(i, j, GRID.xValue(i), GRID.yValue(j), CellResult.FINISHED, p.label(), 1,
                Map.of(PhaseDiagram.PHASE, (double) p.ordinal()));
    }

    @Test
    void everyCellIsPaintedInItsPhaseColourUnderAFourItemLegend() {
        List<CellResult> cells = List.of(cell(0, 0, LearningPhase.COMPREHENSION), cell(1, 0, LearningPhase.GROKKING),
                cell(0, 1, LearningPhase.MEMORIZATION), cell(1, 1, LearningPhase.CONFUSION));
        JFreeChart chart = PhaseDiagramFigure.create(GRID, cells, FigureOptions.defaults());
        XYPlot plot = chart.getXYPlot();
        LegendItemCollection legend = plot.getLegendItems();
        assertEquals(4, legend.getItemCount());
        Set<Color> colours = new HashSet<>();
        for (int k = 0; k < 4; k++) {
            LearningPhase p = LearningPhase.values()[k];
            assertEquals(PhaseDiagramFigure.letter(p) + "  " + p.label() + " (1)", legend.get(k).getLabel());
            colours.add((Color) legend.get(k).getFillPaint());
        }
        assertEquals(4, colours.size());
        assertTrue(plot.getDomainAxis().getLabel().contains("log scale"));
        assertFalse(plot.getRangeAxis().getLabel().contains("log scale"));
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        chart.draw(g, new Rectangle2D.Double(0, 0, 800, 600), info);
        g.dispose();
        Rectangle2D area = info.getPlotInfo().getDataArea();
        for (CellResult c : cells) {
            // left of the centre, where the phase letter is written
            int px = (int) plot.getDomainAxis().valueToJava2D(c.i() - 0.3, area, plot.getDomainAxisEdge());
            int py = (int) plot.getRangeAxis().valueToJava2D(c.j(), area, plot.getRangeAxisEdge());
            assertEquals(PhaseDiagramFigure.COLOURS.get(PhaseDiagram.phaseOf(c)).getRGB(), img.getRGB(px, py), "cell " + c.key());
        }
    }

    @Test
    void unfinishedCellsArePendingOrRunningAndTheLegendCountsThem() {
        JFreeChart chart = PhaseDiagramFigure.create(GRID, List.of(cell(0, 0, LearningPhase.GROKKING)),
                Set.of(CellResult.key(1, 0)), FigureOptions.defaults());
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        chart.draw(g, new Rectangle2D.Double(0, 0, 800, 600), info);
        g.dispose();
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getXYPlot();
        int[][] at = {{1, 1}, {1, 0}, {0, 0}};
        Color[] want = {PhaseDiagramFigure.PENDING, PhaseDiagramFigure.RUNNING, PhaseDiagramFigure.COLOURS.get(LearningPhase.GROKKING)};
        for (int k = 0; k < at.length; k++) {
            int px = (int) plot.getDomainAxis().valueToJava2D(at[k][0] - 0.3, area, plot.getDomainAxisEdge());
            int py = (int) plot.getRangeAxis().valueToJava2D(at[k][1], area, plot.getRangeAxisEdge());
            assertEquals(want[k].getRGB(), img.getRGB(px, py), "cell " + at[k][0] + "," + at[k][1]);
        }
        LegendItemCollection legend = plot.getLegendItems();
        assertEquals(6, legend.getItemCount());
        assertTrue(legend.get(4).getLabel().endsWith("running (1)"), legend.get(4).getLabel());
        assertTrue(legend.get(5).getLabel().endsWith("pending (2)"), legend.get(5).getLabel());
        assertEquals(6, new HashSet<>(List.of(legend.get(0).getFillPaint(), legend.get(1).getFillPaint(), legend.get(2).getFillPaint(),
                legend.get(3).getFillPaint(), legend.get(4).getFillPaint(), legend.get(5).getFillPaint())).size(), "six distinct colours");
    }
}
