package org.grokbench.plot;

import org.grokbench.experiment.Run;
import org.grokbench.experiment.Snapshot;
import org.grokbench.experiment.TrajectorySnapshot;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every figure renders headless at 1600×1000 and draws something. */
class FigureRenderingTest {
    private static final int W = 1600, H = 1000;

    private static void assertNotBlank(BufferedImage img, String what) {
        assertEquals(W, img.getWidth());
        assertEquals(H, img.getHeight());
        int colours = FigureFixtures.distinctColours(img);
        double ink = FigureFixtures.inkFraction(img);
        assertTrue(colours > 20, what + ": only " + colours + " colours");
        assertTrue(ink > 0.02, what + ": only " + ink + " of the pixels are not white");
    }

    private static List<TrajectorySnapshot> fig1() {
        return FigureFixtures.run("fig1-one-plus-one", 1500).snapshot().trajectories();
    }

    @Test
    void lossCurvesRender() {
        BufferedImage img = FigureExport.render(LossCurvesFigure.loss(fig1(), FigureOptions.defaults()), W, H);
        assertNotBlank(img, "loss");
        assertTrue(FigureFixtures.contains(img, FigureStyle.trajectoryColor(0)), "first run's colour drawn");
        assertTrue(FigureFixtures.contains(img, FigureStyle.trajectoryColor(2)), "third run's colour drawn");
    }

    @Test
    void lossCurvesRenderWithLogStepsMarkerAndLargeScale() {
        FigureOptions o = FigureOptions.defaults().withLogStep(true).withStep(200)
                .withStyle(FigureStyle.scaled(1.6)).withCaption("classroom");
        assertNotBlank(FigureExport.render(LossCurvesFigure.loss(fig1(), o), W, H), "log-step loss");
        assertNotBlank(FigureExport.render(LossCurvesFigure.accuracy(fig1(), o), W, H), "log-step accuracy");
    }

    @Test
    void accuracyRenders() {
        assertNotBlank(FigureExport.render(LossCurvesFigure.accuracy(fig1(), FigureOptions.defaults()), W, H), "accuracy");
    }

