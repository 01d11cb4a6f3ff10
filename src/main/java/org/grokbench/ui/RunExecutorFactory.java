package org.grokbench.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the window's training loops run. The window never trains on the FX thread: every
 * {@link RunSession} asks this factory for its own executor and shuts it down when the session
 * closes. Tests swap in their own factory to count or name the threads they get.
 */
@FunctionalInterface
public interface RunExecutorFactory {
    /** Prefix of every worker thread the default factory makes; the leak test looks for it. */
    String THREAD_PREFIX = "grokbench-run-";

    /** A new single-purpose executor for the run named {@code runName}. */
    ExecutorService create(String runName);

    /** One daemon thread per run, named {@code grokbench-run-<name>-<n>}, below normal priority. */
    static RunExecutorFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runName -> Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, THREAD_PREFIX + runName + "-" + counter.incrementAndGet());
            t.setDaemon(true);
            // The FX thread must win every contest for a core: training yields to drawing.
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
    }
}
