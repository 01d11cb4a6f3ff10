package org.grokbench.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.preset.PresetException;
import org.grokbench.experiment.preset.PresetLoader;
import org.grokbench.experiment.preset.SweepDefaults;
import org.grokbench.sweep.CellMeasures;
import org.grokbench.sweep.CellResult;
import org.grokbench.sweep.SweepAxis;
import org.grokbench.sweep.SweepException;
import org.grokbench.sweep.SweepPlan;
import org.grokbench.sweep.SweepRunner;
import org.grokbench.sweep.SweepStore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Sweep tab's state without any node: the fields (preset, x and y axes, threads, steps per
 * cell, output folder), their validation, and the running {@link SweepRunner}. Cells finish on the
 * runner's threads; they are queued and applied on the FX thread in one batch ({@code fx} is
 * {@code Platform::runLater} in the window, a direct executor in tests).
 *
 * <p>Finished cells are written to the output folder as the CLI writes them, so a sweep started
 * here resumes from the CLI and the other way round.
 */
public final class SweepViewModel implements AutoCloseable {
    /** Field ids, for highlighting the field a problem is about. */
    public static final String PRESET = "preset", X = "x", Y = "y", THREADS = "threads", STEPS = "steps", OUT = "out";
    /** The spectral energy is measured on the first N steps, as in the paper. */
    public static final int SPECTRAL_STEPS = 400;

