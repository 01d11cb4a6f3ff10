package org.grokbench.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Executes an {@link Experiment}: all its trajectories step together on one shared timeline, on a
 * thread of the given executor (never a viewer's thread). Viewers send {@link Command}s, which the
 * loop drains between steps, and read the latest immutable {@link Snapshot}, which the loop
 * publishes at most every {@code publishIntervalNanos} whatever the step rate.
 *
 * <p>A non-finite loss or parameter stops the whole run with status {@link RunStatus#DIVERGED}
 * and a message naming the trajectory and step; every history is kept.
 */
public final class Run {
    /** ~30 snapshots per second: enough for smooth curves, cheap for the training thread. */
    public static final long DEFAULT_PUBLISH_INTERVAL_NANOS = 33_000_000L;

    private final Experiment experiment;
    private final List<Trajectory> trajectories = new ArrayList<>();
    private final LinkedBlockingQueue<Command> commands = new LinkedBlockingQueue<>();
    private final AtomicReference<Snapshot> latest = new AtomicReference<>();
    private final long publishIntervalNanos;
    private volatile RunStatus status = RunStatus.READY;
    private String message = "";
    private long version;
    private boolean paused;
    private int pendingSteps;
    private double targetRate;
    private long lastPublishNanos;
    private long stepsSincePublish;
    private double stepsPerSecond;

    public Run(Experiment experiment) {
        this(experiment, DEFAULT_PUBLISH_INTERVAL_NANOS);
    }

    public Run(Experiment experiment, long publishIntervalNanos) {
        this.experiment = experiment;
        this.publishIntervalNanos = publishIntervalNanos;
        for (RunSpec r : experiment.spec().runs()) {
            ProbeSpec probes = experiment.spec().probes();
            trajectories.add(new Trajectory(r, experiment.newLearner(r), probes,
                    probes.curvatureEvery() > 0 ? experiment.newLossSurface() : null));
        }
        latest.set(buildSnapshot());
    }

    public Experiment experiment() { return experiment; }

    /** The latest published snapshot; never null. */
    public Snapshot latest() { return latest.get(); }

    public RunStatus status() { return status; }

    /** Queues a command for the run loop; safe from any thread. */
    public void send(Command command) {
        commands.add(command);
    }

    /**
     * Starts the loop on {@code executor}. With {@code startPaused} the run waits for
     * {@link Command.Resume} or {@link Command.Step}.
     */
    public void start(ExecutorService executor, boolean startPaused) {
        synchronized (this) {
            if (status != RunStatus.READY) throw new IllegalStateException("run already started");
            paused = startPaused;
            status = paused ? RunStatus.PAUSED : RunStatus.RUNNING;
            // Viewers see the new status at once, not after the loop's first publication.
            latest.set(buildSnapshot());
        }
        executor.execute(this::loop);
    }

    /** Runs to the end on the calling thread (CLI, tests). Returns the final snapshot. */
    public Snapshot runBlocking() {
        synchronized (this) {
            if (status != RunStatus.READY) throw new IllegalStateException("run already started");
            status = RunStatus.RUNNING;
        }
        loop();
        return latest();
    }

    /** Waits until the run is terminal or the timeout passes; returns whether it is terminal. */
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!status.isTerminal()) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(2);
        }
        return true;
    }

    private void loop() {
        lastPublishNanos = System.nanoTime();
        latest.set(buildSnapshot());
        try {
            while (true) {
                drainCommands();
                if (status == RunStatus.STOPPED || Thread.currentThread().isInterrupted()) {
                    finish(RunStatus.STOPPED, "stopped at step " + currentStep());
                    return;
                }
                if (paused && pendingSteps == 0) {
                    if (status != RunStatus.PAUSED) {
                        setStatus(RunStatus.PAUSED);
                        publish();
                    }
                    Command c = commands.poll(20, TimeUnit.MILLISECONDS);
                    if (c != null) apply(c);
                    continue;
                }
                setStatus(RunStatus.RUNNING);
                String divergence = stepAll();
                if (divergence != null) {
                    finish(RunStatus.DIVERGED, divergence);
                    return;
                }
                if (allDone()) {
                    finish(RunStatus.FINISHED, "finished at step " + currentStep());
                    return;
                }
                if (pendingSteps > 0 && --pendingSteps == 0) paused = true;
                throttle();
                publishIfDue();
            }
        } catch (InterruptedException e) {
            finish(RunStatus.STOPPED, "stopped at step " + currentStep());
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            finish(RunStatus.FAILED, "the engine failed at step " + currentStep() + ": " + e);
        }
    }

    private String stepAll() {
        for (Trajectory t : trajectories) {
            String m = t.advance();
            if (m != null) return m;
        }
        stepsSincePublish++;
        return null;
    }

    private boolean allDone() {
        for (Trajectory t : trajectories) if (!t.done()) return false;
        return true;
    }

    private long currentStep() {
        long s = 0;
        for (Trajectory t : trajectories) s = Math.max(s, t.step());
        return s;
    }

    private void drainCommands() {
        Command c;
        while ((c = commands.poll()) != null) apply(c);
    }

    private void apply(Command c) {
        if (c instanceof Command.Pause) {
            paused = true;
            pendingSteps = 0;
        } else if (c instanceof Command.Resume) {
            paused = false;
            pendingSteps = 0;
        } else if (c instanceof Command.Step s) {
            paused = true;
            pendingSteps += Math.max(1, s.steps());
        } else if (c instanceof Command.Stop) {
            setStatus(RunStatus.STOPPED);
        } else if (c instanceof Command.SetLearningRate s) {
            forEach(s.run(), t -> t.setLearningRate(s.value()));
        } else if (c instanceof Command.SetWeightDecay s) {
            forEach(s.run(), t -> t.setWeightDecay(s.value()));
        } else if (c instanceof Command.SetDecoderLearningRate s) {
            forEach(s.run(), t -> t.setDecoderLearningRate(s.value()));
        } else if (c instanceof Command.SetDecoderWeightDecay s) {
            forEach(s.run(), t -> t.setDecoderWeightDecay(s.value()));
        } else if (c instanceof Command.SetSpeed s) {
            targetRate = s.stepsPerSecond();
        }
        // A command changes what viewers should see (paused, new λ): show it without waiting.
        publish();
    }

    private void forEach(int index, Consumer<Trajectory> action) {
        if (index == Command.ALL) trajectories.forEach(action);
        else if (index >= 0 && index < trajectories.size()) action.accept(trajectories.get(index));
    }

    /** Sleeps just enough to hold the requested step rate. */
    private void throttle() {
        if (targetRate <= 0) return;
        long perStep = (long) (1e9 / targetRate);
        long due = lastPublishNanos + stepsSincePublish * perStep;
        long wait = due - System.nanoTime();
        if (wait > 0) LockSupport.parkNanos(Math.min(wait, 100_000_000L));
    }

    /** Status changes made by the loop; a stop request is final. */
    private synchronized void setStatus(RunStatus s) {
        if (status != RunStatus.STOPPED) status = s;
    }

    private void publishIfDue() {
        if (System.nanoTime() - lastPublishNanos >= publishIntervalNanos) publish();
    }

    private void publish() {
        long now = System.nanoTime();
        long elapsed = now - lastPublishNanos;
        if (elapsed > 0) stepsPerSecond = stepsSincePublish * 1e9 / elapsed;
        stepsSincePublish = 0;
        lastPublishNanos = now;
        latest.set(buildSnapshot());
    }

    private void finish(RunStatus s, String why) {
        synchronized (this) {
            status = s;
            message = why;
        }
        latest.set(buildSnapshot());
    }

    private Snapshot buildSnapshot() {
        List<TrajectorySnapshot> ts = new ArrayList<>(trajectories.size());
        for (Trajectory t : trajectories) ts.add(t.snapshot());
        return new Snapshot(++version, status, message, stepsPerSecond, ts);
    }
}
