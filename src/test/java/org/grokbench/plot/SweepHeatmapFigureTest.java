package org.grokbench.plot;

import org.grokbench.experiment.preset.PresetLoader;
import org.grokbench.sweep.CellMeasures;
import org.grokbench.sweep.CellResult;
import org.grokbench.sweep.SweepAxis;
import org.grokbench.sweep.SweepPlan;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepHeatmapFigureTest {
    static final SweepPlan PLAN = SweepPlan.of(new PresetLoader(Path.of("presets")).resolve("fig1-one-plus-one"), null,
            SweepAxis.parse("lambda=1e-5,1e-4,1e-3"), SweepAxis.parse("lr=0.01,0.1"), CellMeasures.spectralSweep(400));

    static CellResult cell(int i, int j, double acc, double energy) {
        return new CellResult(i, j, PLAN.xValue(i), PLAN.yValue(j), CellResult.FINISHED, "", 1,
                Map.of("val_acc", acc, "spectral_energy", energy));
    }

    @Test
    void unfinishedCellsStayEmptyAndClicksFindTheirCell() {
        List<CellResult> cells = new ArrayList<>(List.of(cell(0, 0, 0.1, 1e-6), cell(1, 0, 0.5, 1e-5), cell(2, 1, 0.9, 1e-3)));
        List<SweepHeatmapFigure.Panel> panels = SweepHeatmapFigure.spectralPanels(400);
        JFreeChart chart = SweepHeatmapFigure.create(PLAN, cells, panels.get(0), panels.get(1), FigureOptions.defaults());
        String subtitle = ((TextTitle) chart.getSubtitle(0)).getText();
        assertEquals("Spearman ρ(val_acc, spectral_energy) = 1.00 over 3 cells · 3 of 6 cells finished", subtitle);

        ChartRenderingInfo info = new ChartRenderingInfo(null);
        BufferedImage img = chart.createBufferedImage(1200, 600, info);
        Rectangle2D left = info.getPlotInfo().getSubplotInfo(0).getDataArea();
        Rectangle2D right = info.getPlotInfo().getSubplotInfo(2).getDataArea();
        // cell (i, j) centre of the left map: columns left to right, rows bottom to top
        double cx = left.getX() + left.getWidth() * (2 + 0.5) / 3, cy = left.getMaxY() - left.getHeight() * (1 + 0.5) / 2;
        assertArrayEquals(new int[] {2, 1}, SweepHeatmapFigure.cellAt(chart, info, cx, cy, PLAN));
        assertArrayEquals(new int[] {0, 0}, SweepHeatmapFigure.cellAt(chart, info,
                right.getX() + right.getWidth() / 6, right.getMaxY() - right.getHeight() / 4, PLAN));
        assertNull(SweepHeatmapFigure.cellAt(chart, info, 2, 2, PLAN), "off the grid");

        int finished = img.getRGB((int) (left.getX() + left.getWidth() / 6), (int) (left.getMaxY() - left.getHeight() / 4));
        int missing = img.getRGB((int) (left.getX() + left.getWidth() / 6), (int) (left.getMaxY() - left.getHeight() * 3 / 4));
        assertEquals(0xFFFFFFFF, missing, "cell (0, 1) is not finished: white");
        assertNotEquals(0xFFFFFFFF, finished);
        assertTrue(SweepHeatmapFigure.powerOfTen(3e-5).equals("3·10⁻⁵") && SweepHeatmapFigure.powerOfTen(1e-4).equals("10⁻⁴")
                && SweepHeatmapFigure.powerOfTen(2.5).equals("2.5"));
    }
}
