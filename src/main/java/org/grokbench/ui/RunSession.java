package org.grokbench.ui;

import org.grokbench.experiment.Command;
import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.Run;
import org.grokbench.experiment.Snapshot;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One live run of one experiment spec, as the window holds it: the built {@link Experiment}, its
 * {@link Run} and the executor the run loop lives on. The window talks to it only through
 * {@link #send(Command)} and reads it only through {@link #latest()}; it never touches engine
 * state. A seed, step-budget or init change makes a new session (the engine's "reset").
 *
 * <p>{@link #close()} asks the loop to stop and lets the executor's thread end;
 * {@link #awaitClosed(long, TimeUnit)} waits for that thread.
 */
public final class RunSession implements AutoCloseable {
    private final ExperimentSpec spec;
    private final Experiment experiment;
    private final Run run;
    private final ExecutorService executor;
    private volatile boolean closed;

    /** Builds the experiment and starts its loop paused, waiting for {@link Command.Resume} or {@link Command.Step}. */
    public RunSession(ExperimentSpec spec, RunExecutorFactory executors) {
        this.spec = spec;
        this.experiment = Experiment.build(spec);
        this.run = new Run(experiment);
        this.executor = executors.create(spec.id() == null ? "run" : spec.id());
        run.start(executor, true);
    }

    public ExperimentSpec spec() { return spec; }
    public Experiment experiment() { return experiment; }

    /** The latest published snapshot; never null. Cheap: one volatile read. */
    public Snapshot latest() { return run.latest(); }

    /** Queues a command for the run loop (safe from any thread); ignored once closed. */
    public void send(Command command) {
        if (!closed) run.send(command);
    }

    public boolean isClosed() { return closed; }

    /** Stops the run loop and releases its thread. Idempotent, never blocks. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        run.send(new Command.Stop());
        executor.shutdown();
    }

    /** Waits until the run's thread has ended; true when it has. */
    public boolean awaitClosed(long timeout, TimeUnit unit) throws InterruptedException {
        if (!closed) close();
        if (executor.awaitTermination(timeout, unit)) return true;
        executor.shutdownNow();
        return executor.awaitTermination(timeout, unit);
    }
}
