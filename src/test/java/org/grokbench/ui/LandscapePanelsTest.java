package org.grokbench.ui;

import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import org.grokbench.landscape.DirectionKind;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.grokbench.ui.WindowHarness.assertPicture;
import static org.grokbench.ui.WindowHarness.fx;
import static org.grokbench.ui.WindowHarness.fxRun;
import static org.grokbench.ui.WindowHarness.waitFx;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The landscape panels on the modular-addition network: the slice follows the timeline, the pickers switch it, both export. */
class LandscapePanelsTest {
    @TempDir
    Path exports;
    private WindowHarness h;

    @AfterEach
    void close() throws Exception {
        if (h != null) h.close();
    }

    /** The title of the chart on screen (FX thread). */
    private static String title(LandscapeView v) {
        JFreeChart c = v.chart();
        return c == null || c.getTitle() == null ? "" : c.getTitle().getText();
    }

    @Test
    void theSliceFollowsTheTimelineAndThePickers() throws Exception {
        h = WindowHarness.open("modular-addition-mlp", exports);
        h.waitSettled();
        LandscapeView view = fx(() -> h.window.panel(LandscapeView.class));
        List<String> shown = fx(() -> h.window.visiblePanels().stream().map(PanelView::id).collect(Collectors.toList()));
        assertTrue(shown.contains("landscape"), shown.toString());
        assertFalse(shown.contains("landscape-3d"), "the 3D surface is off by default: " + shown);
        long at = h.stepAndWait(6);
        h.waitSettled();
        waitFx("slice at the latest step", 30, () -> title(view).equals("Loss landscape toward θ* from step " + at));
        // scrubbed back: the slice is taken at that step, still toward the latest θ
        fxRun(() -> view.offerFx(new Frame(h.vm.session().experiment(), h.latest(), 2, false)));
        fxRun(view::drawPendingFx);
        waitFx("slice at step 2", 30, () -> title(view).equals("Loss landscape toward θ* from step 2"));
        fxRun(() -> view.modePicker().getSelectionModel().select(LandscapeView.Mode.PLANE));
        fxRun(() -> view.directionPicker().getSelectionModel().select(DirectionKind.PCA));
        waitFx("PCA plane", 30, () -> title(view).equals("Loss landscape: PCA plane at step 2"));
        fxRun(() -> view.modePicker().getSelectionModel().select(LandscapeView.Mode.STACK));
        fxRun(() -> view.directionPicker().getSelectionModel().select(DirectionKind.FINAL));
        waitFx("per-step stack", 30, () -> title(view).startsWith("Loss landscape per step, toward θ*"));
        Path png = exports.resolve("landscape.png");
        WindowHarness.assertExports(view, png, 800, 500);
    }

    @Test
    void theSurfaceSkipsItselfWithout3dAndOrbitsWithIt() throws Exception {
        WindowHarness.initToolkit();
        LandscapeSurfaceView3D none = fx(() -> new LandscapeSurfaceView3D(false));
        assertFalse(fx(none::canExport));
        assertFalse(fx(none::isSupported));
        boolean scene3d = fx(() -> Platform.isSupported(ConditionalFeature.SCENE3D));
        if (Boolean.getBoolean("grokbench.require3d")) assertTrue(scene3d, "-Dgrokbench.require3d=true but this pipeline has no SCENE3D");
        assumeTrue(scene3d, "no SCENE3D on this pipeline");
        h = WindowHarness.open("modular-addition-mlp", exports);
        LandscapeSurfaceView3D view = fx(() -> h.window.panel(LandscapeSurfaceView3D.class));
        fxRun(() -> h.window.showPanelFx(view, true));
        h.stepAndWait(4);
        waitFx("a surface", 30, view::hasSurfaceFx);
        double[] before = fx(view::cameraState);
        fxRun(() -> view.rotateFx(10, 20));
        assertNotEquals(before[1], fx(view::cameraState)[1]);
        Path png = exports.resolve("surface.png");
        WindowHarness.assertExports(view, png, 640, 400);
    }
}
