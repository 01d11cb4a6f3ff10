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
}
