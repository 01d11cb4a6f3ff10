package org.grokbench.ui;

import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.preset.PhaseDiagramPreset;
import org.grokbench.experiment.preset.PresetException;
import org.grokbench.experiment.preset.PresetLoader;
import org.grokbench.plot.FigureOptions;
import org.grokbench.plot.PhaseDiagramFigure;
import org.grokbench.representation.LearningPhase;
import org.grokbench.representation.PhaseDiagram;
import org.grokbench.sweep.CellResult;
import org.grokbench.sweep.SweepException;
import org.grokbench.sweep.SweepGrid;
import org.jfree.chart.JFreeChart;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Phase diagram tab (Liu et al. 2022, Fig. 6 and App. G): the representation toy trained per
 * cell of two of its hyperparameters ({@link PhaseDiagram}, from a phase-diagram preset), each cell
 * coloured by its phase of App. A Table 1 as it finishes; hovering shows the cell's first-passage
 * steps, accuracies and RQI, clicking a finished cell opens its run in the "Preset run" tab as a
 * representation experiment ({@link PhaseDiagramPreset#cellExperiment}).
 */
final class PhaseDiagramMode implements SweepMode {
    private final PresetLoader loader;
    private final Consumer<ExperimentSpec> open;

    /** @param open loads a cell's experiment in the main view (and shows it) */
    PhaseDiagramMode(PresetLoader loader, Consumer<ExperimentSpec> open) {
        this.loader = loader;
        this.open = open;
    }

    @Override public String idPrefix() { return "phase"; }

    @Override
    public List<String> presetIds() {
        try {
            return loader.phaseDiagramIds();
        } catch (PresetException e) {
            return List.of();
        }
    }

    @Override
    public Defaults defaults(String presetId) {
        PhaseDiagramPreset p = loader.phaseDiagram(presetId);
        return new Defaults(p.x(), p.y(), String.valueOf(p.steps()));
    }

    @Override
    public SweepGrid grid(String preset, String x, String y, Long steps) {
        PhaseDiagramPreset p;
        try {
            p = loader.phaseDiagram(preset);
        } catch (PresetException e) {
            throw new FieldProblem(SweepViewModel.PRESET, e.getMessage());
        }
        PhaseDiagram.Axis ax = axis(SweepViewModel.X, x), ay = axis(SweepViewModel.Y, y);
        if (ax.parameter() == ay.parameter())
            throw new FieldProblem(SweepViewModel.Y, "y: must sweep another parameter than x (both sweep " + ax.parameter().key()
                    + "; allowed: " + org.grokbench.representation.ToyParameter.keys() + ")");
        return PhaseDiagramPreset.diagram(x, y, steps != null ? steps : p.steps(), p.delay(), p.seed());
    }

    private static PhaseDiagram.Axis axis(String field, String text) {
        try {
            return PhaseDiagram.Axis.parse(text);
        } catch (SweepException e) {
            throw new FieldProblem(field, field + ": " + e.getMessage());
        }
    }

    @Override
    public JFreeChart chart(SweepGrid grid, Collection<CellResult> cells, Set<String> running, FigureOptions o) {
        return PhaseDiagramFigure.create((PhaseDiagram) grid, cells, running, o);
    }

    @Override
    public String describe(SweepGrid grid, int i, int j, CellResult c, boolean running) {
        String where = grid.xKey() + " = " + short3(grid.xValue(i)) + ", " + grid.yKey() + " = " + short3(grid.yValue(j));
        if (c == null) return where + ": " + (running ? "running" : "pending");
        LearningPhase p = PhaseDiagram.phaseOf(c);
        if (p == null) return where + ": " + c.status() + " (" + c.message() + ")";
        return String.format(Locale.ROOT, "%s: %s · train 90 %% at step %s, validation 90 %% at %s · final train %.0f %%, validation %.0f %%"
                        + " · RQI %.2f · %d steps in %.1f s · click to open its run",
                where, p.label(), step(c.value(PhaseDiagram.TRAIN_STEP)), step(c.value(PhaseDiagram.VAL_STEP)),
                100 * c.value(PhaseDiagram.TRAIN_ACC), 100 * c.value(PhaseDiagram.VAL_ACC), c.value(PhaseDiagram.RQI),
                (long) c.value(PhaseDiagram.STEPS), c.seconds());
    }

    /** A parameter value to three significant digits, plain: 0.000158, 2, 10. */
    static String short3(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static String step(double v) {
        return Double.isNaN(v) || v < 0 ? "never" : String.valueOf((long) v);
    }

    /** A finished cell opens as a representation experiment in "Preset run"; others do nothing. */
    @Override
    public void open(SweepGrid grid, int i, int j, CellResult cell) {
        LearningPhase p = cell == null ? null : PhaseDiagram.phaseOf(cell);
        if (p != null) open.accept(PhaseDiagramPreset.cellExperiment((PhaseDiagram) grid, i, j, p.label()));
    }

    @Override
    public String hint() {
        return "Each cell trains the toy once and is coloured by its phase of App. A Table 1 as it finishes (grey: running)."
                + " Hover a cell for its numbers, click a finished one to open its run in \"Preset run\". Finished cells are kept in the output"
                + " folder: Start again resumes; the same folder resumes from grokbench phase-diagram --out.";
    }

}
