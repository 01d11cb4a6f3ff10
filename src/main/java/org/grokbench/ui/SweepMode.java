package org.grokbench.ui;

import org.grokbench.plot.FigureOptions;
import org.grokbench.sweep.CellResult;
import org.grokbench.sweep.SweepGrid;
import org.jfree.chart.JFreeChart;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What differs between the grid tabs that share {@link SweepView} and {@link SweepViewModel}: which
 * presets they offer, how the fields become a {@link SweepGrid}, how the grid is drawn (a
 * continuous measure as heatmaps, or a category per cell as a phase diagram), what hovering a cell
 * says, and what clicking one opens. The runner, the resumable store, the fields' checks, the
 * live filling, hover and click are the shared part (see decision 0016).
 */
interface SweepMode {
    /** Prefix of the node ids ({@code sweep-x}, {@code phase-x}, ...) and of the default output folder. */
    String idPrefix();

    /** The presets offered, the first one chosen when the tab opens. */
    List<String> presetIds();

    /**
     * The fields a preset fills: the axes and the steps text ({@code ""} = the preset's own).
     *
     * @throws org.grokbench.experiment.preset.PresetException when the preset is missing or broken
     */
    Defaults defaults(String presetId);

    record Defaults(String x, String y, String steps) {}

    /**
     * The grid the fields describe ({@code steps} null when the field is empty).
     *
     * @throws FieldProblem naming the field ({@link SweepViewModel#X}, ...) and what is allowed
     */
    SweepGrid grid(String preset, String x, String y, Long steps);

    /** The picture of the grid's cells so far; {@code running} holds the keys of the cells training now. */
    JFreeChart chart(SweepGrid grid, Collection<CellResult> cells, Set<String> running, FigureOptions o);

    /** What hovering cell (i, j) shows: the two parameter values and, when finished, its numbers. */
    String describe(SweepGrid grid, int i, int j, CellResult cell, boolean running);

    /** Opens a clicked cell (FX thread); {@code cell} is null while it is not finished. */
    void open(SweepGrid grid, int i, int j, CellResult cell);

    /** One line under the buttons telling what the tab shows and does. */
    String hint();

    /** Ends the mode's own workers with the window. */
    default void close() {}

    /** A field that cannot be used: which one, and the message naming it and its allowed range. */
    final class FieldProblem extends RuntimeException {
        private final String field;

        FieldProblem(String field, String message) {
            super(message);
            this.field = field;
        }

        String field() { return field; }
    }
}
