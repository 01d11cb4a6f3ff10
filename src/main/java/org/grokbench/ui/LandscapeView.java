package org.grokbench.ui;

import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Tooltip;
import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.HistoryView;
import org.grokbench.experiment.TrajectorySnapshot;
import org.grokbench.landscape.DirectionKind;
import org.grokbench.landscape.Landscape;
import org.grokbench.landscape.LandscapeSampler;
import org.grokbench.landscape.RecordedPath;
import org.grokbench.landscape.Scaling;
import org.grokbench.landscape.SliceGrid;
import org.grokbench.plot.FigureOptions;
import org.grokbench.plot.LandscapePlaneFigure;
import org.grokbench.plot.LandscapeSliceFigure;
import org.grokbench.plot.LandscapeStackFigure;
import org.jfree.chart.JFreeChart;

import java.util.List;
import java.util.function.Supplier;

/**
 * The loss landscape at the timeline's step (predicting-grokking §4, App. G.1, Figs. 3, 4, 8):
 * the 1D slice f(α) = L(θ_t + αδ) with its train/test loss and accuracy, the per-step stack of
 * such slices over the recorded trajectory, or the 2D slice as a heatmap with the path projected
 * on it. θ_t is the recorded θ at or before the shown step, θ* the latest recorded θ (while a run
 * is live, the slice toward θ* follows the run). The slices are computed on the figure worker,
 * newest request first, and kept while nothing they depend on changes (zoom and resize redraw only).
 */
public final class LandscapeView extends ChartPanelView {
    /** What the panel shows. */
    enum Mode {
        SLICE("1D slice"),
        STACK("per step"),
        PLANE("2D heatmap");

        final String label;

        Mode(String label) { this.label = label; }

        @Override public String toString() { return label; }
    }

    /** Slices in the per-step stack. */
    static final int STACK_ROWS = 40;
    /** Points of each slice of the stack (a heat strip needs fewer than a curve). */
    static final int STACK_POINTS = 61;
    /** Random directions are drawn with this seed: the same run shows the same random slice. */
    static final long SEED = 0;

    private final ChoiceBox<Mode> mode = new ChoiceBox<>();
    private final ChoiceBox<DirectionKind> direction = new ChoiceBox<>();
    private final ChoiceBox<Scaling> scaling = new ChoiceBox<>();
    private final RunPicker run;
    /** The last computed landscape and what it was computed for (written and read on the figure worker). */
    private volatile Cached cached;

    private record Cached(Object key, Object result) {}

