package org.grokbench.experiment.preset;

import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.ProbeSpec;
import org.grokbench.representation.PhaseCriteria;
import org.grokbench.representation.PhaseDiagram;
import org.grokbench.representation.ToySpec;
import org.grokbench.sweep.SweepException;
import org.grokbench.sweep.SweepParameter;

import java.util.List;

/**
 * A phase-diagram preset (Liu et al. 2022, Fig. 6 and App. G): which two hyperparameters of the
 * representation toy span the grid and over which values ({@code PARAM=LIST} as typed on the
 * command line, see {@link PhaseDiagram.Axis}), the step budget and delay of App. A Table 1, and
 * the seed. Unlike an experiment preset it trains no single run: the window's "Phase diagram"
 * tab and {@code grokbench phase-diagram --preset ID} fill their fields from it.
 *
 * @param x     the x axis, e.g. {@code decoderLr=log:1e-5:1e-2:6}
 * @param y     the y axis
 * @param steps Table 1's budget per cell
 * @param delay Table 1's largest train-to-validation delay for comprehension
 * @param seed  the toy's seed (split, targets, initialization)
 */
public record PhaseDiagramPreset(PresetInfo info, String x, String y, long steps, long delay, long seed) {
    /** Key of the preset object that marks a file as a phase-diagram preset. */
    public static final String KEY = "phaseDiagram";
    /** Its keys. */
    static final List<String> KEYS = List.of("x", "y", "steps", "delay", "seed");
    /** Table 1's thresholds: 90 % train and validation accuracy. */
    public static final double THRESHOLD = 0.9;
    /**
     * Defaults of the command line and of a preset that leaves them out: a 3000-step budget (see
     * the README's "Phase diagrams"), App. A Table 1's delay of 10³ steps, and seed 5 (decision 0013).
     */
    public static final long DEFAULT_STEPS = 3000, DEFAULT_DELAY = 1000, DEFAULT_SEED = 5;

    public String id() { return info.id(); }

    /** The criteria of App. A Table 1 with this preset's budget and delay. */
    public PhaseCriteria criteria() {
        return new PhaseCriteria(THRESHOLD, THRESHOLD, steps, delay);
    }

    /** The diagram this preset describes: the paper's toy with this seed over the two axes. */
    public PhaseDiagram diagram() {
        return diagram(x, y, steps, delay, seed);
    }

    /**
     * The toy's phase diagram over the axes {@code x} and {@code y} (each {@code PARAM=LIST}),
     * cells read every 10 steps as the CLI's.
     *
     * @throws SweepException naming the axis and the allowed values when an axis is malformed
     */
    public static PhaseDiagram diagram(String x, String y, long steps, long delay, long seed) {
        PhaseDiagram.Axis ax = PhaseDiagram.Axis.parse(x), ay = PhaseDiagram.Axis.parse(y);
        return new PhaseDiagram(ToySpec.paper().withSeed(seed), ax.parameter(), ax.values(), ay.parameter(), ay.values(),
                new PhaseCriteria(THRESHOLD, THRESHOLD, steps, delay), 10);
    }

    /**
     * Cell (i, j) of {@code grid} as a representation experiment for the window's "Preset run" tab:
     * the cell's toy (same seed, so the same numbers as in the diagram) trained for the diagram's
     * whole budget, titled with the two parameter values and the phase the diagram found.
     *
     * @param phase the cell's phase label, for the title and story
     */
    public static ExperimentSpec cellExperiment(PhaseDiagram grid, int i, int j, String phase) {
        String where = grid.xKey() + " = " + SweepParameter.fmt(grid.xValue(i)) + ", " + grid.yKey() + " = " + SweepParameter.fmt(grid.yValue(j));
        String story = "One cell of a phase diagram of the representation toy (Liu et al. 2022, Fig. 6): " + where
                + ", classified as " + phase + " by App. A Table 1 (" + String.format(java.util.Locale.ROOT,
                "%.0f %% train and validation accuracy within %d steps, validation after train by fewer than %d steps for comprehension",
                100 * grid.criteria().valThreshold(), grid.criteria().budget(), grid.criteria().maxDelay()) + "). Press Run: it is trained for the"
                + " diagram's whole budget of " + grid.criteria().budget() + " steps (the diagram stops a cell once both"
                + " thresholds are passed); same seed, so the same numbers. The accuracy panel shows RQI beside the accuracies.";
        return RepresentationSpecReader.experiment("phase-cell-x" + i + "-y" + j, "Phase-diagram cell: " + where + " (" + phase + ")",
                story, "effective-theory-of-representation-learning", "Figure 6 (one cell)", grid.cellSpec(i, j), where,
                Math.max(1, grid.criteria().budget()), ProbeSpec.defaults());
    }
}
