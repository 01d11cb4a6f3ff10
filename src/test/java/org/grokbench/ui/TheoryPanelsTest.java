package org.grokbench.ui;

import javafx.scene.control.Slider;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.grokbench.ui.ModularPanelsTest.subtitles;
import static org.grokbench.ui.WindowHarness.assertPicture;
import static org.grokbench.ui.WindowHarness.fx;
import static org.grokbench.ui.WindowHarness.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decoder map and the effective-theory panel on the representation toy: shown for a repr preset
 * and for no other, following the timeline, the mode picker, and exported.
 */
class TheoryPanelsTest {
    @TempDir
    Path exports;
    private WindowHarness h;

    @AfterEach
    void close() throws Exception {
        if (h != null) h.close();
    }

    @Test
    void reprPresetShowsTheDecoderMapAndTheTheoryOnTheTimeline() throws Exception {
        h = WindowHarness.open("repr-addition-1d", exports);
        long at = h.stepAndWait(30);
        h.waitSettled();
        List<String> shown = fx(() -> h.window.visiblePanels().stream().map(PanelView::id).collect(Collectors.toList()));
        assertTrue(shown.containsAll(List.of("decoder-map", "effective-theory")), shown.toString());
        DecoderMapView map = fx(() -> h.window.panel(DecoderMapView.class));
        EffectiveTheoryView theory = fx(() -> h.window.panel(EffectiveTheoryView.class));
        assertTrue(subtitles(map).contains("\u2018seed 14\u2019 at step " + at), subtitles(map));
        assertEquals("embedding E", fx(() -> map.chart().getXYPlot().getDomainAxis().getLabel()));
        assertInstanceOf(CombinedRangeXYPlot.class, fx(() -> theory.chart().getPlot()));
        assertTrue(subtitles(theory).contains("step " + at + ": RQI theory"), subtitles(theory));
        assertTrue(subtitles(theory).contains("|P\u2080(D)| = 47"), subtitles(theory));

        // scrubbed: the decoder and embeddings of that step, the theory marked there
        fxRun(() -> h.<Slider>lookup("#timeline").setValue(10));
        h.waitSettled();
        assertTrue(subtitles(map).contains("at step 10 "), subtitles(map));
        assertTrue(subtitles(theory).contains("step 10: RQI theory"), subtitles(theory));

        // the other mode: λ3 against the training fraction with r_c and this split's predicted steps
        fxRun(() -> theory.modePicker().getSelectionModel().select(EffectiveTheoryView.Mode.RATE));
        h.waitSettled();
        JFreeChart rate = fx(theory::chart);
        assertInstanceOf(CombinedDomainXYPlot.class, rate.getPlot());
        String sub = subtitles(theory);
        assertTrue(sub.contains("200 random training sets per fraction \u00b7 r_c = 0.4"), sub);
        assertTrue(sub.contains("predicted n_h = 1/(\u03bb\u2083\u03b7) = 17445 steps"), sub);
        assertTrue(sub.contains("network \u2018seed 14\u2019: RQI > 0.95 not yet"), sub);

        for (PanelView p : List.<PanelView>of(map, theory)) {
            h.robot.clickOn("#" + p.id() + "-export");
            ExportPrompts.PanelRequest r = h.prompts.asked.get(h.prompts.asked.size() - 1);
            assertEquals(PanelExporter.fileName("repr-addition-1d", p.id(), 10), r.file().getFileName().toString());
            assertPicture(r.file(), r.width(), r.height());
        }

        // a double-click on its header fills the run area with the panel; again brings the others back
        double shortHeight = fx(() -> theory.node().getBoundsInParent().getHeight());
        h.robot.doubleClickOn(fx(() -> theory.node().lookup(".panel-title")));
        h.waitSettled();
        assertEquals(List.of(theory), fx(() -> h.window.visiblePanels()));
        assertEquals(theory, fx(() -> h.window.focusedPanel()));
        double tall = fx(() -> theory.node().getBoundsInParent().getHeight());
        assertTrue(tall > 1.5 * shortHeight, "alone it is taller: " + tall + " vs " + shortHeight);
        fxRun(() -> h.window.toggleFocusFx(theory));
        h.waitSettled();
        assertEquals(shown, fx(() -> h.window.visiblePanels().stream().map(PanelView::id).collect(Collectors.toList())));
    }

    @Test
    void otherPresetsDoNotShowThem() throws Exception {
        h = WindowHarness.open("fig1-one-plus-one", exports);
        h.stepAndWait(1);
        h.waitSettled();
        for (PanelView p : fx(() -> h.window.allPanels()))
            if (p instanceof DecoderMapView || p instanceof EffectiveTheoryView) {
                assertFalse(fx(() -> p.appliesTo(h.vm.session().experiment())), p.id());
                assertFalse(fx(() -> h.window.visiblePanels().contains(p)), p.id());
            }
    }
}
