package org.grokbench.sweep;

/**
 * One number a sweep reports per cell, computed from the finished run: final accuracy, the
 * spectral energy of the early training loss, a phase label code... Measures are pluggable so
 * that every sweep (spectral heatmaps, phase diagrams, 1-D λ sweeps) runs cells the same way and
 * differs only in what it reads from them.
 */
public interface CellMeasure {
    /** The column name in sweep.csv and the key in a {@link CellResult} ({@code val_acc}, ...). */
    String name();

    /** The value for a finished (or diverged) run; NaN when undefined. Called on a runner thread. */
    double measure(CellRun cell);

    /**
     * How many first steps this measure needs in the run's history at full resolution (every
     * step); the runner sizes the history so that they are never thinned.
     */
    default int fullResolutionSteps() {
        return 0;
    }

    /** Whatever else decides the value (options of the analysis); part of the sweep's fingerprint. */
    default String settings() {
        return "";
    }
}
