package org.grokbench.plot;

import org.grokbench.experiment.HistoryView;
import org.grokbench.experiment.Metric;
import org.grokbench.experiment.TrajectorySnapshot;
import org.grokbench.modular.FourierFeatures;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The modular-addition figures: Fourier circles and features, embedding PCA, Fig. 5 cosine, losses floored. */
class ModularFiguresTest {
    private static final int W = 1600, H = 1000;

    private static void assertNotBlank(JFreeChart chart, String what) {
        BufferedImage img = FigureExport.render(chart, W, H);
        assertEquals(W, img.getWidth());
        assertEquals(H, img.getHeight());
        int colours = FigureFixtures.distinctColours(img);
        double ink = FigureFixtures.inkFraction(img);
        assertTrue(colours > 20, what + ": only " + colours + " colours");
        assertTrue(ink > 0.02, what + ": only " + ink + " of the pixels are not white");
    }

    /** p = 11: circles at k = 2 and 5; p = 37: at k = 3, 7 and 16, of different sizes. */
    private static double[] planted(int p, int hidden) {
        return p == 11
                ? ModularFixtures.plantedCircles(p, hidden, new int[] {2, 5}, new double[] {1.0, 0.7}, 0.01, 1)
                : ModularFixtures.plantedCircles(p, hidden, new int[] {3, 7, 16}, new double[] {1.0, 0.8, 0.6}, 0.01, 1);
    }

    private static int hidden(int p) { return p == 11 ? 128 : 512; }

    @ParameterizedTest
    @ValueSource(ints = {11, 37})
    void fourierCirclesRender(int p) {
        double[] e = planted(p, hidden(p));
        JFreeChart chart = FourierCirclesFigure.forEmbedding(e, p, hidden(p), FourierCirclesFigure.DOMINANT,
                "planted", 0, FigureOptions.defaults());
        assertNotBlank(chart, "circles p=" + p);
        TiledPlot plot = (TiledPlot) chart.getPlot();
        assertEquals((p - 1) / 2 + 1, plot.tiles().size(), "one plot per frequency and the large view");
        String big = plot.tiles().get(plot.tiles().size() - 1).title();
        assertTrue(big.startsWith(p == 11 ? "k = 2 (largest)" : "k = 3 (largest)"), "the large view shows the largest circle: " + big);
        assertTrue(big.contains(p + " of " + p + " edges in circle order"), big);
        assertNotBlank(FourierCirclesFigure.forEmbedding(ModularFixtures.random(p, hidden(p), 2), p, hidden(p), 1,
                null, 2, FigureOptions.defaults().withStyle(FigureStyle.scaled(1.5))), "random circles p=" + p);
    }

    @ParameterizedTest
    @ValueSource(ints = {11, 37})
    void circlePlotsJoinTheResiduesInCircleOrder(int p) {
        double[] e = planted(p, hidden(p));
        FourierFeatures f = FourierFeatures.of(e, p, hidden(p));
        JFreeChart chart = FourierCirclesFigure.forEmbedding(e, p, hidden(p), FourierCirclesFigure.DOMINANT, null, 0,
                FigureOptions.defaults());
        TiledPlot plot = (TiledPlot) chart.getPlot();
        for (int k = 1; k <= f.frequencyCount(); k++) {
            XYDataset path = ((XYPlot) plot.tile(k - 1)).getDataset();
            assertPathInOrder(path, f, k);
        }
        XYDataset big = ((XYPlot) plot.tile(plot.tiles().size() - 1)).getDataset();
        assertPathInOrder(big, f, f.dominantFrequency());
    }

