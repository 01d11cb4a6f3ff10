package org.grokbench.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import org.grokbench.experiment.Command;
import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.RunStatus;
import org.grokbench.experiment.Snapshot;
import org.grokbench.experiment.preset.PresetException;
import org.grokbench.experiment.preset.PresetInfo;
import org.grokbench.experiment.preset.PresetLoader;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The window's state and what the user can do with it, without any node: the chosen preset, its
 * live {@link RunSession}, the hyperparameters being edited, the timeline position, the speed and
 * the look. Buttons call {@link #run()}, {@link #pause()}, {@link #step(int)}, {@link #reset()};
 * the pulse loop feeds {@link #applySnapshotFx(Snapshot)}. Engine state is only ever changed by
 * {@link Command}s.
 *
 * <p>Used on the FX thread (its properties are bound to nodes), but needs no toolkit: tests drive
 * it directly.
 */
public final class WorkbenchViewModel implements AutoCloseable {
    /** Speed value: no limit. */
    public static final double MAX_SPEED = 0;
    /** Speed value: log pace, see {@link #pacedRate(long)}. */
    public static final double LOG_PACE = -1;
    /** Log pace: seconds per decade of steps, and the slowest rate (the first steps, one by one). */
    static final double SECONDS_PER_DECADE = 2.5, PACE_MIN_RATE = 4;

    private final PresetLoader loader;
    private final RunExecutorFactory executors;
    private final ReadOnlyObjectWrapper<PresetInfo> preset = new ReadOnlyObjectWrapper<>(this, "preset");
    private final ReadOnlyObjectWrapper<RunSession> session = new ReadOnlyObjectWrapper<>(this, "session");
    private final ReadOnlyObjectWrapper<HyperparametersViewModel> hyperparameters = new ReadOnlyObjectWrapper<>(this, "hyperparameters");
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyObjectWrapper<RunStatus> status = new ReadOnlyObjectWrapper<>(this, "status", RunStatus.READY);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    /**
     * Target steps per second; {@link #MAX_SPEED} = as fast as the machine goes; {@link #LOG_PACE} =
     * the rate grows with the step so that every decade of steps takes the same time.
     */
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", LOG_PACE);
    private final BooleanProperty live = new SimpleBooleanProperty(this, "live", true);
    private final LongProperty viewStep = new SimpleLongProperty(this, "viewStep", 0);
    private final BooleanProperty classroom = new SimpleBooleanProperty(this, "classroom", false);
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark", false);
    private List<PresetInfo> presets;
    /** The rate last sent in log pace; 0 before any. */
    private double pacedRate;
    /** Whether the user last asked the run to go (a reset from a seed change keeps it going). */
    private boolean wantRunning;

    public WorkbenchViewModel(PresetLoader loader, RunExecutorFactory executors) {
        this.loader = loader;
        this.executors = executors;
        speed.addListener((o, a, b) -> sendSpeed(session.get(), 0));
    }

    // ---- presets ----------------------------------------------------------------------------

    /** All presets in display order (read once). */
    public List<PresetInfo> presets() {
        if (presets == null) presets = loader.list();
        return presets;
    }

    /**
     * Loads a preset and starts its run paused at step 0; the old run is stopped. A broken preset
     * leaves the current one in place and sets {@link #problemProperty()}.
     */
    public boolean loadPreset(String id) {
        ExperimentSpec spec;
        try {
            spec = loader.resolve(id);
        } catch (PresetException e) {
            problem.set(e.getMessage());
            return false;
        }
        loadSpec(spec);
        return true;
    }

    /**
     * Loads a spec as if it were a preset (a sweep cell: one run of a preset with swept values):
     * its run starts paused at step 0 and the old run is stopped. The library shows the preset of
     * the same id, when there is one.
     */
    public void loadSpec(ExperimentSpec spec) {
        PresetInfo info = presets().stream().filter(p -> p.id().equals(spec.id())).findFirst()
                .orElse(new PresetInfo(spec.id(), spec.title(), spec.paper(), spec.figure(), spec.story()));
        wantRunning = false;
        hyperparameters.set(new HyperparametersViewModel(spec, new HyperparametersViewModel.Actions() {
            @Override public void send(Command command) { WorkbenchViewModel.this.send(command); }
            @Override public void reset(ExperimentSpec s) { startSession(s, wantRunning); }
        }));
        preset.set(info);
        startSession(spec, false);
    }

    /** Where presets come from (the Sweep tab resolves its presets here too). */
    public PresetLoader loader() { return loader; }

    private void startSession(ExperimentSpec spec, boolean running) {
        RunSession old = session.get();
        if (old != null) old.close();
        RunSession s;
        try {
            s = new RunSession(spec, executors);
        } catch (RuntimeException e) {
            problem.set("cannot start " + spec.id() + ": " + e.getMessage());
            return;
        }
        problem.set("");
        pacedRate = 0;
        sendSpeed(s, 0);
        if (running) s.send(new Command.Resume());
        live.set(true);
        viewStep.set(0);
        snapshot.set(s.latest());
        status.set(s.latest().status());
        session.set(s);
    }

    // ---- run controls -----------------------------------------------------------------------

    /** Runs (or resumes); a finished or stopped run starts again from step 0. The timeline goes live. */
    public void run() {
        RunSession s = session.get();
        if (s == null) return;
        wantRunning = true;
        live.set(true);
        if (s.latest().status().isTerminal()) startSession(hyperparameters.get().spec(), true);
        else s.send(new Command.Resume());
    }

    public void pause() {
        wantRunning = false;
        send(new Command.Pause());
    }

    /** Pauses after {@code n} more steps (single-stepping); the timeline goes live to show them. */
    public void step(int n) {
        RunSession s = session.get();
        if (s == null || s.latest().status().isTerminal()) return;
        wantRunning = false;
        live.set(true);
        s.send(new Command.Step(n));
    }

    /** Back to step 0 with the hyperparameters as edited, paused. */
    public void reset() {
        if (hyperparameters.get() == null) return;
        wantRunning = false;
        startSession(hyperparameters.get().spec(), false);
    }

    /**
     * The log-pace rate at {@code step}: d(log₁₀ step)/dt = 1/{@link #SECONDS_PER_DECADE}, i.e.
     * step·ln 10 / 2.5 steps per second, never below {@link #PACE_MIN_RATE}. Memorization (the first
     * ten steps) and grokking (hundreds to thousands of steps later) both get seconds on screen.
     */
    public static double pacedRate(long step) {
        return Math.max(PACE_MIN_RATE, step * Math.log(10) / SECONDS_PER_DECADE);
    }

    /** Sends the speed for the current mode (log pace: the rate at {@code step}). */
    private void sendSpeed(RunSession s, long step) {
        if (s == null) return;
        double v = speed.get();
        if (v >= 0) {
            pacedRate = 0;
            s.send(new Command.SetSpeed(v));
            return;
        }
        double rate = pacedRate(step);
        if (pacedRate > 0 && Math.abs(rate / pacedRate - 1) < 0.1) return;
        pacedRate = rate;
        s.send(new Command.SetSpeed(rate));
    }

    private void send(Command c) {
        RunSession s = session.get();
        if (s != null) s.send(c);
    }

    // ---- timeline ---------------------------------------------------------------------------

    /** Shows every panel at {@code step}; the run keeps recording. */
    public void scrubTo(long step) {
        live.set(false);
        viewStep.set(Math.max(0, step));
    }

    /** The timeline follows the run again. */
    public void goLive() {
        live.set(true);
    }

    /** The step panels show now. */
    public long shownStep() {
        Snapshot s = snapshot.get();
        if (s == null) return 0;
        return live.get() ? s.step() : Math.min(viewStep.get(), s.step());
    }

    /** Records the snapshot the pulse loop just applied. FX thread. */
    public void applySnapshotFx(Snapshot s) {
        snapshot.set(s);
        if (status.get() != s.status()) status.set(s.status());
        if (s.status().isTerminal()) wantRunning = false;
        if (speed.get() < 0 && s.status() == RunStatus.RUNNING) sendSpeed(session.get(), s.step());
        if (live.get()) viewStep.set(s.step());
    }

    // ---- lifecycle --------------------------------------------------------------------------

    /** Stops the run; never blocks. */
    @Override
    public void close() {
        RunSession s = session.get();
        if (s != null) s.close();
    }

    /** Stops the run and waits for its thread to end. */
    public boolean closeAndWait(long timeout, TimeUnit unit) throws InterruptedException {
        RunSession s = session.get();
        return s == null || s.awaitClosed(timeout, unit);
    }

    // ---- properties -------------------------------------------------------------------------

    public ReadOnlyObjectProperty<PresetInfo> presetProperty() { return preset.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<RunSession> sessionProperty() { return session.getReadOnlyProperty(); }
    public RunSession session() { return session.get(); }
    public ReadOnlyObjectProperty<HyperparametersViewModel> hyperparametersProperty() { return hyperparameters.getReadOnlyProperty(); }
    public HyperparametersViewModel hyperparameters() { return hyperparameters.get(); }
    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() { return snapshot.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<RunStatus> statusProperty() { return status.getReadOnlyProperty(); }
    /** A preset or run problem to show (empty when none). */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    public DoubleProperty speedProperty() { return speed; }
    public BooleanProperty liveProperty() { return live; }
    public LongProperty viewStepProperty() { return viewStep; }
    public BooleanProperty classroomProperty() { return classroom; }
    public BooleanProperty darkProperty() { return dark; }

    public Look look() { return new Look(classroom.get(), dark.get()); }

    /** Id of the loaded preset, for file names. */
    public String presetId() {
        PresetInfo p = preset.get();
        return p == null ? "grokbench" : Objects.requireNonNullElse(p.id(), "grokbench");
    }
}
