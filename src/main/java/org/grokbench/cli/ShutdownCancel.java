package org.grokbench.cli;

import org.grokbench.sweep.SweepRunner;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (or SIGTERM) during a grid command: a shutdown hook cancels the runner and then waits (up
 * to a minute) until the command has written its outputs for the cells that finished, so an
 * interrupted sweep or phase diagram keeps its CSV and figure. {@link #close()} marks the outputs
 * written, closes the runner and removes the hook.
 */
final class ShutdownCancel implements AutoCloseable {
    private final SweepRunner runner;
    private final CountDownLatch written = new CountDownLatch(1);
    private final Thread hook;

    ShutdownCancel(SweepRunner runner, String threadName) {
        this.runner = runner;
        this.hook = new Thread(() -> {
            runner.cancel();
            try {
                written.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, threadName);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        written.countDown();
        runner.close();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running (Ctrl-C): it is waiting for the outputs written before this
        }
    }
}
