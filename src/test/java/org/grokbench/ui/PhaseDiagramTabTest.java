package org.grokbench.ui;

import org.grokbench.plot.PhaseDiagramFigure;
import org.grokbench.plot.SweepHeatmapFigure;
import org.grokbench.representation.LearningPhase;
import org.grokbench.representation.PhaseDiagram;
import org.grokbench.sweep.CellResult;
import org.jfree.chart.LegendItemCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.geom.Rectangle2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.grokbench.ui.WindowHarness.fx;
import static org.grokbench.ui.WindowHarness.fxRun;
import static org.grokbench.ui.WindowHarness.waitFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "Phase diagram (Fig. 6)" tab on a 2 × 2 grid of the representation toy with 80-step cells,
 * one thread: the preset fills the fields, bad fields are named, cells show running then their
 * phase colour, hover gives a cell's numbers, Cancel leaves a store that Start resumes, and a click
 * on a finished cell opens its run in "Preset run".
 */
class PhaseDiagramTabTest {
    @Test
    void fillsLiveColoursByPhaseHoversCancelsResumesAndOpensACell(@TempDir Path dir) throws Exception {
        try (WindowHarness h = WindowHarness.open("fig1-one-plus-one", dir)) {
            fxRun(() -> h.window.selectTabFx("phase"));
            assertEquals("phase", fx(() -> h.window.selectedTabFx()));
            SweepView view = fx(() -> h.window.phaseView());
            SweepViewModel vm = view.viewModel();
            assertEquals("phase-fig6b-decoder-lr-wd", fx(() -> vm.presetProperty().get()), "the Fig. 6 b preset is offered first");
            assertEquals("decoderLr=log:1e-5:1e-2:6", fx(() -> vm.xProperty().get()));
            assertEquals("decoderWd=lin:0:10:6", fx(() -> vm.yProperty().get()));
            assertEquals("20000", fx(() -> vm.stepsProperty().get()));
            assertEquals(36, fx(() -> vm.planProperty().get().cellCount()), "the preset's 6 x 6 grid is shown, all pending, before Start");
            assertTrue(fx(() -> vm.cellsProperty().get().isEmpty()));
            fxRun(() -> vm.choosePreset("phase-appg-init-scale"));
            assertEquals("initScale=0.1,0.2,0.5,1,2,5", fx(() -> vm.yProperty().get()), "another preset, its own axes");

            // bad fields are refused with the field and its range named
            Path out = dir.resolve("phase");
            fxRun(() -> {
                vm.choosePreset("phase-fig6b-decoder-lr-wd");
                vm.xProperty().set("decoderLr=0,1e-3");
                vm.yProperty().set("decoderWd=0,1");
                vm.stepsProperty().set("80");
                vm.threadsProperty().set("1");
                vm.outProperty().set(out.toString());
            });
            assertFalse(fx(vm::start));
            assertEquals(SweepViewModel.X, fx(() -> vm.problemFieldProperty().get()));
            assertTrue(fx(() -> vm.problemProperty().get()).startsWith("x: decoderLr must be a number in (0, 100]"), fx(() -> vm.problemProperty().get()));
            fxRun(() -> {
                vm.xProperty().set("decoderLr=1e-3,1e-2");
                vm.yProperty().set("decoderLr=1e-4");
            });
            assertFalse(fx(vm::start));
            assertEquals(SweepViewModel.Y, fx(() -> vm.problemFieldProperty().get()));
            assertTrue(fx(() -> vm.problemProperty().get()).contains("another parameter than x"), fx(() -> vm.problemProperty().get()));
            fxRun(() -> {
                vm.yProperty().set("decoderWd=0,1");
                vm.stepsProperty().set("0");
            });
            assertFalse(fx(vm::start));
            assertEquals(SweepViewModel.STEPS, fx(() -> vm.problemFieldProperty().get()));
            assertTrue(fx(() -> vm.problemProperty().get()).contains("[1, 1000000]"));

            // start, see a cell running, cancel after the first finished cell
            fxRun(() -> vm.stepsProperty().set("80"));
            assertTrue(fx(vm::start), fx(() -> vm.problemProperty().get()));
            waitFx("a cell running", 30, () -> !vm.runningCellsProperty().get().isEmpty() || !vm.cellsProperty().get().isEmpty());
            waitFx("the first cell finished", 60, () -> !vm.cellsProperty().get().isEmpty());
            fxRun(vm::cancel);
            waitFx("cancelled", 60, () -> !vm.runningProperty().get());
            int kept = fx(() -> vm.cellsProperty().get().size());
            assertTrue(fx(() -> vm.statusProperty().get()).startsWith(kept < 4 ? "cancelled" : "done"), fx(() -> vm.statusProperty().get()));
            assertTrue(fx(() -> vm.runningCellsProperty().get().isEmpty()), "nothing shown running after the end");
            try (Stream<Path> files = Files.list(out.resolve("cells"))) {
                assertEquals(kept, files.count(), "every finished cell, and only those, is in the store");
            }

            // Start again resumes: the kept cells are read back, the others trained
            assertTrue(fx(vm::start), fx(() -> vm.problemProperty().get()));
            waitFx("4 cells and the diagram done", 90, () -> vm.cellsProperty().get().size() == 4 && !vm.runningProperty().get());
            assertTrue(fx(() -> vm.statusProperty().get()).startsWith("done: 4 of 4"), fx(() -> vm.statusProperty().get()));
            assertTrue(fx(() -> vm.statusProperty().get()).contains("(" + kept + " read back from the folder)"), fx(() -> vm.statusProperty().get()));
            waitFx("the diagram drawn", 60, view::isSettledFx);

            // every cell in its phase's colour, the legend counting the phases
            FigureRenderer.Result shown = fx(view::shownFx);
            Rectangle2D area = SweepHeatmapFigure.firstGridArea(shown.info());
            for (CellResult c : fx(() -> vm.cellsProperty().get())) {
                LearningPhase p = PhaseDiagram.phaseOf(c);
                int px = (int) (area.getX() + area.getWidth() * (c.i() + 0.2) / 2), py = (int) (area.getMaxY() - area.getHeight() * (c.j() + 0.5) / 2);
                assertEquals(PhaseDiagramFigure.COLOURS.get(p).getRGB() | 0xFF000000, shown.argb()[py * shown.width() + px] | 0xFF000000, "cell " + c.key() + " " + p);
            }
            LegendItemCollection legend = shown.chart().getXYPlot().getLegendItems();
            assertEquals(4, legend.getItemCount(), "finished: the four phases only");
            int counted = 0;
            for (int k = 0; k < 4; k++) {
                String label = legend.get(k).getLabel();
                assertTrue(label.contains(LearningPhase.values()[k].label()), label);
                counted += Integer.parseInt(label.substring(label.indexOf('(') + 1, label.indexOf(')')));
            }
            assertEquals(4, counted);

            // hover: the two values and the cell's numbers
            CellResult c10 = fx(() -> vm.cell(1, 0));
            String text = fx(() -> view.hoverCellFx(1, 0));
            assertTrue(text.startsWith("decoderLr = 0.01, decoderWd = 0: " + PhaseDiagram.phaseOf(c10).label() + " · train 90 % at step "), text);
            for (String part : List.of("validation 90 % at ", "final train ", "RQI ", c10.value(PhaseDiagram.STEPS) > 0 ? "steps in" : "?"))
                assertTrue(text.contains(part), "missing '" + part + "' in " + text);
            assertTrue(text.contains(String.format(java.util.Locale.ROOT, "RQI %.2f", c10.value(PhaseDiagram.RQI))), text);

            // click: the cell's run opens in "Preset run" as a representation experiment, same toy and seed
            fxRun(() -> view.clickCellFx(1, 0));
            waitFx("the cell opened in the preset tab", 30, () -> "preset".equals(h.window.selectedTabFx()));
            org.grokbench.experiment.ExperimentSpec opened = fx(() -> h.vm.session().spec());
            assertEquals(org.grokbench.experiment.ModelSpec.REPRESENTATION, opened.model().kind());
            assertEquals(0.01, opened.representation().decoder().lr(), 1e-15);
            assertEquals(0.0, opened.representation().decoder().weightDecay(), 0);
            assertEquals(5, opened.seed());
            assertEquals(80, opened.runs().get(0).steps(), "the diagram's budget");
            assertTrue(opened.title().contains(PhaseDiagram.phaseOf(c10).label()), opened.title());
        }
    }
}
