package org.grokbench.ui;

import javafx.scene.control.ComboBox;
import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.HistoryView;
import org.grokbench.experiment.TrajectorySnapshot;
import org.grokbench.plot.FigureOptions;

import java.util.List;

/**
 * A panel that draws the embedding E of one trajectory of a modular-addition experiment (the
 * first p·d_h entries of θ): the Fourier circles, the Fourier features, the principal components;
 * or of the representation toy (the first p·d entries), {@link RepresentationEmbeddingView}.
 * The header has a picker for the trajectory (run / seed); the figure is built from the stored θ
 * row at or before the shown step, on the figure worker (the DFT and the SVD of a 37 × 512
 * embedding never run on the FX thread).
 *
 * <p>A frame is drawn again only when the θ row it would show changes: large models keep θ at
 * fewer steps than their metrics, and a scrubbed timeline keeps showing one step while the run
 * records on.
 */
public abstract class EmbeddingPanelView extends ChartPanelView {
    private final RunPicker run;

    protected EmbeddingPanelView(String id, String title) {
        super(id, title);
        run = new RunPicker(id, this::redrawFx);
        addHeaderControl(run.node());
    }

    /** The run picker (trajectory labels, in the preset's order). */
    public ComboBox<String> runPicker() { return run.node(); }

    /** The picked trajectory (0 when none is picked). */
    public int selectedRun() {
        return run.selected();
    }

    /**
     * A DFT or SVD of E and many small plots: ~0.1-0.3 s of the figure worker per picture. While
     * the run trains, each embedding panel waits three times that between pictures, so the three
     * together leave the training thread most of a core.
     */
    @Override
    protected double throttleFactor() {
        return 3;
    }

    /** Only for modular addition, whose θ starts with the embedding. */
    @Override
    public boolean appliesTo(Experiment experiment) {
        return !experiment.isToy() && experiment.modular() != null;
    }

    @Override
    public void bindFx(Experiment experiment) {
        super.bindFx(experiment);
        run.bindFx(experiment);
        bindEmbeddingFx(experiment);
    }

    /** A new modular experiment (the panel's own pickers follow it). Default: nothing. */
    protected void bindEmbeddingFx(Experiment experiment) {}

    @Override
    protected FigureOptions customize(FigureOptions o) {
        return o.withSelectedRun(selectedRun());
    }

    /**
     * The experiment, the picked run, and the steps of the θ rows the figures read: the one at
     * the shown step ({@code EmbeddingAt.of}) and the first. Cheap: a binary search.
     */
    @Override
    protected Object contentKey(Frame f) {
        List<TrajectorySnapshot> runs = f.trajectories();
        if (runs.isEmpty()) return List.of(f.experiment());
        int sel = Math.min(runs.size() - 1, selectedRun());
        HistoryView h = runs.get(sel).history();
        int rows = h.leadingRows();
        long at = rows == 0 ? -1 : h.leadingStep(f.figureStep() == FigureOptions.LATEST ? rows - 1 : h.leadingRowAtOrBefore(f.figureStep()));
        long first = rows == 0 ? -1 : h.leadingStep(0);
        return List.of(f.experiment(), sel, first, at, panelKey());
    }

    /** The panel's own state the figure depends on (e.g. the chosen frequency). */
    protected Object panelKey() {
        return "";
    }

    /** The stored θ row at or before {@code step} ({@link FigureOptions#LATEST}: the last), as {@code EmbeddingAt} picks it. */
    static int thetaRow(HistoryView h, long step) {
        int rows = h.parameterRows();
        if (step == FigureOptions.LATEST) return rows - 1;
        int lo = 0, hi = rows - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (h.parameterStep(mid) <= step) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }
}
