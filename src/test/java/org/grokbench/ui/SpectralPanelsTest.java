package org.grokbench.ui;

import javafx.scene.control.Label;
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The spectral-signature panel and the intrinsic-dimension mode of the curvature panel
 * (predicting-grokking §3, App. F and H) on App. D's small network: shown, saying the forecast is a
 * heuristic, waiting for N steps, exported; and the toys keep the panel off by default.
 */
class SpectralPanelsTest {
    @TempDir
    Path exports;
    private WindowHarness h;

    @AfterEach
    void close() throws Exception {
        if (h != null) h.close();
    }

    @Test
    void networksShowTheSignatureAndTheIntrinsicDimension() throws Exception {
        h = WindowHarness.open("fig5-norm-min-direction", exports);
        long at = h.stepAndWait(10);
        h.waitSettled();
        List<String> shown = fx(() -> h.window.visiblePanels().stream().map(PanelView::id).collect(Collectors.toList()));
        assertTrue(shown.contains("spectral-signature"), shown.toString());
        SpectralSignatureView view = fx(() -> h.window.panel(SpectralSignatureView.class));
        assertTrue(fx(() -> ((Label) h.lookup("#spectral-caveat")).getText()).contains("heuristic, not a guarantee"));
        String text = ModularPanelsTest.subtitles(view);
        assertTrue(text.contains("not a guarantee"), text);
        assertTrue(text.contains("forecast after 400 steps (11 so far)"), text);
        h.robot.clickOn("#spectral-signature-export");
        ExportPrompts.PanelRequest r = h.prompts.asked.get(h.prompts.asked.size() - 1);
        assertEquals(PanelExporter.fileName("fig5-norm-min-direction", "spectral-signature", at), r.file().getFileName().toString());
        assertPicture(r.file(), r.width(), r.height());

        CurvatureView curvature = fx(() -> h.window.panel(CurvatureView.class));
        fxRun(() -> curvature.modePicker().setValue(CurvatureView.Mode.INTRINSIC));
        waitFx("intrinsic dimension drawn", 60, () -> curvature.isSettledFx() && curvature.chart() != null
                && curvature.chart().getTitle().getText().startsWith("Intrinsic dimension"));
        String dims = ModularPanelsTest.subtitles(curvature);
        assertTrue(dims.contains("training samples"), dims);
    }

    @Test
    void toysHaveTheSignatureOffByDefault() throws Exception {
        h = WindowHarness.open("fig1-one-plus-one", exports);
        h.stepAndWait(1);
        h.waitSettled();
        List<String> shown = fx(() -> h.window.visiblePanels().stream().map(PanelView::id).collect(Collectors.toList()));
        assertFalse(shown.contains("spectral-signature"), shown.toString());
        assertTrue(fx(() -> h.window.panel(SpectralSignatureView.class).appliesTo(h.vm.session().experiment())));
    }
}