    /** Series 0 visits circleProjection(k) in circleOrder(k) and closes the loop. */
    private static void assertPathInOrder(XYDataset data, FourierFeatures f, int k) {
        int p = f.modulus();
        double[][] xy = f.circleProjection(k);
        int[] order = f.circleOrder(k);
        assertEquals("path", data.getSeriesKey(0));
        assertEquals(p + 1, data.getItemCount(0), "closed path over p residues");
        for (int i = 0; i <= p; i++) {
            int j = order[i % p];
            assertEquals(xy[j][0], data.getXValue(0, i), 0, "k=" + k + " item " + i);
            assertEquals(xy[j][1], data.getYValue(0, i), 0, "k=" + k + " item " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {11, 37})
    void plantedCirclesAreInPerfectOrderAndRandomOnesAreNot(int p) {
        double[] e = planted(p, hidden(p));
        FourierFeatures f = FourierFeatures.of(e, p, hidden(p));
        int k = p == 11 ? 5 : 7;
        assertArrayEquals(FourierFeatures.expectedCircleOrder(p, k), FourierCirclesFigure.pathOrder(f, k));
        assertEquals(p, FourierCirclesFigure.neighbourEdges(f, k), "every edge joins circle neighbours");
        FourierFeatures r = FourierFeatures.of(ModularFixtures.random(p, 16, 3), p, 16);
        int worst = p;
        for (int q = 1; q <= r.frequencyCount(); q++) worst = Math.min(worst, FourierCirclesFigure.neighbourEdges(r, q));
        assertTrue(worst < p, "a random low-dimensional embedding has edges out of circle order");
    }

    @Test
    void neighbourTestFollowsPositionsJkModP() {
        // p = 11, k = 3: residue j sits at 3j mod 11; 0 (at 0) and 4 (at 12 ≡ 1) are neighbours, 0 and 1 (at 3) are not.
        assertTrue(FourierCirclesFigure.joinsNeighbours(0, 4, 3, 11));
        assertTrue(FourierCirclesFigure.joinsNeighbours(4, 0, 3, 11));
        assertTrue(!FourierCirclesFigure.joinsNeighbours(0, 1, 3, 11));
        // p = 12, k = 4 (not coprime): positions 0, 4, 8: residues 0 and 3 coincide, 0 and 1 are neighbours.
        assertTrue(FourierCirclesFigure.joinsNeighbours(0, 3, 4, 12));
        assertTrue(FourierCirclesFigure.joinsNeighbours(0, 1, 4, 12));
    }

    @ParameterizedTest
    @ValueSource(ints = {11, 37})
    void fourierFeaturesRender(int p) {
        double[] before = ModularFixtures.random(p, hidden(p), 5);
        double[] after = planted(p, hidden(p));
        JFreeChart chart = FourierFeaturesFigure.forEmbeddings(before, 0, after, 5000, p, hidden(p), "planted",
                FigureOptions.defaults());
        assertNotBlank(chart, "features p=" + p);
        TiledPlot plot = (TiledPlot) chart.getPlot();
        assertEquals(6, plot.tiles().size(), "three panels at two steps");
        assertTrue(plot.tiles().get(0).title().endsWith("step 0"));
        assertTrue(plot.tiles().get(3).title().endsWith("step 5000"));
        // the matrix panel holds |Re|/|Im| similarities of the later embedding
        double[][] s = FourierFeatures.of(after, p, hidden(p)).absoluteSimilarity();
        var xyz = (org.jfree.data.xy.XYZDataset) ((XYPlot) plot.tile(5)).getDataset();
        int n = s.length;
        assertEquals(n * n, xyz.getItemCount(0));
        assertEquals(s[1][0], xyz.getZValue(0, n), 0, "row 1, column 0");
        // the norm panel: ‖Re F_k‖ and ‖Im F_k‖ for k = 1..K
        XYDataset norms = ((XYPlot) plot.tile(3)).getDataset();
        FourierFeatures f = FourierFeatures.of(after, p, hidden(p));
        assertEquals((p - 1) / 2, norms.getItemCount(0));
        assertEquals(f.realNorm(2), norms.getYValue(0, 1), 1e-15);
        assertEquals(f.imagNorm(2), norms.getYValue(1, 1), 1e-15);
    }

    @ParameterizedTest
    @ValueSource(ints = {11, 37})
    void embeddingPcaRenders(int p) {
        JFreeChart chart = EmbeddingPcaFigure.forEmbeddings(ModularFixtures.random(p, hidden(p), 7), 0,
                planted(p, hidden(p)), 5000, p, hidden(p), "planted", FigureOptions.defaults());
        assertNotBlank(chart, "pca p=" + p);
        XYPlot after = (XYPlot) ((TiledPlot) chart.getPlot()).tile(1);
        assertTrue(after.getDomainAxis().getLabel().startsWith("PC1 ("), after.getDomainAxis().getLabel());
        assertTrue(after.getDomainAxis().getLabel().endsWith("% of variance)"), after.getDomainAxis().getLabel());
    }

    @Test
    void pcaOfOneCircleIsThatCircle() {
        int p = 11, dh = 64;
        double[] e = ModularFixtures.plantedCircles(p, dh, new int[] {3}, new double[] {2.0}, 0, 4);
        EmbeddingPcaFigure.Projection pr = EmbeddingPcaFigure.project(e, p, dh);
        assertEquals(0.5, pr.explained1(), 1e-9);
        assertEquals(0.5, pr.explained2(), 1e-9);
        for (double[] q : pr.xy()) assertEquals(2.0, Math.hypot(q[0], q[1]), 1e-9, "on the circle of radius 2");
        double total = 0;
        for (double v : pr.explained()) total += v;
        assertEquals(1.0, total, 1e-9);
        assertTrue(pr.xy()[0][0] >= 0 && pr.xy()[0][1] >= -1e-12, "signs fixed by residue 0");
    }

    @Test
    void figuresOfARealEq20Run() {
        FigureFixtures.Finished f = ModularFixtures.eq20(2, 200);
        List<TrajectorySnapshot> runs = f.snapshot().trajectories();
        FigureOptions o = FigureOptions.defaults().withCaption("Eq. (20), p = 11");
        assertNotBlank(FourierCirclesFigure.create(f.experiment(), runs, o), "circles, last step");
        assertNotBlank(FourierCirclesFigure.create(f.experiment(), runs, 3, o.withStep(0).withSelectedRun(1)),
                "circles, step 0, run 1, k = 3");
        assertNotBlank(FourierFeaturesFigure.create(f.experiment(), runs, o.withStep(100)), "features");
        assertNotBlank(EmbeddingPcaFigure.create(f.experiment(), runs, o), "pca");
        assertNotBlank(LossCurvesFigure.accuracy(runs, o), "accuracy");
        JFreeChart circles = FourierCirclesFigure.create(f.experiment(), runs, o.withStep(100));
        assertTrue(subtitles(circles).contains("at step 100"), subtitles(circles));
    }

    @Test
    void eq20LossIsFlooredAndSaysSo() {
        FigureFixtures.Finished f = ModularFixtures.eq20(2, 200);
        List<TrajectorySnapshot> runs = f.snapshot().trajectories();
        HistoryView h = runs.get(0).history();
        assertTrue(h.metric(h.size() - 1, Metric.TRAIN_LOSS) < LossCurvesFigure.LOSS_FLOOR, "Eq. 20 fits exactly");
        for (boolean logStep : new boolean[] {false, true}) {
            JFreeChart chart = LossCurvesFigure.loss(runs, FigureOptions.defaults().withLogStep(logStep));
            assertNotBlank(chart, "loss");
            ValueAxis y = chart.getXYPlot().getRangeAxis();
            assertTrue(y.getLowerBound() >= LossCurvesFigure.LOSS_FLOOR / 10, "axis starts near the floor: " + y.getLowerBound());
            assertTrue(subtitles(chart).contains("train loss below 10⁻¹² (or exactly 0) at every step"), subtitles(chart));
        }
    }

    @Test
    void toyLossHasNoFloorNoteWhenNothingIsBelowIt() {
        List<TrajectorySnapshot> runs = FigureFixtures.run("fig1-one-plus-one", 300).snapshot().trajectories();
        JFreeChart chart = LossCurvesFigure.loss(runs, FigureOptions.defaults());
        assertTrue(!subtitles(chart).contains("floor"), subtitles(chart));
    }

    @Test
    void floorNoteCountsTrainAndTestValues() {
        assertEquals(null, LossCurvesFigure.floorNote(new int[] {0, 0, 10, 10}));
        assertTrue(LossCurvesFigure.floorNote(new int[] {3, 1, 10, 10}).startsWith("3 train and 1 test loss values below"));
        assertTrue(LossCurvesFigure.floorNote(new int[] {0, 1, 10, 10}).startsWith("1 test loss value below"));
    }

    @Test
    void normMinCosineFigureForTheMlp() {
        FigureFixtures.Finished f = ModularFixtures.mlp(2, 60);
        List<TrajectorySnapshot> runs = f.snapshot().trajectories();
        JFreeChart chart = NormMinCosineFigure.create(runs, FigureOptions.defaults().withStep(30));
        assertNotBlank(chart, "cos norm min");
        double[][] mean = NormMinCosineFigure.mean(runs, false);
        assertTrue(mean[0].length >= 4, "probed every 10 steps in both runs: " + mean[0].length);
        for (int i = 0; i < mean[0].length; i++) {
            long step = (long) mean[0][i];
            double a = runs.get(0).history().metric(runs.get(0).history().rowAtOrBefore(step), Metric.COS_NORM_MIN);
            double b = runs.get(1).history().metric(runs.get(1).history().rowAtOrBefore(step), Metric.COS_NORM_MIN);
            assertEquals((a + b) / 2, mean[1][i], 1e-15);
        }
        assertNotBlank(NormMinCosineFigure.create(runs.subList(0, 1), FigureOptions.defaults().withLogStep(true)),
                "one run, log steps");
    }

    @Test
    void embeddingAtPicksTheStoredRowAtOrBeforeTheStep() {
        FigureFixtures.Finished f = ModularFixtures.eq20(2, 200);
        TrajectorySnapshot t = f.snapshot().trajectories().get(0);
        EmbeddingAt last = EmbeddingAt.of(t, 11, 128, FigureOptions.LATEST);
        assertNotNull(last);
        assertEquals(200, last.step());
        assertArrayEquals(java.util.Arrays.copyOf(t.theta(), 11 * 128), last.e(), 0);
        assertEquals(0, EmbeddingAt.first(t, 11, 128).step());
        assertEquals(57, EmbeddingAt.of(t, 11, 128, 57).step());
    }

    @Test
    void embeddingAtSearchesThinnedThetaRows() {
        org.grokbench.experiment.ExperimentSpec base = ModularFixtures.spec("modular-eq20", 11, 64, "sum", 1e-2, 0, 200, 1,
                new org.grokbench.experiment.ModularDataSpec("unordered", 0.7, 0), 1);
        org.grokbench.experiment.ExperimentSpec s = new org.grokbench.experiment.ExperimentSpec(base.id(), base.title(),
                base.story(), base.paper(), base.figure(), base.model(), base.train(), base.test(), base.runs(), base.seed(),
                new org.grokbench.experiment.ProbeSpec(1, 40), base.view(), base.modularData());
        TrajectorySnapshot t = new org.grokbench.experiment.Run(org.grokbench.experiment.Experiment.build(s))
                .runBlocking().trajectories().get(0);
        HistoryView h = t.history();
        assertTrue(h.parameterRows() < 201, "θ rows thinned: " + h.parameterRows());
        for (long step = 0; step <= 200; step += 7) {
            long expected = 0;
            for (int i = 0; i < h.parameterRows(); i++) if (h.parameterStep(i) <= step) expected = h.parameterStep(i);
            assertEquals(expected, EmbeddingAt.of(t, 11, 64, step).step(), "at step " + step);
        }
        assertEquals(200, EmbeddingAt.of(t, 11, 64, 10_000).step());
    }

    @Test
    void toyExperimentsAreRefused() {
        FigureFixtures.Finished f = FigureFixtures.run("fig1-one-plus-one", 10);
        assertThrows(IllegalArgumentException.class,
                () -> FourierCirclesFigure.create(f.experiment(), f.snapshot().trajectories(), FigureOptions.defaults()));
    }

    /** The chart's text subtitles, one per line (shared with the other figure tests). */
    static String subtitles(JFreeChart chart) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            Title t = chart.getSubtitle(i);
            if (t instanceof TextTitle tt) b.append(tt.getText()).append('\n');
        }
        return b.toString();
    }
}
