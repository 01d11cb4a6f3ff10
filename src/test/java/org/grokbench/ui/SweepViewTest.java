package org.grokbench.ui;

import javafx.scene.control.TabPane;
import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.sweep.CellResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.grokbench.ui.WindowHarness.fx;
import static org.grokbench.ui.WindowHarness.fxRun;
import static org.grokbench.ui.WindowHarness.waitFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Sweep tab on a 2 × 2 grid of the Figure 1 toy (60 steps a cell). */
class SweepViewTest {
    @Test
    void validatesFillsTheHeatmapsAndOpensAClickedCellInThePresetTab(@TempDir Path dir) throws Exception {
        try (WindowHarness h = WindowHarness.open("fig1-one-plus-one", dir)) {
            TabPane tabs = fx(() -> h.window.tabs());
            assertEquals(List.of("Preset run", "Sweep", "Phase diagram (Fig. 6)", "Optimizer race (App. I)"), fx(() -> tabs.getTabs().stream().map(t -> t.getText()).toList()));
            fxRun(() -> tabs.getSelectionModel().select(1));
            SweepView view = fx(() -> h.window.sweepView());
            SweepViewModel vm = view.viewModel();
            assertEquals("sweep-modular-spectral", fx(() -> vm.presetProperty().get()), "the sweep preset is offered first");
            assertEquals("lambda=1e-5,3e-5,1e-4,3e-4,1e-3", fx(() -> vm.xProperty().get()), "its default grid fills the axes");

            fxRun(() -> {
                vm.choosePreset("fig1-one-plus-one");
                vm.xProperty().set("lr=0,1");
                vm.yProperty().set("lambda=0.01,0.2");
                vm.stepsProperty().set("60");
                vm.outProperty().set(dir.resolve("sweep").toString());
            });
            assertFalse(fx(vm::start));
            assertEquals(SweepViewModel.X, fx(() -> vm.problemFieldProperty().get()));
            assertEquals("x: lr must be a number in (0, 10], got 0", fx(() -> vm.problemProperty().get()));
            fxRun(() -> vm.stepsProperty().set("zero"));
            fxRun(() -> vm.xProperty().set("lr=0.05,0.1"));
            assertFalse(fx(vm::start));
            assertEquals(SweepViewModel.STEPS, fx(() -> vm.problemFieldProperty().get()));

            fxRun(() -> vm.stepsProperty().set("60"));
            assertTrue(fx(vm::start), fx(() -> vm.problemProperty().get()));
            waitFx("4 cells and the sweep done", 60, () -> vm.cellsProperty().get().size() == 4 && !vm.runningProperty().get());
            assertEquals(1.0, fx(() -> vm.progressProperty().get()), 0);
            Set<String> keys = new HashSet<>();
            for (CellResult c : fx(() -> vm.cellsProperty().get())) keys.add(c.key());
            assertEquals(Set.of("x0_y0", "x1_y0", "x0_y1", "x1_y1"), keys);
            waitFx("heatmaps drawn", 60, view::isSettledFx);

            String hover = fx(() -> view.hoverCellFx(1, 0));
            assertTrue(hover.startsWith("lr = 0.1, lambda = 0.01: final validation accuracy "), hover);
            assertTrue(hover.contains("spectral energy"), hover);

            // click the centre of cell (1, 0) of the left heatmap: lr = 0.1, λ = 0.01
            fxRun(() -> view.clickCellFx(1, 0));
            waitFx("the cell opened in the preset tab", 30, () -> tabs.getSelectionModel().getSelectedIndex() == 0);
            ExperimentSpec opened = fx(() -> h.vm.session().spec());
            assertEquals(1, opened.runs().size());
            assertEquals(0.1, opened.runs().get(0).lr());
            assertEquals(0.01, opened.runs().get(0).lambda());
            assertEquals(60, opened.runs().get(0).steps());

            Path png = dir.resolve("sweep.png");
            fxRun(() -> {
                try {
                    view.exportPngFx(png, 800, 400);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            BufferedImage img = ImageIO.read(png.toFile());
            assertEquals(800, img.getWidth());
            Set<Integer> colours = new HashSet<>();
            for (int yy = 0; yy < img.getHeight(); yy += 7) for (int xx = 0; xx < img.getWidth(); xx += 7) colours.add(img.getRGB(xx, yy));
            assertTrue(colours.size() > 20, "a drawn figure, not a blank: " + colours.size() + " colours");
        }
    }
}
