package org.grokbench.ui;

import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import org.grokbench.experiment.HistoryView;
import org.grokbench.experiment.Metric;
import org.grokbench.experiment.RunStatus;
import org.grokbench.experiment.Snapshot;
import org.grokbench.experiment.TrajectorySnapshot;
import org.grokbench.experiment.preset.PresetInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.grokbench.ui.WindowHarness.assertPicture;
import static org.grokbench.ui.WindowHarness.fx;
import static org.grokbench.ui.WindowHarness.fxRun;
import static org.grokbench.ui.WindowHarness.waitFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window driven like a user would, headless (Monocle): presets, run controls, timeline, fields, export. */
class WorkbenchWindowTest {
    @TempDir
    Path exports;
    private WindowHarness h;

    @AfterEach
    void close() throws Exception {
        if (h != null) h.close();
    }

    @Test
    void everyPresetLoadsRunsPausesStepsAndScrubs() throws Exception {
        h = WindowHarness.open(WorkbenchApp.DEFAULT_PRESET, exports);
        List<PresetInfo> presets = h.vm.presets();
        assertTrue(presets.size() >= 6, "presets: " + presets);
        for (PresetInfo p : presets) {
            selectInLibrary(p.id());
            waitFx("preset " + p.id() + " loaded", 20, () -> h.vm.presetId().equals(p.id())
                    && h.window.visiblePanels().size() >= 2);
            assertEquals(p.title(), fx(() -> ((Label) h.lookup("#preset-title")).getText()));

            // single steps: ×10, then one more
            long ten = h.stepAndWait(10);
            assertTrue(ten >= 9 && ten <= 10, "after 10 steps the window shows step " + ten);
            assertEquals(ten + 1, h.stepAndWait(1));

            // run, then pause
            h.robot.clickOn("#run");
            waitFx(p.id() + " running past step 11", 20, () -> h.latest().step() > 11);
            h.robot.clickOn("#pause");
            waitFx(p.id() + " paused", 20, () -> h.latest().status() == RunStatus.PAUSED
                    || h.latest().status() == RunStatus.FINISHED);
            long at = h.latest().step();
            assertTrue(at > 11);

            // scrub back: every panel shows that step, the run stays where it is
            long back = 5;
            fxRun(() -> h.<Slider>lookup("#timeline").setValue(back));
            h.waitSettled();
            assertFalse(fx(() -> h.vm.liveProperty().get()));
            assertEquals(back, (long) fx(() -> h.vm.shownStep()));
            assertTrue(fx(() -> ((Label) h.lookup("#status-step")).getText()).startsWith("showing step 5"));
            assertEquals(at, h.latest().step());
            JFreeChart loss = fx(() -> h.window.panel(LossCurvesView.class).chart());
            assertTrue(((org.jfree.chart.plot.XYPlot) loss.getPlot()).getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND)
                    .stream().anyMatch(m -> ((org.jfree.chart.plot.ValueMarker) m).getValue() == back), "loss curves marked at step 5");
            if (fx(() -> h.window.visiblePanels().contains(h.window.panel(ParameterPlaneView.class)))) {
                JFreeChart plane = fx(() -> h.window.panel(ParameterPlaneView.class).chart());
                assertTrue(subtitles(plane).contains("state at step 5"), subtitles(plane));
            }
            h.robot.clickOn("#live");
            waitFx("live again", 10, () -> h.vm.liveProperty().get());
        }
    }

    @Test
    void hyperparametersApplyWhenValidAndAreMarkedWhenNot() throws Exception {
        h = WindowHarness.open(WorkbenchApp.DEFAULT_PRESET, exports);
        long first = h.stepAndWait(1);

        // valid lr: sent to the running loop, applied between steps
        replaceText("#lr-0", "0.05");
        waitFx("lr applied", 10, () -> h.latest().trajectories().get(0).lr() == 0.05);
        assertEquals(0.1, h.latest().trajectories().get(1).lr());
        assertEquals(first, h.latest().step(), "a live change is no reset");

        // invalid λ: marked at the field with the range, never applied
        replaceText("#lambda-1", "abc");
        TextField lambda = h.lookup("#lambda-1");
        assertTrue(fx(() -> lambda.getStyleClass().contains("invalid")));
        Label errors = h.lookup("#errors-1");
        assertTrue(fx(errors::isVisible));
        assertTrue(fx(errors::getText).contains("0 ≤ λ ≤ 10"), fx(errors::getText));
        replaceText("#lambda-1", "12");
        assertTrue(fx(errors::getText).contains("0 ≤ λ ≤ 10"));
        assertEquals(first + 1, h.stepAndWait(1));
        assertEquals(0.1, h.latest().trajectories().get(1).lambda());

        // fixing it clears the mark and applies
        replaceText("#lambda-1", "0.3");
        assertFalse(fx(() -> lambda.getStyleClass().contains("invalid")));
        assertFalse(fx(errors::isVisible));
        waitFx("λ applied", 10, () -> h.latest().trajectories().get(1).lambda() == 0.3);

        // a new seed is a reset that keeps the edited values
        RunSession before = h.vm.session();
        replaceText("#seed", "5");
        waitFx("reset", 10, () -> h.vm.session() != before && h.latest().step() == 0);
        assertEquals(5, h.vm.session().spec().seed());
        assertEquals(0.05, h.vm.session().spec().runs().get(0).lr());
        assertEquals(0.3, h.vm.session().spec().runs().get(1).lambda());
        assertTrue(before.awaitClosed(5, java.util.concurrent.TimeUnit.SECONDS), "the old run's thread ends");

        // an invalid step budget is refused
        replaceText("#steps", "0");
        assertTrue(fx(() -> ((Label) h.lookup("#errors-global")).getText()).contains("1 ≤ steps ≤ 10000000"));
        assertEquals(3000, h.vm.session().spec().maxSteps());
    }

    @Test
    void everyPanelExportsAPngOfTheRequestedSize() throws Exception {
        h = WindowHarness.open(WorkbenchApp.DEFAULT_PRESET, exports);
        long at = h.stepAndWait(100);
        h.waitSettled();
        fxRun(() -> h.window.showPanelFx(h.window.panel(AccuracyView.class), true));
        h.waitSettled();
        List<PanelView> panels = fx(() -> h.window.visiblePanels());
        assertEquals(5, panels.size());
        int exported = 0;
        for (PanelView p : panels) {
            if (!fx(p::canExport)) continue;   // the 3D view where 3D is unsupported
            h.robot.clickOn("#" + p.id() + "-export");
            ExportPrompts.PanelRequest r = h.prompts.asked.get(h.prompts.asked.size() - 1);
            assertEquals(PanelExporter.fileName("fig1-one-plus-one", p.id(), at), r.file().getFileName().toString());
            assertTrue(r.file().getFileName().toString().matches("fig1-one-plus-one_" + p.id() + "_step000(099|100)\\.png"));
            int[] twice = fx(() -> PanelExporter.sizeAt(p, 2));
            assertEquals(twice[0], r.width());
            assertTrue(Files.exists(r.file()), "exported " + r.file());
            assertPicture(r.file(), r.width(), r.height());
            exported++;
        }
        assertTrue(exported >= 4);

        h.robot.clickOn("#export-all");
        List<Path> all;
        try (Stream<Path> files = Files.list(exports.resolve("all"))) {
            all = files.sorted().collect(Collectors.toList());
        }
        assertEquals(exported, all.size(), "one file per exportable panel: " + all);
        for (Path f : all) assertTrue(f.getFileName().toString().matches("fig1-one-plus-one_[a-z0-9-]+_step000(099|100)\\.png"), f.toString());
    }

    @Test
    void classroomModeAndDarkThemeChangeTheWholeWindow() throws Exception {
        h = WindowHarness.open(WorkbenchApp.DEFAULT_PRESET, exports);
        h.stepAndWait(1);
        h.waitSettled();
        double normalFont = fx(() -> ((Label) h.lookup("#status-step")).getFont().getSize());
        JFreeChart normal = fx(() -> h.window.panel(LossCurvesView.class).chart());
        float normalTitle = normal.getTitle().getFont().getSize2D();

        h.robot.clickOn("#classroom");
        h.robot.clickOn("#dark");
        h.waitSettled();
        assertTrue(fx(() -> h.window.scene().getRoot().getStyleClass().containsAll(List.of("classroom", "dark"))));
        double bigFont = fx(() -> ((Label) h.lookup("#status-step")).getFont().getSize());
        assertTrue(bigFont >= 1.5 * normalFont, normalFont + " -> " + bigFont);
        JFreeChart big = fx(() -> h.window.panel(LossCurvesView.class).chart());
        assertNotSame(normal, big);
        assertTrue(big.getTitle().getFont().getSize2D() >= 1.5 * normalTitle);

        h.robot.clickOn("#loss-curves-export");
        ExportPrompts.PanelRequest r = h.prompts.asked.get(0);
        assertPicture(r.file(), r.width(), r.height());

        h.robot.clickOn("#classroom");
        h.waitSettled();
        assertFalse(fx(() -> h.window.scene().getRoot().getStyleClass().contains("classroom")));
    }

    /**
     * The issue's "done when": a newcomer picks "1 + 1 = 2", presses run and watches the three λ
     * runs memorize first and generalize later, sliding towards (1, 1) faster for larger λ; scrubs
     * back; exports the figure.
     */
    @Test
    void aNewcomerWatchesOnePlusOneGrokScrubsBackAndExports() throws Exception {
        h = WindowHarness.open("fig2-three-numbers", exports);
        h.robot.clickOn("Grokking 1 + 1 = 2 with two weights");
        waitFx("fig1 loaded", 10, () -> h.vm.presetId().equals("fig1-one-plus-one"));
        fxRun(() -> h.vm.speedProperty().set(WorkbenchViewModel.MAX_SPEED));
        h.robot.clickOn("#run");
        waitFx("finished", 60, () -> h.latest().status() == RunStatus.FINISHED);
        h.waitSettled();

        Snapshot s = h.latest();
        long[] generalizedAt = new long[3];
        for (int i = 0; i < 3; i++) {
            TrajectorySnapshot t = s.trajectories().get(i);
            HistoryView hv = t.history();
            double train0 = hv.metric(0, Metric.TRAIN_LOSS), test0 = hv.metric(0, Metric.TEST_LOSS);
            long memorized = hv.firstStepBelow(Metric.TRAIN_LOSS, train0 / Phase.FIT_FACTOR);
            long generalized = hv.firstStepBelow(Metric.TEST_LOSS, test0 / Phase.FIT_FACTOR);
            assertTrue(memorized >= 0 && memorized <= 20, t.label() + " memorizes within ~10 steps: " + memorized);
            assertTrue(generalized > 5 * memorized, t.label() + " generalizes much later: " + generalized);
            double[] theta = t.theta();
            assertEquals(theta[0], theta[1], 0.02, t.label() + " ends on the diagonal");
            generalizedAt[i] = generalized;
            String phase = "#phase-" + i;
            assertEquals("generalized", fx(() -> ((Label) h.lookup(phase)).getText()));
        }
        assertTrue(generalizedAt[2] < generalizedAt[1] && generalizedAt[1] < generalizedAt[0],
                "larger λ generalizes sooner: " + java.util.Arrays.toString(generalizedAt));
        assertEquals(1.0, s.trajectories().get(0).theta()[0], 0.02, "λ = 0.01 reaches (1, 1)");

        // scrub back to the memorized moment: the phase line says so
        long memorizedStep = 20;
        fxRun(() -> h.<Slider>lookup("#timeline").setValue(memorizedStep));
        h.waitSettled();
        assertEquals("memorized", fx(() -> ((Label) h.lookup("#phase-0")).getText()));

        h.robot.clickOn("#export-all");
        try (Stream<Path> files = Files.list(exports.resolve("all"))) {
            List<Path> list = files.collect(Collectors.toList());
            assertTrue(list.stream().anyMatch(f -> f.getFileName().toString()
                    .equals("fig1-one-plus-one_parameter-plane_step000020.png")), list.toString());
            for (Path f : list) {
                java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(f.toFile());
                assertPicture(f, img.getWidth(), img.getHeight());
            }
        }
    }

    @Test
    void runningOnePresetAndLoadingAnotherStopsTheFirst() throws Exception {
        h = WindowHarness.open(WorkbenchApp.DEFAULT_PRESET, exports);
        fxRun(() -> h.vm.speedProperty().set(50));
        h.robot.clickOn("#run");
        waitFx("running", 10, () -> h.latest().status() == RunStatus.RUNNING);
        RunSession first = h.vm.session();
        selectInLibrary("fig4-gradient-orthogonality");
        waitFx("fig4 loaded", 10, () -> h.vm.presetId().equals("fig4-gradient-orthogonality"));
        assertTrue(first.awaitClosed(5, java.util.concurrent.TimeUnit.SECONDS));
        assertNotEquals(first, h.vm.session());
        RunStatus fresh = h.latest().status();
        assertTrue(fresh == RunStatus.READY || fresh == RunStatus.PAUSED, fresh.toString());
        assertEquals(0, h.latest().step());
    }

    // ---- helpers ------------------------------------------------------------------------------

    private void selectInLibrary(String id) throws Exception {
        fxRun(() -> {
            var tree = h.<javafx.scene.control.TreeView<Object>>lookup("#preset-tree");
            for (TreeItem<Object> group : tree.getRoot().getChildren())
                for (TreeItem<Object> leaf : group.getChildren())
                    if (leaf.getValue() instanceof PresetInfo p && p.id().equals(id))
                        tree.getSelectionModel().select(leaf);
        });
    }

    /** Clicks a field, replaces its text by typing, presses Enter. */
    private void replaceText(String query, String text) throws Exception {
        TextField f = h.lookup(query);
        h.robot.clickOn(f);
        fxRun(f::selectAll);
        h.robot.write(text);
        h.robot.type(KeyCode.ENTER);
        waitFx("typed into " + query, 5, () -> f.getText().equals(text));
    }

    private static String subtitles(JFreeChart chart) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < chart.getSubtitleCount(); i++)
            if (chart.getSubtitle(i) instanceof TextTitle t) b.append(t.getText()).append(" | ");
        return b.toString();
    }
}
