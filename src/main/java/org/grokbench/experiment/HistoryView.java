package org.grokbench.experiment;

import java.util.Arrays;

/**
 * An immutable copy of a {@link History}: rows in step order, each with every {@link Metric} and
 * the parameters θ at that step. Safe to hand to any thread.
 */
public final class HistoryView {
    private final long[] steps;
    private final double[] metrics;
    private final double[] params;
    private final int metricCount;
    private final int paramCount;

    HistoryView(long[] steps, double[] metrics, double[] params, int metricCount, int paramCount) {
        this.steps = steps;
        this.metrics = metrics;
        this.params = params;
        this.metricCount = metricCount;
        this.paramCount = paramCount;
    }

    public static HistoryView empty(int paramCount) {
        return new HistoryView(new long[0], new double[0], new double[0], Metric.COUNT, paramCount);
    }

    public int size() { return steps.length; }
    public int paramCount() { return paramCount; }
    public long step(int row) { return steps[row]; }
    public double metric(int row, Metric m) { return metrics[row * metricCount + m.ordinal()]; }
    public double param(int row, int j) { return params[row * paramCount + j]; }

    /** θ at a row, as a new array. */
    public double[] theta(int row) {
        return Arrays.copyOfRange(params, row * paramCount, (row + 1) * paramCount);
    }

    /** A metric over all rows, as a new array. */
    public double[] column(Metric m) {
        double[] c = new double[size()];
        for (int i = 0; i < c.length; i++) c[i] = metric(i, m);
        return c;
    }

    /** The steps of all rows, as a new array. */
    public long[] steps() { return steps.clone(); }

    /** The last row whose step is ≤ {@code step} (0 when {@code step} precedes every row); -1 when empty. */
    public int rowAtOrBefore(long step) {
        if (steps.length == 0) return -1;
        int i = Arrays.binarySearch(steps, step);
        if (i >= 0) return i;
        int insertion = -i - 1;
        return Math.max(0, insertion - 1);
    }

    /** First step at which {@code m} falls below {@code threshold}, or -1 if it never does. */
    public long firstStepBelow(Metric m, double threshold) {
        for (int i = 0; i < size(); i++) if (metric(i, m) < threshold) return steps[i];
        return -1;
    }

    /** The rows up to and including {@code step}: the history as it was at that step (for the timeline). */
    public HistoryView until(long step) {
        int n = steps.length == 0 || step < steps[0] ? 0 : rowAtOrBefore(step) + 1;
        return new HistoryView(Arrays.copyOf(steps, n), Arrays.copyOf(metrics, n * metricCount),
                Arrays.copyOf(params, n * paramCount), metricCount, paramCount);
    }
}