    public LandscapeView() {
        super("landscape", "Landscape");
        mode.getItems().setAll(Mode.values());
        mode.getSelectionModel().select(Mode.SLICE);
        mode.setId("landscape-mode");
        mode.setTooltip(new Tooltip("The slice at the timeline's step, one slice per recorded step, or a plane"));
        direction.getItems().setAll(DirectionKind.values());
        direction.getSelectionModel().select(DirectionKind.FINAL);
        direction.setId("landscape-direction");
        direction.setTooltip(new Tooltip("δ: toward the final point θ*, toward θ₀, along the step, random, or the"
                + " trajectory's principal directions"));
        scaling.getItems().setAll(Scaling.values());
        scaling.getSelectionModel().select(Scaling.RAW);
        scaling.setId("landscape-scaling");
        scaling.setTooltip(new Tooltip("raw δ, or filter-normalized (every unit of δ rescaled to the norm of the same unit of θ, App. G.1)"));
        for (ChoiceBox<?> c : List.of(mode, direction, scaling))
            c.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
                resetZoomFx();
                redrawFx();
            });
        run = new RunPicker("landscape", this::redrawFx);
        run.node().setMaxWidth(130);
        addHeaderControl(mode);
        addHeaderControl(direction);
        addHeaderControl(scaling);
        addHeaderControl(run.node());
    }

    public ChoiceBox<Mode> modePicker() { return mode; }
    public ChoiceBox<DirectionKind> directionPicker() { return direction; }
    public ChoiceBox<Scaling> scalingPicker() { return scaling; }

    /** Every model with a training loss (not the Eq. (20) dynamics, whose loss is 0 by construction). */
    @Override
    public boolean appliesTo(Experiment experiment) {
        return !NormMinCosineView.isSimulatedDynamics(experiment);
    }

    /** On for the networks (Fig. 3's setting); the toys' own panels already show their whole landscape; off for the representation toy (the Panels menu shows it). */
    @Override
    public boolean shownByDefault(Experiment experiment) {
        return !experiment.isToy() && experiment.representation() == null;
    }

    @Override
    public void bindFx(Experiment experiment) {
        super.bindFx(experiment);
        run.bindFx(experiment);
        cached = null;
    }

    @Override
    protected JFreeChart buildChart(Frame frame, FigureOptions options) {
        throw new IllegalStateException("built through chartJobFx");
    }

    /** Everything the landscape depends on: the settings, θ_t's recorded step and θ*'s. */
    @Override
    protected Object contentKey(Frame frame) {
        int r = Math.min(run.selected(), frame.trajectories().size() - 1);
        if (r < 0) return null;
        HistoryView h = frame.trajectories().get(r).history();
        int n = h.parameterRows();
        if (n == 0) return List.of(r, "empty");
        long at = h.parameterStep(rowAtOrBefore(h, frame.step()));
        return List.of(r, modeFx(), kindFx(), scalingFx(), at, h.parameterStep(n - 1), frame.experiment());
    }

    private static int rowAtOrBefore(HistoryView h, long step) {
        int lo = 0, hi = h.parameterRows() - 1, best = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (h.parameterStep(mid) <= step) {
                best = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }

    private Mode modeFx() {
        Mode m = mode.getSelectionModel().getSelectedItem();
        return m == null ? Mode.SLICE : m;
    }

    private DirectionKind kindFx() {
        DirectionKind k = direction.getSelectionModel().getSelectedItem();
        return k == null ? DirectionKind.FINAL : k;
    }

    private Scaling scalingFx() {
        Scaling s = scaling.getSelectionModel().getSelectedItem();
        return s == null ? Scaling.RAW : s;
    }

    @Override
    protected Supplier<JFreeChart> chartJobFx(Frame frame, FigureOptions options) {
        Mode m = modeFx();
        DirectionKind kind = kindFx();
        Scaling sc = scalingFx();
        Object key = contentKey(frame);
        int r = Math.max(0, Math.min(run.selected(), frame.trajectories().size() - 1));
        long step = frame.step();
        Experiment experiment = frame.experiment();
        List<TrajectorySnapshot> runs = frame.trajectories();
        return () -> {
            if (runs.isEmpty() || runs.get(r).history().parameterRows() == 0)
                return LandscapeSliceFigure.unavailable("no recorded θ yet", options);
            TrajectorySnapshot t = runs.get(r);
            Object result = compute(key, experiment, t.history(), step, m, kind, sc);
            return switch (m) {
                case SLICE -> LandscapeSliceFigure.create((org.grokbench.landscape.Slice1D) result, t.label(), true, options);
                case STACK -> LandscapeStackFigure.create((org.grokbench.landscape.SliceStack) result, t.label(),
                        options.withStep(step));
                case PLANE -> LandscapePlaneFigure.create((org.grokbench.landscape.Slice2D) result, t.label(), options);
            };
        };
    }

    /** The landscape for these settings (figure worker); the last one is reused while its key holds. */
    private Object compute(Object key, Experiment e, HistoryView h, long step, Mode m, DirectionKind kind, Scaling sc) {
        Cached c = cached;
        if (c != null && key != null && key.equals(c.key())) return c.result();
        RecordedPath path = RecordedPath.of(h);
        int row = path.rowAtOrBefore(step);
        LandscapeSampler sampler = new LandscapeSampler(e::newLossSurface, null);
        Object result = switch (m) {
            case SLICE -> Landscape.slice(sampler, path, row, kind, sc, SliceGrid.DEFAULT.values(), SEED);
            case STACK -> Landscape.stack(sampler, path, path.evenlySpacedRows(STACK_ROWS), kind, sc,
                    SliceGrid.symmetric(3, STACK_POINTS).values(), SEED);
            case PLANE -> Landscape.plane(sampler, path, row, kind, sc, SliceGrid.DEFAULT_PLANE.values(),
                    SliceGrid.DEFAULT_PLANE.values(), SEED);
        };
        cached = new Cached(key, result);
        return result;
    }

    /** A landscape costs tens to hundreds of milliseconds: while the run trains, wait twice that between pictures. */
    @Override
    protected double throttleFactor() {
        return 2;
    }
}
