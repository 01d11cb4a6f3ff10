package org.grokbench.sweep;

import java.util.List;
import java.util.Map;

/**
 * What {@link SweepRunner} and {@link SweepStore} need to know of a sweep, whatever trains its
 * cells: the grid (x values, y values or a single row), the column names, a fingerprint for
 * resuming and a description for {@code sweep.json}, and how one cell is trained. A
 * {@link SweepPlan} trains a preset run per cell; the representation toy's phase diagram trains a
 * {@code ToyTraining} per cell. Implementations are immutable and {@link #train} is thread-safe.
 */
public interface SweepGrid {
    int columns();

    /** Rows of the grid: y's values, or 1 in a 1-D sweep. */
    int rows();

    default int cellCount() { return columns() * rows(); }

    double xValue(int i);

    /** NaN in a 1-D sweep. */
    double yValue(int j);

    boolean twoDimensional();

    /** Column name of x in sweep.csv. */
    String xKey();

    /** Column name of y in sweep.csv (unused in a 1-D sweep). */
    String yKey();

    /** The cell measures' names, in column order. */
    List<String> measureKeys();

    /** A digest of everything that decides the cells' numbers; a resumed sweep must match it. */
    String fingerprint();

    /** A human-readable description (sweep.json). */
    Map<String, Object> describe();

    /** Trains one cell; cancellation is asked for through {@code cancel}. */
    CellResult train(int i, int j, Cancellation cancel);

    /**
     * How a running cell learns that the sweep was cancelled: poll {@link #requested()} between
     * steps, or register an action that stops the cell (called at once if already cancelled).
     */
    interface Cancellation {
        boolean requested();

        /** Runs {@code stop} when cancellation is requested; returns a handle that unregisters it. */
        AutoCloseable onCancel(Runnable stop);
    }
}
