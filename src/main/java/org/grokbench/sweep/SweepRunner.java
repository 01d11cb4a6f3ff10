package org.grokbench.sweep;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Trains the cells of a {@link SweepGrid} on a fixed pool of threads (all cores by default), each
 * cell as the grid says ({@link SweepPlan}: one headless run like the CLI's {@code run}). Finished cells are reported to the
 * {@link Listener} (on the runner's threads) and, with a {@link SweepStore}, written to disk at
 * once, so that a cancelled or killed sweep resumes where it stopped: cells already in the store
 * are reported first and not trained again.
 *
 * <p>{@link #cancel()} stops the running cells between two steps (their partial runs are dropped,
 * never stored) and starts no new ones. {@link #close()} cancels and releases the threads.
 */
public final class SweepRunner implements AutoCloseable {
    /** Told about every cell as it finishes; called on runner threads, one call at a time. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param resumed  true when the cell was read from the store, not trained now
         * @param finished cells done so far, this one included
         */
        void cellFinished(CellResult cell, boolean resumed, int finished, int total);

        /**
         * Cell (i, j) starts training now (not called for resumed cells). Called on the runner
         * thread that trains it, possibly at the same time as other calls: a live grid shows the
         * cell as running until {@link #cellFinished} (or the end of a cancelled sweep).
         */
        default void cellStarted(int i, int j) {}
    }

    /** How a sweep ended. */
    public record Outcome(int finished, int total, boolean cancelled, double seconds) {
        public boolean complete() { return finished == total; }
    }

    private final SweepGrid plan;
    private final SweepStore store;
    private final int threads;
    private final Listener listener;
    private final Map<String, CellResult> results = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Set<Runnable> active = ConcurrentHashMap.newKeySet();
    private final AtomicInteger finished = new AtomicInteger();
    private volatile boolean cancelled;
    private volatile IOException storeFailure;
    private ExecutorService pool;
    private CountDownLatch pending;
    private long startNanos;

    /**
     * @param store   where cells are kept and resumed from; null keeps them in memory only
     * @param threads cells trained at once, at least 1
     */
    public SweepRunner(SweepGrid plan, SweepStore store, int threads, Listener listener) {
        if (threads < 1) throw new SweepException("threads must be at least 1, got " + threads);
        this.plan = plan;
        this.store = store;
        this.threads = threads;
        this.listener = listener != null ? listener : (c, r, f, t) -> { };
    }

    /** All cores of this machine. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    public SweepGrid plan() { return plan; }

    /**
     * Reads the store (reporting its cells as resumed) and queues the remaining cells; returns at
     * once. Call once.
     *
     * @throws SweepException when the store holds a different sweep
     */
    public synchronized void start() {
        if (pool != null) throw new IllegalStateException("sweep already started");
        startNanos = System.nanoTime();
        Map<String, CellResult> stored = store == null ? Map.of() : store.open(plan);
        List<int[]> todo = new ArrayList<>();
        for (int j = 0; j < plan.rows(); j++)
            for (int i = 0; i < plan.columns(); i++) {
                CellResult r = stored.get(CellResult.key(i, j));
                if (r != null) report(r, true);
                else todo.add(new int[] {i, j});
            }
        pending = new CountDownLatch(todo.size());
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "grokbench-sweep-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (int[] c : todo) pool.execute(() -> {
            try {
                if (!cancelled) {
                    listener.cellStarted(c[0], c[1]);
                    CellResult r = runCell(c[0], c[1]);
                    if (r != null && !cancelled) keep(r);
                }
            } finally {
                pending.countDown();
            }
        });
        pool.shutdown();
    }

    /** Trains one cell; null when it was cancelled before it finished. */
    CellResult runCell(int i, int j) {
        return plan.train(i, j, cancellation);
    }

    private final SweepGrid.Cancellation cancellation = new SweepGrid.Cancellation() {
        @Override
        public boolean requested() { return cancelled; }

        @Override
        public AutoCloseable onCancel(Runnable stop) {
            active.add(stop);
            if (cancelled) stop.run();
            return () -> active.remove(stop);
        }
    };

    private void keep(CellResult r) {
        if (store != null) {
            try {
                store.save(r);
            } catch (IOException e) {
                storeFailure = e;
            }
        }
        report(r, false);
    }

    private synchronized void report(CellResult r, boolean resumed) {
        results.put(r.key(), r);
        listener.cellFinished(r, resumed, finished.incrementAndGet(), plan.cellCount());
    }

    /** Stops the running cells between two steps and starts no new ones; finished cells are kept. */
    public void cancel() {
        cancelled = true;
        for (Runnable r : active) r.run();
    }

    public boolean cancelled() { return cancelled; }

    /** Waits until every queued cell has finished or been cancelled. */
    public Outcome await() throws InterruptedException {
        CountDownLatch latch;
        synchronized (this) {
            if (pool == null) throw new IllegalStateException("sweep not started");
            latch = pending;
        }
        latch.await();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        if (storeFailure != null)
            throw new UncheckedIOException("cannot write a cell to " + store.dir() + ": " + storeFailure.getMessage(), storeFailure);
        return new Outcome(finished.get(), plan.cellCount(), cancelled && finished.get() < plan.cellCount(), CellResult.secondsSince(startNanos));
    }

    /** The cells finished so far (resumed and new), in no particular order. */
    public List<CellResult> results() {
        synchronized (results) {
            return List.copyOf(results.values());
        }
    }

    /** Cancels and releases the threads; does not wait for the running cells to stop. */
    @Override
    public void close() {
        cancel();
        ExecutorService p;
        synchronized (this) {
            p = pool;
        }
        if (p != null) p.shutdown();
    }
}
