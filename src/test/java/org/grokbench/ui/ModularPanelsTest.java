package org.grokbench.ui;

import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.grokbench.plot.FourierCirclesFigure;
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
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The modular-addition panels (geometry-of-grokking §7, Fig. 5-6): Fourier circles, Fourier
 * features, embedding PCA and App. D's cosine, live, on the timeline, with their pickers, and
 * exported; and the toy panels out of their way. Modular steps cost tens of milliseconds for five
 * seeds: the tests take only a few.
 */
class ModularPanelsTest {
    @TempDir
    Path exports;
    private WindowHarness h;

    @AfterEach
    void close() throws Exception {
        if (h != null) h.close();
    }

    @Test
    void fig6ShowsTheFourierPanelsLiveOnTheTimelineAndExportsThem() throws Exception {
        h = WindowHarness.open("fig6-simulated-dynamics", exports);
        h.waitSettled();
        FourierCirclesView circles = fx(() -> h.window.panel(FourierCirclesView.class));
        FourierFeaturesView features = fx(() -> h.window.panel(FourierFeaturesView.class));
        EmbeddingPcaView pca = fx(() -> h.window.panel(EmbeddingPcaView.class));
        List<String> shown = fx(() -> h.window.visiblePanels().stream().map(PanelView::id).collect(Collectors.toList()));
        assertTrue(shown.containsAll(List.of("loss-curves", "accuracy", "fourier-circles", "fourier-features", "embedding-pca")),
                shown.toString());
        for (String toy : List.of("parameter-plane", "manifold-3d", "geometry", "norm-min-cosine"))
            assertFalse(shown.contains(toy), toy + " is shown for the Eq. (20) dynamics: " + shown);
        // the circles get the width: two columns of three
        assertTrue(fx(circles::drawingWidth) > 1.5 * fx(() -> h.window.panel(LossCurvesView.class).drawingWidth()));
        // a frequency per k = 1..18 and "largest", one run per seed
        assertEquals(19, (int) fx(() -> circles.frequencyPicker().getItems().size()));
        assertEquals(List.of("seed 1", "seed 2", "seed 3", "seed 4", "seed 5"), fx(() -> List.copyOf(circles.runPicker().getItems())));

        // live: stepping moves every embedding panel to the new step
        long at = h.stepAndWait(2);
        h.waitSettled();
        assertTrue(subtitles(circles).contains("\u2018seed 1\u2019 at step " + at), subtitles(circles));
        assertTrue(subtitles(features).contains("step 0 (top) and step " + at + " (bottom)"), subtitles(features));
        assertTrue(subtitles(pca).contains("\u2018seed 1\u2019"), subtitles(pca));
        long later = h.stepAndWait(1);
        h.waitSettled();
        assertEquals(at + 1, later);
        assertTrue(subtitles(circles).contains("at step " + later), subtitles(circles));
        assertTrue(subtitles(features).contains("and step " + later + " (bottom)"), subtitles(features));

        // scrubbing shows the circles as they were
        fxRun(() -> h.<Slider>lookup("#timeline").setValue(1));
        h.waitSettled();
        assertTrue(subtitles(circles).contains("at step 1 "), subtitles(circles));
        assertTrue(subtitles(features).contains("step 0 (top) and step 1 (bottom)"), subtitles(features));

        // a frame that shows the same θ is not drawn again
        JFreeChart before = fx(circles::chart);
        fxRun(() -> circles.offerFx(new Frame(h.vm.session().experiment(), h.latest(), 1, false)));
        h.waitSettled();
        assertSame(before, fx(circles::chart));

        // the pickers: another frequency, another seed
        fxRun(() -> circles.frequencyPicker().setValue(5));
        h.waitSettled();
        assertNotSame(before, fx(circles::chart));
        assertEquals(5, (int) fx(circles::selectedFrequency));
        fxRun(() -> circles.runPicker().getSelectionModel().select(2));
        h.waitSettled();
        assertTrue(subtitles(circles).contains("\u2018seed 3\u2019 at step 1"), subtitles(circles));
        fxRun(() -> circles.frequencyPicker().setValue(FourierCirclesFigure.DOMINANT));
        h.robot.clickOn("#live");
        h.waitSettled();
        assertTrue(subtitles(circles).contains("\u2018seed 3\u2019 at step " + later), subtitles(circles));

        // each new panel exports a PNG of the requested size, named after preset, panel and step
        for (PanelView p : List.<PanelView>of(circles, features, pca)) {
            h.robot.clickOn("#" + p.id() + "-export");
            ExportPrompts.PanelRequest r = h.prompts.asked.get(h.prompts.asked.size() - 1);
            assertEquals(PanelExporter.fileName("fig6-simulated-dynamics", p.id(), later), r.file().getFileName().toString());
            int[] twice = fx(() -> PanelExporter.sizeAt(p, 2));
            assertEquals(twice[0], r.width());
            assertEquals(twice[1], r.height());
            assertPicture(r.file(), r.width(), r.height());
        }
        h.robot.clickOn("#export-all");
        List<String> all;
        try (Stream<Path> files = Files.list(exports.resolve("all"))) {
            all = files.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList());
        }
        for (String id : List.of("fourier-circles", "fourier-features", "embedding-pca", "accuracy", "loss-curves"))
            assertTrue(all.contains(PanelExporter.fileName("fig6-simulated-dynamics", id, later)), all.toString());
        for (String f : all) {
            java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(exports.resolve("all").resolve(f).toFile());
            assertPicture(exports.resolve("all").resolve(f), img.getWidth(), img.getHeight());
        }
    }

    @Test
    void fig6HyperparametersAreLrLambdaInitSeedPerRunSeedAndSteps() throws Exception {
        h = WindowHarness.open("fig6-simulated-dynamics", exports);
        for (int i = 0; i < 5; i++)
            for (String f : List.of("#lr-", "#lambda-", "#init-")) assertTrue(h.robot.lookup(f + i).tryQuery().isPresent(), f + i);
        assertEquals("3", fx(() -> ((TextField) h.lookup("#init-2")).getText()), "θ₀ seed of 'seed 3'");
        assertTrue(fx(() -> h.lookup("#lambda-0").isDisabled()), "Eq. (20) has no weight decay to edit");

        // out of range: marked with the allowed range, not applied
        replaceText("#lr-0", "20");
        assertTrue(fx(() -> ((TextField) h.lookup("#lr-0")).getStyleClass().contains("invalid")));
        assertTrue(fx(() -> ((Label) h.lookup("#errors-0")).getText()).contains("0 < lr ≤ 10"),
                fx(() -> ((Label) h.lookup("#errors-0")).getText()));
        replaceText("#init-1", "-4");
        assertTrue(fx(() -> ((Label) h.lookup("#errors-1")).getText()).contains("0 ≤ init seed"),
                fx(() -> ((Label) h.lookup("#errors-1")).getText()));
        assertEquals(0.001, h.vm.session().spec().runs().get(0).lr());
        assertEquals(2, h.vm.session().spec().runs().get(1).initSeed());

        // valid: lr applies live, a θ₀ seed restarts the run from step 0
        replaceText("#lr-0", "0.002");
        waitFx("lr applied", 10, () -> h.latest().trajectories().get(0).lr() == 0.002);
        RunSession first = h.vm.session();
        replaceText("#init-1", "12");
        waitFx("reset", 10, () -> h.vm.session() != first && h.latest().step() == 0);
        assertEquals(12, h.vm.session().spec().runs().get(1).initSeed());
        assertEquals(0.002, h.vm.session().spec().runs().get(0).lr());
        replaceText("#steps", "0");
        assertTrue(fx(() -> ((Label) h.lookup("#errors-global")).getText()).contains("1 ≤ steps"));
        assertEquals(5000, h.vm.session().spec().maxSteps());
    }

    @Test
    void appendixDNetworksShowTheNormMinimizingCosineAndTheFourierPanels() throws Exception {
        h = WindowHarness.open("fig5-norm-min-direction", exports);
        long at = h.stepAndWait(2);
        h.waitSettled();
        List<String> shown = fx(() -> h.window.visiblePanels().stream().map(PanelView::id).collect(Collectors.toList()));
        assertTrue(shown.containsAll(List.of("accuracy", "norm-min-cosine", "fourier-circles", "embedding-pca",
                "curvature", "spectral-signature", "landscape")), shown.toString());
        assertFalse(shown.contains("geometry"), "the cosine has its own panel: " + shown);
        assertFalse(shown.contains("fourier-features"), "beside a trained network the features give their room to the curvature, "
                + "spectral and landscape panels: " + shown);
        FourierFeaturesView features = fx(() -> h.window.panel(FourierFeaturesView.class));
        assertTrue(fx(() -> features.appliesTo(h.vm.session().experiment())), "the Panels menu can still show the features");
        // p = 11: k = 1..5
        assertEquals(6, (int) fx(() -> h.window.panel(FourierCirclesView.class).frequencyPicker().getItems().size()));
        NormMinCosineView cos = fx(() -> h.window.panel(NormMinCosineView.class));
        assertTrue(fx(cos::chart).getTitle().getText().contains("norm-minimizing"));
        h.robot.clickOn("#norm-min-cosine-export");
        ExportPrompts.PanelRequest r = h.prompts.asked.get(h.prompts.asked.size() - 1);
        assertEquals(PanelExporter.fileName("fig5-norm-min-direction", "norm-min-cosine", at), r.file().getFileName().toString());
        assertPicture(r.file(), r.width(), r.height());
    }

    @Test
    void toyPresetsDoNotShowTheModularPanels() throws Exception {
        h = WindowHarness.open("fig1-one-plus-one", exports);
        h.stepAndWait(1);
        h.waitSettled();
        List<String> shown = fx(() -> h.window.visiblePanels().stream().map(PanelView::id).collect(Collectors.toList()));
        for (String id : List.of("fourier-circles", "fourier-features", "embedding-pca", "norm-min-cosine")) {
            assertFalse(shown.contains(id), id + " shown for a toy: " + shown);
            assertFalse(fx(() -> h.window.allPanels().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow()
                    .appliesTo(h.vm.session().experiment())), id + " applies to a toy");
        }
        assertTrue(shown.containsAll(List.of("loss-curves", "parameter-plane", "geometry")), shown.toString());
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** The chart's text subtitles, joined (shared with the other panel tests). */
    static String subtitles(ChartPanelView p) throws Exception {
        JFreeChart chart = fx(p::chart);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < chart.getSubtitleCount(); i++)
            if (chart.getSubtitle(i) instanceof TextTitle t) b.append(t.getText()).append(" | ");
        return b.toString();
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
}
