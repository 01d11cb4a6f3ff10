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
import org.grokbench.experiment.preset.PresetException;
import org.grokbench.sweep.CellResult;
import org.grokbench.sweep.SweepException;
import org.grokbench.sweep.SweepGrid;
import org.grokbench.sweep.SweepRunner;
import org.grokbench.sweep.SweepStore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The state of a grid tab (the Sweep tab, the Phase diagram tab) without any node: the fields
 * (preset, x and y axes, threads, steps per cell, output folder), their validation, and the running
 * {@link SweepRunner} over whatever {@link SweepGrid} the tab's {@link SweepMode} builds from them.
 * Cells start and finish on the runner's threads; they are queued and applied on the FX thread in
 * one batch ({@code fx} is {@code Platform::runLater} in the window, a direct executor in tests).
 *
 * <p>Finished cells are written to the output folder as the CLI writes them, so a sweep started
 * here resumes from the CLI and the other way round.
 */
public final class SweepViewModel implements AutoCloseable {
    /** Field ids, for highlighting the field a problem is about. */
    public static final String PRESET = "preset", X = "x", Y = "y", THREADS = "threads", STEPS = "steps", OUT = "out";

    private final SweepMode mode;
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
    private final ReadOnlyObjectWrapper<SweepGrid> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    private final ReadOnlyObjectWrapper<List<CellResult>> cells = new ReadOnlyObjectWrapper<>(this, "cells", List.of());
    private final ReadOnlyObjectWrapper<Set<String>> runningCells = new ReadOnlyObjectWrapper<>(this, "runningCells", Set.of());
    private final ConcurrentLinkedQueue<Object> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicInteger readBack = new java.util.concurrent.atomic.AtomicInteger();
    private SweepRunner runner;
    private long startedAt;

    SweepViewModel(SweepMode mode, Executor fx) {
        this.mode = mode;
        this.fx = fx;
    }

    SweepMode mode() { return mode; }

    /** Fills the axes and steps from the preset's default grid (when it has one) and the output folder. */
    public void choosePreset(String id) {
        preset.set(id);
        out.set(Path.of("out", id.startsWith(mode.idPrefix() + "-") ? id : mode.idPrefix() + "-" + id).toString());
        try {
            SweepMode.Defaults d = mode.defaults(id);
            if (d != null) {
                x.set(d.x());
                y.set(d.y() == null ? "" : d.y());
                if (d.steps() != null) steps.set(d.steps());
            }
            clearProblem();
            preview();
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
        SweepGrid p = validate();
        if (p == null) return false;
        int t = threadCount();
        SweepStore store = new SweepStore(Path.of(out.get().strip()));
        readBack.set(0);
        SweepRunner r = new SweepRunner(p, store, t, new SweepRunner.Listener() {
            @Override
            public void cellFinished(CellResult c, boolean resumed, int n, int total) {
                if (resumed) readBack.incrementAndGet();
                post(c);
            }

            @Override
            public void cellStarted(int i, int j) { post(new Started(CellResult.key(i, j))); }
        });
        cells.set(List.of());
        runningCells.set(Set.of());
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

    /**
     * Shows the preset's grid with every cell pending, so the tab shows what Start will train
     * before it runs; nothing when a grid is running or the fields do not make one (Start then
     * says why).
     */
    private void preview() {
        if (running.get()) return;
        try {
            String st = steps.get().strip();
            SweepGrid g = mode.grid(preset.get(), x.get(), y.get(), st.isEmpty() ? null : Long.valueOf(st));
            cells.set(List.of());
            runningCells.set(Set.of());
            progress.set(0);
            statusText.set(g.cellCount() + " cells; Start trains them (or resumes from the output folder)");
            plan.set(g);
        } catch (RuntimeException e) {
            // not a grid yet: keep what is shown
        }
    }

    /** The finished cell (i, j) of the current grid, or null. */
    public CellResult cell(int i, int j) {
        for (CellResult c : cells.get()) if (c.i() == i && c.j() == j) return c;
        return null;
    }

    /** A cell starts training on a runner thread. */
    private record Started(String key) {}

    private SweepGrid validate() {
        if (preset.get() == null || preset.get().isBlank()) return fail(PRESET, "preset: choose one");
        if (threadCount() < 1) return fail(THREADS, "threads must be 'all' or a whole number in [1, 256], got '"
                + threads.get().strip() + "'");
        String st = steps.get().strip();
        Long n = null;
        if (!st.isEmpty()) {
            try {
                n = Long.parseLong(st);
            } catch (NumberFormatException e) {
                n = -1L;
            }
            if (n < 1 || n > 1_000_000) return fail(STEPS, "steps must be empty (the preset's) or a whole number in [1, 1000000], got '" + st + "'");
        }
        if (out.get().isBlank()) return fail(OUT, "output folder: give a folder for the finished cells");
        try {
            SweepGrid g = mode.grid(preset.get(), x.get(), y.get(), n);
            clearProblem();
            return g;
        } catch (SweepMode.FieldProblem e) {
            return fail(e.field(), e.getMessage());
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

    private SweepGrid fail(String field, String message) {
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
        Set<String> busy = new HashSet<>(runningCells.get());
        boolean changed = false;
        Object o;
        while ((o = inbox.poll()) != null) {
            if (o instanceof Started s) {
                busy.add(s.key());
            } else if (o instanceof CellResult c) {
                now.add(c);
                busy.remove(c.key());
                changed = true;
            } else if (o instanceof SweepRunner.Outcome out) {
                busy.clear();
                running.set(false);
                int back = readBack.get();
                statusText.set(String.format(Locale.ROOT, "%s: %d of %d cells in %.0f s%s%s", out.cancelled() ? "cancelled" : "done",
                        out.finished(), out.total(), out.seconds(), back > 0 ? " (" + back + " read back from the folder)" : "",
                        out.cancelled() ? " (Start resumes)" : ""));
            } else if (o instanceof RuntimeException e) {
                busy.clear();
                running.set(false);
                fail(OUT, e.getMessage());
            }
        }
        if (!busy.equals(runningCells.get())) runningCells.set(Set.copyOf(busy));
        if (changed) {
            cells.set(List.copyOf(now));
            SweepGrid p = plan.get();
            progress.set(p == null ? 0 : (double) now.size() / p.cellCount());
            if (running.get())
                statusText.set(String.format(Locale.ROOT, "%d of %d cells · %.0f s", now.size(), p.cellCount(),
                        (System.nanoTime() - startedAt) / 1e9));
        }
    }

    /** Cancels a running sweep and lets its threads go, and ends the mode's workers. */
    @Override
    public void close() {
        if (runner != null) runner.close();
        mode.close();
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
    public ReadOnlyObjectProperty<SweepGrid> planProperty() { return plan.getReadOnlyProperty(); }
    /** Keys ({@link CellResult#key(int, int)}) of the cells training now. */
    public ReadOnlyObjectProperty<Set<String>> runningCellsProperty() { return runningCells.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<List<CellResult>> cellsProperty() { return cells.getReadOnlyProperty(); }
}