    @Test
    void geometryRenders() {
        assertNotBlank(FigureExport.render(GeometryFigure.create(fig1(), FigureOptions.defaults().withStep(100)), W, H),
                "geometry");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fig1-one-plus-one", "fig2-three-numbers", "fig3-curved", "fig3-singular",
            "fig3-leaky-relu", "fig4-gradient-orthogonality"})
    void parameterPlaneRendersForEveryPreset(String preset) {
        FigureFixtures.Finished f = FigureFixtures.run(preset, 400);
        ParameterPlaneFigure figure = new ParameterPlaneFigure(f.experiment());
        List<TrajectorySnapshot> runs = f.snapshot().trajectories();
        BufferedImage end = FigureExport.render(figure.create(runs, FigureOptions.defaults()), W, H);
        assertNotBlank(end, preset + " plane");
        assertTrue(FigureFixtures.contains(end, FigureStyle.ZERO_LOSS), preset + ": Z drawn in black");
        BufferedImage mid = FigureExport.render(figure.create(runs, FigureOptions.defaults().withStep(20)), W, H);
        assertNotBlank(mid, preset + " plane at step 20");
        assertTrue(FigureFixtures.contains(mid, FigureStyle.TANGENT_PART), preset + ": tangent arrow drawn at step 20");
    }

    @Test
    void parameterPlaneDrawsOneDataUnitAsManyPixelsOnBothAxes() {
        FigureFixtures.Finished f = FigureFixtures.run("fig3-curved", 400);
        JFreeChart chart = ParameterPlaneFigure.create(f.experiment(), f.snapshot().trajectories(), FigureOptions.defaults());
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.createBufferedImage(W, H, info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getXYPlot();
        double perPixelX = plot.getDomainAxis().getRange().getLength() / area.getWidth();
        double perPixelY = plot.getRangeAxis().getRange().getLength() / area.getHeight();
        assertEquals(perPixelX, perPixelY, perPixelX * 0.02, "equal aspect");
        double[] box = f.experiment().spec().view().plane();
        assertTrue(plot.getDomainAxis().getLowerBound() <= box[0] + 1e-9 && plot.getDomainAxis().getUpperBound() >= box[1] - 1e-9,
                "the preset's box is inside the x range");
        assertTrue(plot.getRangeAxis().getLowerBound() <= box[2] + 1e-9 && plot.getRangeAxis().getUpperBound() >= box[3] - 1e-9,
                "the preset's box is inside the y range");
    }

    @Test
    void aZoomSetBeforeTheFirstDrawingSurvivesAndZoomFactorZeroRestoresTheBox() {
        FigureFixtures.Finished f = FigureFixtures.run("fig4-gradient-orthogonality", 400);
        ParameterPlaneFigure figure = new ParameterPlaneFigure(f.experiment());
        JFreeChart chart = figure.create(f.snapshot().trajectories(), FigureOptions.defaults());
        XYPlot plot = chart.getXYPlot();
        // what the window does when it rebuilds a zoomed chart
        plot.getDomainAxis().setRange(new org.jfree.data.Range(0.9, 1.1), true, false);
        plot.getRangeAxis().setRange(new org.jfree.data.Range(0.9, 1.1), true, false);
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage zoomed = chart.createBufferedImage(W, H, info);
        assertTrue(plot.getDomainAxis().getRange().getLength() < 0.5, "zoom kept: " + plot.getDomainAxis().getRange());
        assertTrue(plot.getRangeAxis().getRange().contains(0.9) && plot.getRangeAxis().getRange().contains(1.1));
        assertTrue(FigureFixtures.contains(zoomed, FigureStyle.ZERO_LOSS), "Z crosses the zoomed view");

        plot.zoomDomainAxes(0.0, info.getPlotInfo(), new java.awt.geom.Point2D.Double(W / 2.0, H / 2.0), false);
        chart.createBufferedImage(W, H);
        double[] box = f.experiment().spec().view().plane();
        assertTrue(plot.getRangeAxis().getLowerBound() <= box[2] + 1e-9 && plot.getRangeAxis().getUpperBound() >= box[3] - 1e-9,
                "restored to the preset's box: " + plot.getRangeAxis().getRange());
    }

    @Test
    void figuresOfARunThatHasNotStartedRender() {
        FigureFixtures.Finished f = FigureFixtures.run("fig1-one-plus-one", 10);
        Snapshot empty = new Run(f.experiment()).latest();
        List<TrajectorySnapshot> runs = empty.trajectories();
        for (Function<List<TrajectorySnapshot>, JFreeChart> build : List.<Function<List<TrajectorySnapshot>, JFreeChart>>of(
                r -> LossCurvesFigure.loss(r, FigureOptions.defaults()),
                r -> LossCurvesFigure.accuracy(r, FigureOptions.defaults().withLogStep(true)),
                r -> GeometryFigure.create(r, FigureOptions.defaults()),
                r -> ParameterPlaneFigure.create(f.experiment(), r, FigureOptions.defaults()))) {
            assertDoesNotThrow(() -> FigureExport.render(build.apply(runs), W, H));
        }
    }

    @Test
    void orthogonalityFigureRenders() {
        double[] d = {1, 0.1, 0.01, 0.001}, c = {0.8, 0.04, 0.004, 0.0004};
        assertNotBlank(FigureExport.render(OrthogonalityFigure.create(d, c, "test points", FigureOptions.defaults()), W, H),
                "orthogonality");
    }

    @Test
    void saveWritesAPngOfTheRequestedSize(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/loss.png");
        FigureExport.save(LossCurvesFigure.loss(fig1(), FigureOptions.defaults()), file, 800, 500);
        BufferedImage img = javax.imageio.ImageIO.read(file.toFile());
        assertEquals(800, img.getWidth());
        assertEquals(500, img.getHeight());
        assertTrue(Files.size(file) > 1000);
    }
}