    private final PresetLoader loader;
    private final Executor fx;
    private final StringProperty preset = new SimpleStringProperty(this, "preset", "");
    private final StringProperty x = new SimpleStringProperty(this, "x", "");
    private final StringProperty y = new SimpleStringProperty(this, "y", "");
    private final StringProperty threads = new SimpleStringProperty(this, "threads", "all");
    private final StringProperty steps = new SimpleStringProperty(this, "steps", "");
    private final StringProperty out = new SimpleStringProperty(this, "out", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper problemField = new ReadOnlyStringWrapper(this, "problemField", "");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyObjectWrapper<SweepPlan> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    private final ReadOnlyObjectWrapper<List<CellResult>> cells = new ReadOnlyObjectWrapper<>(this, "cells", List.of());
    private final ConcurrentLinkedQueue<Object> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private SweepRunner runner;
    private long startedAt;

    public SweepViewModel(PresetLoader loader, Executor fx) {
        this.loader = loader;
        this.fx = fx;
    }

    /** Fills the axes from the preset's default grid (when it has one) and the output folder. */
    public void choosePreset(String id) {
        preset.set(id);
        out.set(Path.of("out", "sweep-" + id).toString());
        try {
            SweepDefaults d = loader.sweepDefaults(id);
            if (d != null) {
                x.set(d.x());
                y.set(d.y() == null ? "" : d.y());
            }
            clearProblem();
        } catch (PresetException e) {
            fail(PRESET, e.getMessage());
        }
    }

    /**
     * Checks every field and starts the sweep; false (with {@link #problemProperty()} naming the
     * field) when a field is invalid or the output folder holds another sweep. FX thread.
     */
    public boolean start() {
        if (running.get()) return false;
        SweepPlan p = validate();
        if (p == null) return false;
        int t = threadCount();
        SweepStore store = new SweepStore(Path.of(out.get().strip()));
        SweepRunner r = new SweepRunner(p, store, t, (c, resumed, n, total) -> post(c));
        cells.set(List.of());
        plan.set(p);
        progress.set(0);
        try {
            r.start();
        } catch (SweepException e) {
            fail(OUT, e.getMessage());
            return false;
        } catch (RuntimeException e) {
            fail(OUT, "cannot use " + out.get().strip() + ": " + e.getMessage());
            return false;
        }
        runner = r;
        startedAt = System.nanoTime();
        running.set(true);
        statusText.set("starting " + p.cellCount() + " cells on " + t + " thread" + (t == 1 ? "" : "s"));
        Thread waiter = new Thread(() -> {
            try {
                SweepRunner.Outcome o = r.await();
                post(o);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                post(e);
            }
        }, "grokbench-sweep-wait");
        waiter.setDaemon(true);
        waiter.start();
        drainLater();
        return true;
    }

    /** Stops the running cells; finished ones stay on disk for a later resume. */
    public void cancel() {
        if (runner != null) runner.cancel();
    }

    /** The cell (i, j) of the current plan as a preset spec, for opening it in the main view; null if none. */
    public ExperimentSpec cellSpec(int i, int j) {
        SweepPlan p = plan.get();
        if (p == null || i < 0 || j < 0 || i >= p.columns() || j >= p.rows()) return null;
        return p.cellSpec(i, j);
    }

    private SweepPlan validate() {
        ExperimentSpec base;
        try {
            base = loader.resolve(preset.get());
        } catch (PresetException e) {
            return fail(PRESET, e.getMessage());
        }
        if (threadCount() < 1) return fail(THREADS, "threads must be 'all' or a whole number in [1, 256], got '"
                + threads.get().strip() + "'");
        String st = steps.get().strip();
        if (!st.isEmpty()) {
            long n;
            try {
                n = Long.parseLong(st);
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > 1_000_000) return fail(STEPS, "steps must be empty (the preset's) or a whole number in [1, 1000000], got '" + st + "'");
            base = base.withOverrides(n, null, null, null);
        }
        if (out.get().isBlank()) return fail(OUT, "output folder: give a folder for the finished cells");
        SweepAxis ax, ay = null;
        try {
            ax = SweepAxis.parse(x.get());
        } catch (SweepException e) {
            return fail(X, "x: " + e.getMessage());
        }
        if (!y.get().isBlank()) {
            try {
                ay = SweepAxis.parse(y.get());
            } catch (SweepException e) {
                return fail(Y, "y: " + e.getMessage());
            }
        }
        try {
            SweepPlan p = SweepPlan.of(base, null, ax, ay, CellMeasures.spectralSweep(SPECTRAL_STEPS));
            clearProblem();
            return p;
        } catch (SweepException e) {
            return fail(e.getMessage().startsWith(ax.parameter().key()) ? X : Y, e.getMessage());
        }
    }

    /** 'all' → the cores; a number in [1, 256]; −1 when invalid. */
    int threadCount() {
        String t = threads.get().strip().toLowerCase(Locale.ROOT);
        if (t.equals("all") || t.isEmpty()) return SweepRunner.defaultThreads();
        try {
            int v = Integer.parseInt(t);
            return v >= 1 && v <= 256 ? v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private SweepPlan fail(String field, String message) {
        problemField.set(field);
        problem.set(message);
        return null;
    }

    private void clearProblem() {
        problem.set("");
        problemField.set("");
    }

    /** Any thread: queues a finished cell, the outcome or a failure for the FX thread. */
    private void post(Object o) {
        inbox.add(o);
        drainLater();
    }

    private void drainLater() {
        if (drainQueued.compareAndSet(false, true)) fx.execute(this::drainFx);
    }

    private void drainFx() {
        drainQueued.set(false);
        List<CellResult> now = new ArrayList<>(cells.get());
        boolean changed = false;
        Object o;
        while ((o = inbox.poll()) != null) {
            if (o instanceof CellResult c) {
                now.add(c);
                changed = true;
            } else if (o instanceof SweepRunner.Outcome out) {
                running.set(false);
                statusText.set(String.format(Locale.ROOT, "%s: %d of %d cells in %.0f s%s", out.cancelled() ? "cancelled" : "done",
                        out.finished(), out.total(), out.seconds(), out.cancelled() ? " (Start resumes)" : ""));
            } else if (o instanceof RuntimeException e) {
                running.set(false);
                fail(OUT, e.getMessage());
            }
        }
        if (changed) {
            cells.set(List.copyOf(now));
            SweepPlan p = plan.get();
            progress.set(p == null ? 0 : (double) now.size() / p.cellCount());
            if (running.get())
                statusText.set(String.format(Locale.ROOT, "%d of %d cells · %.0f s", now.size(), p.cellCount(),
                        (System.nanoTime() - startedAt) / 1e9));
        }
    }

    /** Cancels a running sweep and lets its threads go. */
    @Override
    public void close() {
        if (runner != null) runner.close();
    }

    public StringProperty presetProperty() { return preset; }
    public StringProperty xProperty() { return x; }
    public StringProperty yProperty() { return y; }
    public StringProperty threadsProperty() { return threads; }
    public StringProperty stepsProperty() { return steps; }
    public StringProperty outProperty() { return out; }
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    /** Which field {@link #problemProperty()} is about ({@link #X}, ...; empty when none). */
    public ReadOnlyStringProperty problemFieldProperty() { return problemField.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return statusText.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<SweepPlan> planProperty() { return plan.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<List<CellResult>> cellsProperty() { return cells.getReadOnlyProperty(); }
}
