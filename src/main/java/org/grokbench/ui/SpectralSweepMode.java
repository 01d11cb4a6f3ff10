package org.grokbench.ui;

import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.preset.PresetException;
import org.grokbench.experiment.preset.PresetLoader;
import org.grokbench.experiment.preset.SweepDefaults;
import org.grokbench.plot.FigureOptions;
import org.grokbench.plot.SweepHeatmapFigure;
import org.grokbench.sweep.CellMeasures;
import org.grokbench.sweep.CellResult;
import org.grokbench.sweep.SweepAxis;
import org.grokbench.sweep.SweepException;
import org.grokbench.sweep.SweepGrid;
import org.grokbench.sweep.SweepParameter;
import org.grokbench.sweep.SweepPlan;
import org.jfree.chart.JFreeChart;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Sweep tab (predicting-grokking Fig. 2 / 6): a preset's run trained per cell of two of its
 * hyperparameters, drawn as two heatmaps of continuous measures (final validation accuracy, early
 * spectral energy); a click opens the cell's run in the "Preset run" tab.
 */
final class SpectralSweepMode implements SweepMode {
    /** The spectral energy is measured on the first N steps, as in the paper. */
    static final int SPECTRAL_STEPS = 400;
    static final List<SweepHeatmapFigure.Panel> PANELS = SweepHeatmapFigure.spectralPanels(SPECTRAL_STEPS);

    private final PresetLoader loader;
    private final List<String> presets;
    private final Consumer<ExperimentSpec> open;

    /** @param open loads a cell's spec in the main view (and shows it) */
    SpectralSweepMode(PresetLoader loader, List<String> presets, Consumer<ExperimentSpec> open) {
        this.loader = loader;
        this.presets = List.copyOf(presets);
        this.open = open;
    }

    @Override public String idPrefix() { return "sweep"; }

    /** All experiment presets, those with a default grid (named sweep-...) first. */
    @Override
    public List<String> presetIds() {
        return java.util.stream.Stream.concat(presets.stream().filter(id -> id.startsWith("sweep-")),
                presets.stream().filter(id -> !id.startsWith("sweep-"))).toList();
    }

    @Override
    public Defaults defaults(String presetId) {
        SweepDefaults d = loader.sweepDefaults(presetId);
        return d == null ? null : new Defaults(d.x(), d.y(), null);
    }

    @Override
    public SweepGrid grid(String preset, String x, String y, Long steps) {
        ExperimentSpec base;
        try {
            base = loader.resolve(preset);
        } catch (PresetException e) {
            throw new FieldProblem(SweepViewModel.PRESET, e.getMessage());
        }
        if (steps != null) base = base.withOverrides(steps, null, null, null);
        SweepAxis ax, ay = null;
        try {
            ax = SweepAxis.parse(x);
        } catch (SweepException e) {
            throw new FieldProblem(SweepViewModel.X, "x: " + e.getMessage());
        }
        if (!y.isBlank()) {
            try {
                ay = SweepAxis.parse(y);
            } catch (SweepException e) {
                throw new FieldProblem(SweepViewModel.Y, "y: " + e.getMessage());
            }
        }
        try {
            return SweepPlan.of(base, null, ax, ay, CellMeasures.spectralSweep(SPECTRAL_STEPS));
        } catch (SweepException e) {
            throw new FieldProblem(e.getMessage().startsWith(ax.parameter().key()) ? SweepViewModel.X : SweepViewModel.Y, e.getMessage());
        }
    }

    @Override
    public JFreeChart chart(SweepGrid grid, Collection<CellResult> cells, Set<String> running, FigureOptions o) {
        return SweepHeatmapFigure.create((SweepPlan) grid, cells, PANELS.get(0), PANELS.get(1), o);
    }

    @Override
    public String describe(SweepGrid grid, int i, int j, CellResult c, boolean running) {
        SweepPlan p = (SweepPlan) grid;
        String where = p.x().parameter().key() + " = " + SweepParameter.fmt(grid.xValue(i))
                + (grid.twoDimensional() ? ", " + p.y().parameter().key() + " = " + SweepParameter.fmt(grid.yValue(j)) : "");
        if (c == null) return where + ": " + (running ? "running" : "pending");
        String s = String.format(Locale.ROOT, "%s: final validation accuracy %s, spectral energy %s, %.1f s",
                where, pct(c.value(PANELS.get(0).measure())), num(c.value(PANELS.get(1).measure())), c.seconds());
        return CellResult.FINISHED.equals(c.status()) ? s + " · click to open the run" : s + " (" + c.status() + ")";
    }

    private static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.0f %%", 100 * v) : "–";
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3g", v) : "–";
    }

    @Override
    public void open(SweepGrid grid, int i, int j, CellResult cell) {
        ExperimentSpec spec = ((SweepPlan) grid).cellSpec(i, j);
        if (spec != null) open.accept(spec);
    }

    @Override
    public String hint() {
        return "Cells fill in as they finish; hover a cell for its numbers, click one to open that run in \"Preset run\"."
                + " Finished cells are kept in the output folder: Start again resumes.";
    }
}
