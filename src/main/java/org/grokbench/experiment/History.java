package org.grokbench.experiment;

import java.util.Arrays;

/**
 * Every metric and the parameters of one trajectory, in bounded memory. Steps are kept at full
 * resolution until {@code cap} rows are stored; then the history is thinned evenly: only rows whose
 * step is a multiple of a growing stride are kept (1 → the probe cadence → twice that → ...), so the
 * kept rows stay evenly spaced, keep every geometry probe the stride lands on, and include step 0.
 * The latest step is always kept as well, whether or not the stride lands on it.
 *
 * <p>Written by the training thread only; readers get an immutable {@link HistoryView} copy.
 */
public final class History {
    private final int cap;
    private final int probeEvery;
    private final int metricCount;
    private final int paramCount;
    private long stride = 1;
    private int size;
    private long[] steps;
    private double[] metrics;   // row-major size × metricCount
    private double[] params;    // row-major size × paramCount
    private long lastStep = -1;
    private final double[] lastMetrics;
    private final double[] lastParams;

    public History(int metricCount, int paramCount, int cap, int probeEvery) {
        if (cap < 4) throw new IllegalArgumentException("history cap must be >= 4, got " + cap);
        this.cap = cap;
        this.probeEvery = Math.max(1, probeEvery);
        this.metricCount = metricCount;
        this.paramCount = paramCount;
        int initial = Math.min(cap, 1024);
        steps = new long[initial];
        metrics = new double[initial * metricCount];
        params = new double[initial * paramCount];
        lastMetrics = new double[metricCount];
        lastParams = new double[paramCount];
    }

    /** Records the state at {@code step} (steps must increase). Arrays are copied. */
    public void record(long step, double[] metricRow, double[] theta) {
        if (step <= lastStep) throw new IllegalArgumentException("steps must increase: " + step + " after " + lastStep);
        lastStep = step;
        System.arraycopy(metricRow, 0, lastMetrics, 0, metricCount);
        System.arraycopy(theta, 0, lastParams, 0, paramCount);
        if (step % stride != 0) return;
        if (size == cap) {
            thin();
            if (step % stride != 0) return;
        }
        ensureCapacity(size + 1);
        steps[size] = step;
        System.arraycopy(metricRow, 0, metrics, size * metricCount, metricCount);
        System.arraycopy(theta, 0, params, size * paramCount, paramCount);
        size++;
    }

    /** Keeps only rows whose step is a multiple of the next stride; rows stay in order. */
    private void thin() {
        long next = (stride == 1 && probeEvery > 1) ? probeEvery : stride * 2;
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (steps[i] % next != 0) continue;
            steps[kept] = steps[i];
            System.arraycopy(metrics, i * metricCount, metrics, kept * metricCount, metricCount);
            System.arraycopy(params, i * paramCount, params, kept * paramCount, paramCount);
            kept++;
        }
        size = kept;
        stride = next;
    }

    private void ensureCapacity(int n) {
        if (n <= steps.length) return;
        int len = Math.min(cap, Math.max(n, steps.length * 2));
        steps = Arrays.copyOf(steps, len);
        metrics = Arrays.copyOf(metrics, len * metricCount);
        params = Arrays.copyOf(params, len * paramCount);
    }

    /** Current thinning stride (1 while at full resolution). */
    public long stride() { return stride; }

    /** Rows held, not counting a separate latest row. */
    public int storedRows() { return size; }

    public long lastStep() { return lastStep; }

    /** An immutable copy: the stored rows plus the latest step if the stride skipped it. */
    public HistoryView view() {
        boolean extra = lastStep >= 0 && (size == 0 || steps[size - 1] != lastStep);
        int n = size + (extra ? 1 : 0);
        long[] s = Arrays.copyOf(steps, n);
        double[] m = Arrays.copyOf(metrics, n * metricCount);
        double[] p = Arrays.copyOf(params, n * paramCount);
        if (extra) {
            s[size] = lastStep;
            System.arraycopy(lastMetrics, 0, m, size * metricCount, metricCount);
            System.arraycopy(lastParams, 0, p, size * paramCount, paramCount);
        }
        return new HistoryView(s, m, p, metricCount, paramCount);
    }
}
