package org.grokbench.ui;

import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import org.grokbench.race.RaceResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.grokbench.ui.WindowHarness.assertPicture;
import static org.grokbench.ui.WindowHarness.fx;
import static org.grokbench.ui.WindowHarness.fxRun;
import static org.grokbench.ui.WindowHarness.waitFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The "Optimizer race (App. I)" tab driven like a user would, headless. */
class RaceTabTest {
    @TempDir
    Path exports;
    private WindowHarness h;

    @AfterEach
    void close() throws Exception {
        if (h != null) h.close();
    }

    @Test
    void raceDrawsBothFiguresExportsAndFollowsTheLook() throws Exception {
        h = WindowHarness.open(WorkbenchApp.DEFAULT_PRESET, exports);
        assertEquals("preset", fx(h.window::selectedTabFx), "the preset run comes first");
        h.robot.clickOn("#tab-race");
        waitFx("race tab shown", 10, () -> h.window.selectedTabFx().equals("race"));

        // an invalid field disables Race and says why
        fxRun(() -> h.<TextField>lookup("#race-steps").setText("0"));
        assertTrue(fx(() -> h.<Button>lookup("#race-run").isDisabled()));
        assertTrue(fx(() -> h.window.raceView().viewModel().steps().errorProperty().get()).contains("1 ≤ steps ≤ 200000"));
        fxRun(() -> h.<TextField>lookup("#race-steps").setText("500"));

        h.robot.clickOn("#race-run");
        RaceView race = h.window.raceView();
        waitFx("race drawn", 60, () -> race.isSettledFx() && race.pathsView().hasPictureFx()
                && race.distanceView().hasPictureFx());
        RaceResult r = fx(() -> race.pathsView().race());
        assertEquals(500, r.steps());
        assertEquals(6, r.racers().size());
        assertTrue(fx(() -> ((javafx.scene.control.Label) h.lookup("#race-status")).getText()).contains("adamax"));

        // export: the same plot builder at 2x the on-screen size
        h.robot.clickOn("#race-paths-export");
        Path png = race.lastExport();
        assertTrue(png != null && Files.exists(png), "exported " + png);
        assertTrue(png.getFileName().toString().equals("race-rosenbrock_paths.png"), png.toString());
        int[] size = PanelExporter.sizeAt(race.pathsView(), PanelExporter.DEFAULT_SCALE);
        assertPicture(png, size[0], size[1]);

        // classroom mode reaches the race figures: they are drawn again
        long before = fx(() -> race.pathsView().lastChangeNanos());
        fxRun(() -> h.vm.classroomProperty().set(true));
        waitFx("redrawn in classroom mode", 60, () -> race.isSettledFx() && race.pathsView().lastChangeNanos() > before);
    }
}
