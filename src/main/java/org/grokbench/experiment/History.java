package org.grokbench.experiment;

/**
 * Every metric and the parameters of one trajectory, in bounded memory. Metrics keep full
 * resolution up to {@code cap} rows, then thin evenly (see {@link ThinnedSeries}); the first
 * thinning keeps exactly the geometry-probe steps, so thinned history never loses its probes.
 * Parameters are thinned the same way under their own cap, {@link #parameterCap}, so that a
 * model with tens of thousands of weights keeps a bounded number of θ rows.
 *
 * <p>Written by the training thread only; readers get an immutable {@link HistoryView}.
 */
public final class History {
    /** Doubles of θ kept per trajectory (2 M = 16 MB) before parameter rows are thinned. */
    public static final long PARAMETER_BUDGET = 2_000_000L;

    private final ThinnedSeries metrics;
    private final ThinnedSeries params;
    private final int metricCount;
    private final int paramCount;

    public History(int metricCount, int paramCount, int cap, int probeEvery) {
        if (cap < 4) throw new IllegalArgumentException("history cap must be >= 4, got " + cap);
        this.metricCount = metricCount;
        this.paramCount = paramCount;
        this.metrics = new ThinnedSeries(metricCount, cap, probeEvery);
        this.params = new ThinnedSeries(paramCount, parameterCap(paramCount, cap), probeEvery);
    }

    /** Rows of θ kept at full resolution: the metric cap, or fewer for large models (at least 64). */
    public static int parameterCap(int paramCount, int cap) {
        long byBudget = PARAMETER_BUDGET / Math.max(1, paramCount);
        return (int) Math.max(64, Math.min(cap, byBudget));
    }

    /** Records the state at {@code step} (steps must increase). Arrays are copied. */
    public void record(long step, double[] metricRow, double[] theta) {
        metrics.record(step, metricRow);
        params.record(step, theta);
    }

    /** Current thinning stride of the metrics (1 while at full resolution). */
    public long stride() { return metrics.stride(); }

    public int storedRows() { return metrics.storedRows(); }

    public long lastStep() { return metrics.lastStep(); }

    /** An immutable view: the kept rows plus the latest step. */
    public HistoryView view() {
        return new HistoryView(metrics.steps(), metrics.rows(), params.steps(), params.rows(), metricCount, paramCount);
    }
}
