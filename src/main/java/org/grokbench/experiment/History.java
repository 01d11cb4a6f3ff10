package org.grokbench.experiment;

/**
 * Every metric and the parameters of one trajectory, in bounded memory. Metrics keep full
 * resolution up to {@code cap} rows, then thin evenly (see {@link ThinnedSeries}); the first
 * thinning keeps exactly the geometry-probe steps, so thinned history never loses its probes.
 * Parameters are thinned the same way under their own cap, {@link #parameterCap}, so that a
 * model with tens of thousands of weights keeps a bounded number of θ rows. A model may declare a
 * short leading block of θ (the representation toy's embeddings, a few dozen numbers ahead of a
 * 46 000-weight decoder): that block is then also kept at the metrics' resolution, so scrubbing the
 * timeline shows the embeddings at the step asked for rather than at the nearest of 64 θ rows.
 *
 * <p>Written by the training thread only; readers get an immutable {@link HistoryView}.
 */
public final class History {
    /** Doubles of θ kept per trajectory (2 M = 16 MB) before parameter rows are thinned. */
    public static final long PARAMETER_BUDGET = 2_000_000L;

    private final ThinnedSeries metrics;
    private final ThinnedSeries params;
    /** θ's leading block at the metrics' resolution; null when the θ rows already have it or no block is declared. */
    private final ThinnedSeries leading;
    private final int metricCount;
    private final int paramCount;

    public History(int metricCount, int paramCount, int cap, int probeEvery) {
        this(metricCount, paramCount, cap, probeEvery, 0);
    }

    /** @param leadingLength length of θ's leading block to keep at full resolution (0: none) */
    public History(int metricCount, int paramCount, int cap, int probeEvery, int leadingLength) {
        if (cap < 4) throw new IllegalArgumentException("history cap must be >= 4, got " + cap);
        if (leadingLength < 0 || leadingLength > paramCount)
            throw new IllegalArgumentException("leading block must be 0.." + paramCount + " long, got " + leadingLength);
        this.metricCount = metricCount;
        this.paramCount = paramCount;
        this.metrics = new ThinnedSeries(metricCount, cap, probeEvery);
        int paramCap = parameterCap(paramCount, cap);
        this.params = new ThinnedSeries(paramCount, paramCap, probeEvery);
        this.leading = leadingLength > 0 && paramCap < cap ? new ThinnedSeries(leadingLength, cap, probeEvery) : null;
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
        if (leading != null) leading.record(step, theta);
    }

    /** Current thinning stride of the metrics (1 while at full resolution). */
    public long stride() { return metrics.stride(); }

    public int storedRows() { return metrics.storedRows(); }

    public long lastStep() { return metrics.lastStep(); }

    /** An immutable view: the kept rows plus the latest step. */
    public HistoryView view() {
        long[] paramSteps = params.steps();
        double[][] paramRows = params.rows();
        return leading == null
                ? new HistoryView(metrics.steps(), metrics.rows(), paramSteps, paramRows, paramSteps, paramRows, metricCount, paramCount)
                : new HistoryView(metrics.steps(), metrics.rows(), paramSteps, paramRows, leading.steps(), leading.rows(),
                        metricCount, paramCount);
    }
}
