package org.grokbench.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.grokbench.ui.WindowHarness.fx;
import static org.grokbench.ui.WindowHarness.fxRun;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The λ-sweep preset of the two-phase tasks in the window: the toy panels that apply to any model
 * (loss, geometry) plus the drop-time panel, no parameter plane for its 80 weights, and a log step
 * axis on every panel whose horizontal axis is the step.
 */
class TwoPhasePanelsTest {
    @TempDir
    Path exports;
    private WindowHarness h;

    @AfterEach
    void close() throws Exception {
        if (h != null) h.close();
    }

    @Test
    void lambdaSweepShowsTheDropTimePanelAndEveryStepAxisCanBeLogarithmic() throws Exception {
        h = WindowHarness.open("twophase-lambda-sweep", exports);
        h.stepAndWait(10);
        h.waitSettled();
        List<String> shown = fx(() -> h.window.visiblePanels().stream().map(PanelView::id).collect(Collectors.toList()));
        assertTrue(shown.containsAll(List.of("loss-curves", "geometry", "drop-times")), shown.toString());
        for (String plane : List.of("parameter-plane", "manifold-3d")) assertFalse(shown.contains(plane), shown.toString());
        for (Class<? extends ChartPanelView> c : List.of(LossCurvesView.class, AccuracyView.class, GeometryView.class,
                CurvatureView.class)) {
            assertNotNull(fx(() -> h.window.panel(c).logStepBox()), c.getSimpleName() + " has no log step axis");
        }
        fxRun(() -> h.window.panel(GeometryView.class).logStepBox().setSelected(true));
        h.waitSettled();
        assertTrue(fx(() -> h.window.panel(GeometryView.class).logStepBox().isSelected()));
    }

    @Test
    void slowFlowPanelOverlaysThePredictedFlowOnceTheRunIsOnZAndOnlyForTwoPhasePresets() throws Exception {
        h = WindowHarness.open("twophase-sparse-regression", exports);
        SlowFlowView panel = fx(() -> h.window.panel(SlowFlowView.class));
        assertTrue(fx(() -> h.window.visiblePanels().contains(panel)), "shown by default for a two-phase preset");
        h.stepAndWait(100);   // not on Z yet (t_int ≈ 190)
        h.waitSettled();
        for (int i = 0; i < 3; i++) h.stepAndWait(100);
        WindowHarness.waitFx("the flow integrated", 60, () -> panel.computed() != null && panel.computed().result() != null
                && panel.computed().lastRowStep() == h.latest().step());
        h.waitSettled();
        var r = fx(() -> panel.computed().result());
        assertTrue(r.rows().size() >= 2 && r.rows().get(0).step() > 100, "compared from t_int on: " + r.rows().get(0).step());
        assertTrue(r.maxDistance() < r.finalTravel() + 1, "distance " + r.maxDistance());
        assertNotNull(fx(panel::logStepBox));
        assertTrue(fx(() -> panel.chart().getTitle().getText()).contains("Predicted slow flow"));

        fxRun(() -> panel.modePicker().getSelectionModel().select(SlowFlowView.Mode.PLANE));
        h.waitSettled();
        assertTrue(fx(() -> panel.chart().getTitle().getText()).contains("principal components"));
        assertFalse(fx(() -> panel.logStepBox().isVisible()), "the plane has no step axis");
        Path png = exports.resolve("slow-flow.png");
        WindowHarness.assertExports(panel, png, 800, 500);

        fxRun(() -> h.vm.loadPreset(WorkbenchApp.DEFAULT_PRESET));
        WindowHarness.waitFx("default preset", 20, () -> h.vm.presetId().equals(WorkbenchApp.DEFAULT_PRESET));
        h.waitSettled();
        assertFalse(fx(() -> h.window.visiblePanels().contains(panel)), "not for a toy preset");
        assertFalse(fx(() -> panel.appliesTo(h.vm.session().experiment())));
    }
}
