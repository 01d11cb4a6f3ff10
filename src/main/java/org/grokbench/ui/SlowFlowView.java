package org.grokbench.ui;

import javafx.application.Platform;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Tooltip;
import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.HistoryView;
import org.grokbench.experiment.RunSpec;
import org.grokbench.experiment.SlowFlowComparison;
import org.grokbench.experiment.SlowFlowPlane;
import org.grokbench.experiment.SlowFlowTrack;
import org.grokbench.experiment.TrajectorySnapshot;
import org.grokbench.experiment.TwoPhaseSpec;
import org.grokbench.plot.FigureOptions;
import org.grokbench.plot.SlowFlowFigure;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The predicted slow flow beside the run, in the window (riemannian-norm-minimisation, issue 8):
 * once the picked run with λ &gt; 0 has reached the zero-loss set Z, the flow dθ/dτ = −P_T θ on Z
 * is integrated from there along the run's recorded θ rows ({@link SlowFlowTrack}) and drawn over
 * the run: ‖θ‖, test loss and distance against the step ({@link SlowFlowFigure#create}, the CLI's
 * {@code slow-flow.png}), or both paths in the plane of the run's principal components
 * ({@link SlowFlowFigure#plane}, {@code slow-flow-pca.png}).
 *
 * <p>The flow is integrated on this panel's own worker ("grokbench-slow-flow"), never on the FX
 * thread or the figure worker: a numeric zero-loss set (matrix completion) needs SVDs for every
 * Euler step. The newest request wins (one waits at most), a new preset or run cancels the
 * integration under way, and the panel says "computing…" with the rows done meanwhile.
 */
public final class SlowFlowView extends ChartPanelView {
    static final String TITLE = "Predicted slow flow on Z";

    /** What the panel shows. */
    enum Mode {
        STEPS("‖θ‖, test loss"),
        PLANE("PCA plane");

        final String label;

        Mode(String label) { this.label = label; }

        @Override public String toString() { return label; }
    }

    /** One integration to do: the run's history up to the shown step. */
    private record Request(long generation, Map<Integer, SlowFlowTrack> tracks, Experiment experiment, TwoPhaseSpec phases,
                           int runIndex, RunSpec run, double lr, double lambda, long every, HistoryView history,
                           long lastRowStep) {}

    /** An integration done: its result (null: not on Z yet) and the two paths in the PCA plane. */
    record Computed(long generation, int runIndex, long lastRowStep, SlowFlowComparison.Result result, SlowFlowPlane plane) {}

    private final ChoiceBox<Mode> mode = new ChoiceBox<>();
    private final RunPicker run;
    private final CheckBox logStep;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "grokbench-slow-flow");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private final AtomicReference<Request> pending = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicLong generation = new AtomicLong();
    private volatile Computed computed;
    /** "k of n θ rows" while an integration runs, else null. */
    private volatile String progress;
    private volatile long lastProgressRedraw;
    private Map<Integer, SlowFlowTrack> tracks = new ConcurrentHashMap<>();
    private Experiment experiment;
    private TwoPhaseSpec phases = TwoPhaseSpec.defaults();
    private Request lastAsked;

    public SlowFlowView() {
        super("slow-flow", TITLE);
        mode.getItems().setAll(Mode.values());
        mode.getSelectionModel().select(Mode.STEPS);
        mode.setId("slow-flow-mode");
        mode.setTooltip(new Tooltip("‖θ‖, test loss and distance against the step, or the run and the flow in the plane"
                + " of the run's first two principal components (slow phase)"));
        mode.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            updateControlsFx();
            resetZoomFx();
            redrawFx();
        });
        run = new RunPicker("slow-flow", () -> {
            redrawFx();
            if (frame() != null) requestFlowFx(frame());
        });
        addHeaderControl(mode);
        addHeaderControl(run.node());
        logStep = addLogStepToggle("log step");
        updateControlsFx();
    }

    /** The mode picker. */
    public ChoiceBox<Mode> modePicker() { return mode; }

    /** The last finished integration (null before). */
    Computed computed() { return computed; }

    private Mode modeFx() {
        Mode m = mode.getSelectionModel().getSelectedItem();
        return m == null ? Mode.STEPS : m;
    }

    private void updateControlsFx() {
        boolean steps = modeFx() == Mode.STEPS;
        logStep.setVisible(steps);
        logStep.setManaged(steps);
    }

    /** A generated regression task (the two-phase presets) with a zero-loss set and a run with λ &gt; 0. */
    @Override
    public boolean appliesTo(Experiment e) {
        return e.task() != null && e.zeroLoss() != null && e.spec().runs().stream().anyMatch(r -> r.lambda() > 0);
    }

    @Override
    public void bindFx(Experiment e) {
        super.bindFx(e);
        generation.incrementAndGet();   // cancels the integration under way
        pending.set(null);
        computed = null;
        progress = null;
        lastAsked = null;
        tracks = new ConcurrentHashMap<>();
        experiment = e;
        phases = e.twoPhase();
        run.bindFx(e);
        updateControlsFx();
    }

    @Override
    public void showFx(Frame f) {
        super.showFx(f);
        requestFlowFx(f);
    }

    /** Asks the worker for the flow along the picked run up to the shown step, unless that is what it has or does. */
    private void requestFlowFx(Frame f) {
        if (experiment == null || f.experiment() != experiment) return;
        int i = Math.min(run.selected(), f.trajectories().size() - 1);
        if (i < 0) return;
        TrajectorySnapshot t = f.trajectories().get(i);
        if (!(t.lambda() > 0)) return;
        HistoryView h = t.history().until(f.step());
        if (h.parameterRows() == 0) return;
        long last = h.parameterStep(h.parameterRows() - 1);
        long gen = generation.get();
        Computed c = computed;
        if (c != null && c.generation() == gen && c.runIndex() == i && c.lastRowStep() == last) return;
        Request asked = lastAsked;
        if (asked != null && asked.generation() == gen && asked.runIndex() == i && asked.lastRowStep() == last) return;
        Request r = new Request(gen, tracks, experiment, phases, i, experiment.spec().runs().get(i), t.lr(), t.lambda(),
                SlowFlowComparison.defaultEvery(t.totalSteps()), h, last);
        lastAsked = r;
        pending.set(r);
        if (!worker.isShutdown() && scheduled.compareAndSet(false, true)) worker.execute(this::drain);
    }

    /** Worker: integrates the newest request until none is left. */
    private void drain() {
        while (true) {
            Request r = pending.getAndSet(null);
            if (r == null) {
                scheduled.set(false);
                if (pending.get() == null || !scheduled.compareAndSet(false, true)) return;
                continue;
            }
            integrate(r);
        }
    }

    private void integrate(Request r) {
        try {
            SlowFlowTrack track = r.tracks().computeIfAbsent(r.runIndex(), k -> new SlowFlowTrack(r.experiment(), r.phases()));
            SlowFlowComparison.Result result = track.follow(r.run(), r.lr(), r.lambda(), r.every(), r.history(), () -> cancelled(r),
                    (done, of) -> progressed(r, done, of));
            SlowFlowPlane plane = result == null ? null : SlowFlowPlane.of(result.rows());
            if (cancelled(r)) return;
            computed = new Computed(r.generation(), r.runIndex(), r.lastRowStep(), result, plane);
        } catch (CancellationException stale) {
            return;
        } catch (RuntimeException failed) {
            if (cancelled(r)) return;
            progress = "failed: " + failed.getMessage();
            Platform.runLater(this::redrawFx);
            return;
        }
        progress = null;
        Platform.runLater(this::redrawFx);
    }

    /** A new preset, or a request for another run, makes this one stale. */
    /** Cancels the integration under way and ends the worker thread with the window. */
    @Override
    public void closeFx() {
        generation.incrementAndGet();
        worker.shutdownNow();
    }

    private boolean cancelled(Request r) {
        if (generation.get() != r.generation()) return true;
        Request next = pending.get();
        return next != null && next.runIndex() != r.runIndex();
    }

    private void progressed(Request r, int done, int of) {
        if (done == of || cancelled(r)) return;
        progress = "computing the predicted flow… " + done + " of " + of + " compared steps on Z";
        long now = System.nanoTime();
        if (done == 0 || now - lastProgressRedraw > 300_000_000L) {
            lastProgressRedraw = now;
            Platform.runLater(this::redrawFx);
        }
    }

    /** Redraw only when the integration, its progress, the mode or the shown step changed. */
    @Override
    protected Object contentKey(Frame frame) {
        return Arrays.asList(computed, progress, frame.figureStep(), run.selected());
    }

    @Override
    protected FigureOptions customize(FigureOptions o) {
        return o.withLogStep(logStep.isSelected() && modeFx() == Mode.STEPS);
    }

    @Override
    protected JFreeChart buildChart(Frame frame, FigureOptions options) {
        throw new IllegalStateException("built through chartJobFx");
    }

    @Override
    protected Supplier<JFreeChart> chartJobFx(Frame frame, FigureOptions o) {
        Mode m = modeFx();
        int i = Math.min(run.selected(), frame.trajectories().size() - 1);
        Computed c = computed;
        String busy = progress;
        boolean lambdaPositive = i >= 0 && frame.trajectories().get(i).lambda() > 0;
        boolean current = c != null && c.generation() == generation.get() && c.runIndex() == i;
        double threshold = phases.interpolationThreshold();
        return () -> {
            if (!lambdaPositive) return SlowFlowFigure.empty(TITLE, "this run has λ = 0: the slow flow needs weight decay; pick a run with λ > 0", o);
            if (!current || c.result() == null) {
                return SlowFlowFigure.empty(TITLE, busy != null ? busy
                        : "waiting for the run to reach the zero-loss set (training loss < " + threshold + ")", o);
            }
            if (c.result().rows().size() < 2) {
                return SlowFlowFigure.empty(TITLE, "on Z at step " + c.result().rows().get(0).step() + "; "
                        + (busy != null ? busy : "the flow is compared from the next compared step on"), o);
            }
            JFreeChart chart = m == Mode.PLANE ? SlowFlowFigure.plane(c.result(), c.plane(), o) : SlowFlowFigure.create(c.result(), o);
            if (busy != null) chart.addSubtitle(new TextTitle(busy, o.style().subtitleFont()));
            return chart;
        };
    }
}
