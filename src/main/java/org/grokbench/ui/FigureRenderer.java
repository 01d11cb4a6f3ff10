package org.grokbench.ui;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Builds and draws the window's charts off the FX thread. A JFreeChart figure costs tens of
 * milliseconds to draw (more on a busy machine); drawing three of them on the FX thread for every
 * snapshot stalls the pulse. Here each chart panel hands over a job (how to build its chart and
 * at what pixel size); one worker builds the chart with the plot builder and draws it into an
 * image with Java2D, the same drawing the PNG export writes; the panel picks the result up on its
 * next pulse and shows the image. Jobs of one panel coalesce: only the newest waits, so a slow
 * machine draws fewer frames instead of falling behind.
 *
 * <p>A chart built here is never touched by the worker after it is delivered: the FX thread
 * owns it from then on (it becomes the interactive {@code ChartViewer}'s chart).
 */
final class FigureRenderer implements AutoCloseable {
    /** Prefix of the worker thread's name (the thread-leak test looks for "grokbench"). */
    static final String THREAD_PREFIX = "grokbench-figures-";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    /**
     * What to draw: the chart to build (on the worker; the supplier must only read immutable
     * data), the image size in device pixels, and where the result goes (called on the worker).
     */
    record Job(Supplier<JFreeChart> chart, int width, int height, double pixelScale, long sequence,
               Consumer<Result> delivery, long queuedAt) {
        Job queuedSince(long t) {
            return new Job(chart, width, height, pixelScale, sequence, delivery, t);
        }
    }

    /**
     * A drawn chart: the chart object and its pixels (ARGB premultiplied, row-major); both null
     * when building or drawing failed (the panel keeps its last picture). {@code nanos}: how long
     * building and drawing took on the worker.
     */
    record Result(JFreeChart chart, int[] argb, int width, int height, double pixelScale, long sequence, long nanos,
                  ChartRenderingInfo info) {}

    private final ExecutorService worker;
    private final Map<Object, Job> waiting = new ConcurrentHashMap<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean closed;

    FigureRenderer() {
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, THREAD_PREFIX + COUNTER.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
    }

    /**
     * Queues a job for {@code owner}, replacing any of its jobs not yet started (the replacement
     * keeps the older queueing time, so owners that resubmit often cannot starve the others).
     * Any thread.
     */
    void submit(Object owner, Job job) {
        if (closed) return;
        waiting.merge(owner, job.queuedSince(System.nanoTime()), (old, neu) -> neu.queuedSince(old.queuedAt()));
        if (scheduled.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                scheduled.set(false);
            }
        }
    }

    private void drain() {
        while (!closed) {
            Map.Entry<Object, Job> next = null;
            for (Map.Entry<Object, Job> e : waiting.entrySet())
                if (next == null || e.getValue().queuedAt() < next.getValue().queuedAt()) next = e;
            if (next == null) {
                scheduled.set(false);
                // a job may have arrived between the check and the flag
                if (waiting.isEmpty() || !scheduled.compareAndSet(false, true)) return;
                continue;
            }
            if (!waiting.remove(next.getKey(), next.getValue())) continue;
            Job job = next.getValue();
            Result result;
            long t0 = System.nanoTime();
            try {
                result = draw(job);
            } catch (RuntimeException | LinkageError e) {
                System.err.println("grokbench: a figure failed to draw: " + e);
                result = new Result(null, null, job.width(), job.height(), job.pixelScale(), job.sequence(),
                        System.nanoTime() - t0, null);
            }
            job.delivery().accept(result);
        }
    }

    /**
     * Builds the chart and draws it at the job's size (pixel scale applied, like a HiDPI screen),
     * recording where its plots went (in unscaled pixels; no per-item entities) so that a view can
     * tell which cell a click hit.
     */
    static Result draw(Job job) {
        long t0 = System.nanoTime();
        JFreeChart chart = job.chart().get();
        BufferedImage img = new BufferedImage(job.width(), job.height(), BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo(null);
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(job.pixelScale(), job.pixelScale());
            chart.draw(g, new Rectangle2D.Double(0, 0, job.width() / job.pixelScale(), job.height() / job.pixelScale()), null, info);
        } finally {
            g.dispose();
        }
        int[] argb = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        return new Result(chart, argb, job.width(), job.height(), job.pixelScale(), job.sequence(), System.nanoTime() - t0,
                info);
    }

    /** Stops the worker; jobs not started are dropped. Never blocks. */
    @Override
    public void close() {
        closed = true;
        waiting.clear();
        worker.shutdownNow();
    }

    boolean awaitClosed(long timeout, TimeUnit unit) throws InterruptedException {
        return worker.awaitTermination(timeout, unit);
    }
}
