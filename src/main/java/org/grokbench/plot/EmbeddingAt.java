package org.grokbench.plot;

import org.grokbench.experiment.HistoryView;
import org.grokbench.experiment.TrajectorySnapshot;

import java.util.Arrays;

/**
 * The embedding matrix E ∈ ℝ^{p×d_h} of a modular-addition trajectory at one stored step: the first
 * p·d_h entries of θ (row-major, row j = embedding of residue j) for both modular kinds. Large
 * models keep fewer θ rows than metric rows (unless their learner keeps the embeddings as a leading
 * block, {@code HistoryView.leadingRows}), so the step is the stored step at or before the one asked
 * for, and {@link #step()} says which it is.
 *
 * @param label the trajectory's label
 * @param step  the step of the stored θ row used
 * @param e     E, p × d_h row-major (a copy)
 */
public record EmbeddingAt(String label, long step, double[] e) {
    /**
     * E of trajectory {@code t} at the stored θ row at or before {@code step}
     * ({@link FigureOptions#LATEST}: the last stored row; before the first row: the first row).
     * Null when the history holds no θ row.
     */
    public static EmbeddingAt of(TrajectorySnapshot t, int p, int hidden, long step) {
        HistoryView h = t.history();
        int rows = h.leadingRows();
        if (rows == 0) return null;
        int row = step == FigureOptions.LATEST ? rows - 1 : h.leadingRowAtOrBefore(step);
        double[] theta = h.leadingRow(row);
        int n = p * hidden;
        if (theta.length < n)
            throw new IllegalArgumentException("θ has " + theta.length + " entries, fewer than p·d_h = " + n);
        return new EmbeddingAt(t.label(), h.leadingStep(row), Arrays.copyOf(theta, n));
    }

    /** E at the first stored θ row (step 0 for a run that recorded its start). */
    public static EmbeddingAt first(TrajectorySnapshot t, int p, int hidden) {
        return of(t, p, hidden, 0);
    }

    @Override public double[] e() { return e.clone(); }
}
