package org.grokbench.experiment;

import java.util.Arrays;

/**
 * An immutable view of a {@link History}: metric rows in step order, each with every
 * {@link Metric}, and θ rows (for small models at the same steps; for large ones at fewer steps:
 * {@link #theta(int)} then gives θ at the nearest kept step at or before the row's). Safe to hand
 * to any thread: the row arrays are never written again.
 */
public final class HistoryView {
    private final long[] steps;
    private final double[][] metrics;
    private final long[] paramSteps;
    private final double[][] params;
    private final long[] leadingSteps;
    private final double[][] leading;
    private final int metricCount;
    private final int paramCount;

    HistoryView(long[] steps, double[][] metrics, long[] paramSteps, double[][] params, int metricCount, int paramCount) {
        this(steps, metrics, paramSteps, params, paramSteps, params, metricCount, paramCount);
    }

    HistoryView(long[] steps, double[][] metrics, long[] paramSteps, double[][] params, long[] leadingSteps,
                double[][] leading, int metricCount, int paramCount) {
        this.steps = steps;
        this.metrics = metrics;
        this.paramSteps = paramSteps;
        this.params = params;
        this.leadingSteps = leadingSteps;
        this.leading = leading;
        this.metricCount = metricCount;
        this.paramCount = paramCount;
    }

    public static HistoryView empty(int paramCount) {
        return new HistoryView(new long[0], new double[0][], new long[0], new double[0][], Metric.COUNT, paramCount);
    }

    public int size() { return steps.length; }
    public int paramCount() { return paramCount; }
    public long step(int row) { return steps[row]; }
    public double metric(int row, Metric m) { return metrics[row][m.ordinal()]; }

    /** θ_j at metric row {@code row} (see the class note for large models). */
    public double param(int row, int j) { return params[paramRow(row)][j]; }

    /** θ at metric row {@code row}, as a new array. */
    public double[] theta(int row) { return params[paramRow(row)].clone(); }

    /** Number of stored θ rows (equal to {@link #size()} for small models). */
    public int parameterRows() { return params.length; }

    /** Step of stored θ row {@code i}. */
    public long parameterStep(int i) { return paramSteps[i]; }

    /** Stored θ row {@code i}, as a new array. */
    public double[] parameterRow(int i) { return params[i].clone(); }

    /**
     * Rows of θ's leading block (see {@link History}): for a model that declares one and keeps few θ
     * rows, the block at the metrics' resolution; otherwise the θ rows themselves. Readers of the
     * embeddings use these and take the first p·d entries.
     */
    public int leadingRows() { return leading.length; }

    /** Step of leading row {@code i}. */
    public long leadingStep(int i) { return leadingSteps[i]; }

    /** Leading row {@code i} (at least the declared block; a whole θ row when none is declared), as a new array. */
    public double[] leadingRow(int i) { return leading[i].clone(); }

    /** The last leading row whose step is ≤ {@code step} (row 0 when {@code step} precedes them all); -1 when there are none. */
    public int leadingRowAtOrBefore(long step) {
        if (leading.length == 0) return -1;
        return floorIndex(leadingSteps, step);
    }

    private int paramRow(int row) {
        if (paramSteps.length == steps.length) return row;
        return floorIndex(paramSteps, steps[row]);
    }

    private static int floorIndex(long[] s, long step) {
        int i = Arrays.binarySearch(s, step);
        if (i >= 0) return i;
        return Math.max(0, -i - 2);
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
        return floorIndex(steps, step);
    }

    /** First step at which {@code m} falls below {@code threshold}, or -1 if it never does. */
    public long firstStepBelow(Metric m, double threshold) {
        for (int i = 0; i < size(); i++) if (metric(i, m) < threshold) return steps[i];
        return -1;
    }

    /** The rows up to and including {@code step}: the history as it was at that step (for the timeline). */
    public HistoryView until(long step) {
        int n = steps.length == 0 || step < steps[0] ? 0 : rowAtOrBefore(step) + 1;
        int pn = paramSteps.length == 0 || step < paramSteps[0] ? 0 : floorIndex(paramSteps, step) + 1;
        return new HistoryView(Arrays.copyOf(steps, n), Arrays.copyOf(metrics, n),
                Arrays.copyOf(paramSteps, pn), Arrays.copyOf(params, pn), metricCount, paramCount);
    }
}
