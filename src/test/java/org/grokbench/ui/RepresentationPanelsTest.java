package org.grokbench.ui;

import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.grokbench.ui.WindowHarness.fx;
import static org.grokbench.ui.WindowHarness.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The representation toy in the window: its embedding panel (following the scrubbed step), the
 * accuracy panel with RQI, Acc-hat and the ideal bounds, the two optimizers' fields; none of the
 * modular or toy-plane panels, and no embedding panel for other presets.
 */
class RepresentationPanelsTest {
    @TempDir
    Path exports;
    private WindowHarness h;

    @AfterEach
    void close() throws Exception {
        if (h != null) h.close();
    }

    private static String subtitles(JFreeChart c) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < c.getSubtitleCount(); i++)
            if (c.getSubtitle(i) instanceof TextTitle t) out.add(t.getText());
        return String.join(" | ", out);
    }

    @Test
    void embeddingPanelFollowsTheStepAndAccuracyShowsRqiWithItsBounds() throws Exception {
        h = WindowHarness.open("repr-addition-1d", exports);
        h.stepAndWait(12);
        h.waitSettled();
        List<String> shown = fx(() -> h.window.visiblePanels().stream().map(PanelView::id).collect(Collectors.toList()));
        assertTrue(shown.containsAll(List.of("loss-curves", "accuracy", "representation-embedding")), shown.toString());
        for (String other : List.of("parameter-plane", "geometry", "fourier-circles", "embedding-pca", "norm-min-cosine"))
            assertFalse(shown.contains(other), other + " in " + shown);

        RepresentationEmbeddingView panel = fx(() -> h.window.panel(RepresentationEmbeddingView.class));
        JFreeChart live = fx(panel::chart);
        assertTrue(live.getTitle().getText().startsWith("Embeddings at step 1"), live.getTitle().getText());
        assertTrue(subtitles(live).contains("RQI = "), subtitles(live));
        assertTrue(subtitles(live).contains("of 70 parallelograms hold (δ = 0.01)"), subtitles(live));   // |P₀| = Σ_s C(n_s, 2) for p = 10

        JFreeChart acc = fx(() -> h.window.panel(AccuracyView.class).chart());
        List<String> legend = new ArrayList<>();
        var items = acc.getPlot().getLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) legend.add(items.get(i).getLabel());
        assertTrue(legend.containsAll(List.of("train accuracy", "validation accuracy", "RQI", "Acc-hat")), legend.toString());
        assertTrue(legend.stream().anyMatch(l -> l.startsWith("RQI-bar")) && legend.stream().anyMatch(l -> l.startsWith("Acc-bar")),
                legend.toString());

        // Scrubbed back, the embeddings are those of step 3.
        fxRun(() -> h.<Slider>lookup("#timeline").setValue(3));
        h.waitSettled();
        assertEquals("Embeddings at step 3", fx(() -> panel.chart().getTitle().getText()));

        Path png = exports.resolve("embeddings.png");
        WindowHarness.assertExports(panel, png, 900, 600);

        fxRun(() -> h.vm.loadPreset(WorkbenchApp.DEFAULT_PRESET));
        WindowHarness.waitFx("default preset", 20, () -> h.vm.presetId().equals(WorkbenchApp.DEFAULT_PRESET));
        h.waitSettled();
        assertFalse(fx(() -> h.window.visiblePanels().contains(panel)), "not for a toy preset");
    }

    @Test
    void twoOptimizersHaveTheirOwnValidatedFields() throws Exception {
        h = WindowHarness.open("repr-addition-1d", exports);
        TextField decoderWd = fx(() -> h.lookup("#decoder-wd-0"));
        TextField decoderLr = fx(() -> h.lookup("#decoder-lr-0"));
        assertEquals("0.0001", fx(decoderLr::getText));
        fxRun(() -> {
            decoderWd.setText("300");
            decoderWd.getOnAction().handle(null);
        });
        String error = fx(() -> ((javafx.scene.control.Label) h.lookup("#errors-0")).getText());
        assertTrue(error.contains("decoder wd") && error.contains("100"), error);
        fxRun(() -> {
            decoderWd.setText("0.5");
            decoderWd.getOnAction().handle(null);
        });
        assertEquals(0.5, fx(() -> h.vm.hyperparameters().spec().representation().decoder().weightDecay()), 0.0);
        h.stepAndWait(2);
        assertEquals(0.25, h.latest().trajectories().get(0).decoderLambda(), 0.0, "sent as λ = wd / 2");
    }
}
