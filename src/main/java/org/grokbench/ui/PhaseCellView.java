package org.grokbench.ui;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import org.grokbench.plot.PhaseCellFigure;
import org.grokbench.representation.LearningPhase;
import org.grokbench.representation.PhaseCriteria;
import org.grokbench.representation.PhaseDiagram;
import org.grokbench.representation.ToyTraining;
import org.grokbench.sweep.CellResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The curves of one phase-diagram cell (Liu et al. 2022, Fig. 6), beside the grid: the cell's run
 * trained again on a worker from the same seed for the steps it trained in the diagram (so the same
 * numbers), read at ~300 points, and drawn by {@link PhaseCellFigure}: train and validation accuracy,
 * RQI, and the 90 % first passages that decided its phase. A newer click abandons the older run.
 */
final class PhaseCellView {
    /** Readings per curve. */
    static final int POINTS = 300;

    private final BorderPane root = new BorderPane();
    private final Label status = new Label("Click a finished cell of the diagram to see its curves here.");
    private final FigurePicture picture;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "grokbench-phase-cell");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong generation = new AtomicLong();
    private volatile String shownKey;

    PhaseCellView(FigureRenderer renderer) {
        picture = new FigurePicture(renderer, "phase-cell-curves");
        status.setId("phase-cell-status");
        status.setWrapText(true);
        status.setPadding(new Insets(6, 10, 6, 10));
        root.setTop(status);
        root.setCenter(picture.node());
        root.setId("phase-cell");
        root.setMinWidth(300);
    }

    Node node() { return root; }

    /** Trains cell (i, j) of {@code grid} again on the worker and shows its curves; {@code cell} is its stored result. */
    void showFx(PhaseDiagram grid, int i, int j, CellResult cell) {
        long gen = generation.incrementAndGet();
        LearningPhase phase = PhaseDiagram.phaseOf(cell);
        String title = String.format(Locale.ROOT, "%s = %s, %s = %s: %s", grid.xKey(), PhaseDiagramMode.short3(grid.xValue(i)),
                grid.yKey(), PhaseDiagramMode.short3(grid.yValue(j)), phase == null ? cell.status() : phase.label());
        long steps = (long) Math.max(1, Double.isFinite(cell.value(PhaseDiagram.STEPS)) ? cell.value(PhaseDiagram.STEPS) : grid.criteria().budget());
        status.setText(title + " · training its " + steps + " steps again for the curves…");
        PhaseCriteria.Reading reading = new PhaseCriteria.Reading(phase == null ? LearningPhase.CONFUSION : phase,
                stepOf(cell.value(PhaseDiagram.TRAIN_STEP)), stepOf(cell.value(PhaseDiagram.VAL_STEP)));
        worker.execute(() -> {
            if (generation.get() != gen) return;
            ToyTraining run = new ToyTraining(grid.cellSpec(i, j));
            long every = Math.max(1, steps / POINTS);
            List<ToyTraining.Reading> readings = new ArrayList<>();
            readings.add(run.read());
            for (long s = 1; s <= steps; s++) {
                run.step();
                if (s % every == 0 || s == steps) {
                    if (generation.get() != gen) return;
                    readings.add(run.read());
                }
            }
            List<ToyTraining.Reading> done = List.copyOf(readings);
            Platform.runLater(() -> {
                if (generation.get() != gen) return;
                ToyTraining.Reading last = done.get(done.size() - 1);
                status.setText(String.format(Locale.ROOT, "%s · final train %.0f %%, validation %.0f %%, RQI %.2f after %d steps",
                        title, 100 * last.trainAccuracy(), 100 * last.validationAccuracy(), last.rqi(), last.step()));
                shownKey = cell.key();
                picture.showFx(o -> PhaseCellFigure.create(done, grid.criteria(), reading, title, o), cell.key());
            });
        });
    }

    private static long stepOf(double v) {
        return Double.isFinite(v) ? (long) v : -1;
    }

    /** The key of the cell whose curves are on screen (drawn), or null. */
    String shownCellFx() {
        return picture.isSettledFx() && shownKey != null && shownKey.equals(picture.shownTag()) ? shownKey : null;
    }

    /** Abandons the run being retrained and ends the worker. */
    void close() {
        generation.incrementAndGet();
        worker.shutdownNow();
    }
}
