package org.grokbench.landscape;

import org.grokbench.experiment.HistoryView;

import java.util.Arrays;

/**
 * The θ rows of one trajectory that a slice is taken from: θ_0 … θ_T at increasing steps, the last
 * one being θ* (the final point). The window builds it from a {@link HistoryView} (whose rows are
 * thinned for large models: consecutive rows may be hundreds of steps apart), the CLI from a
 * headless run that keeps the rows it needs. Rows are shared, never written.
 */
public final class RecordedPath {
    private final long[] steps;
    private final double[][] rows;

    /** @param steps increasing; @param rows θ at those steps, equal lengths (neither is copied: do not modify) */
    public RecordedPath(long[] steps, double[][] rows) {
        if (steps.length != rows.length) throw new IllegalArgumentException(steps.length + " steps for " + rows.length + " rows");
        if (rows.length == 0) throw new IllegalArgumentException("a path needs at least one θ row");
        for (int i = 1; i < steps.length; i++) {
            if (steps[i] <= steps[i - 1]) throw new IllegalArgumentException("steps must increase: " + steps[i] + " after " + steps[i - 1]);
            if (rows[i].length != rows[0].length) throw new IllegalArgumentException("row " + i + " has another length");
        }
        this.steps = steps;
        this.rows = rows;
    }

    /** The stored θ rows of a history (with the latest one as θ*). */
    public static RecordedPath of(HistoryView h) {
        int n = h.parameterRows();
        long[] s = new long[n];
        double[][] r = new double[n][];
        for (int i = 0; i < n; i++) {
            s[i] = h.parameterStep(i);
            r[i] = h.parameterRow(i);
        }
        return new RecordedPath(s, r);
    }

    public int size() { return rows.length; }
    public int dimension() { return rows[0].length; }
    public long step(int i) { return steps[i]; }

    /** θ at row i (shared: do not modify). */
    public double[] row(int i) { return rows[i]; }

    /** All rows (shared). */
    double[][] rows() { return rows; }

    /** θ*, the last row (shared). */
    public double[] last() { return rows[rows.length - 1]; }

    /** The last row whose step is ≤ {@code step} (0 when it precedes every row). */
    public int rowAtOrBefore(long step) {
        int i = Arrays.binarySearch(steps, step);
        return i >= 0 ? i : Math.max(0, -i - 2);
    }

    /**
     * Up to {@code count} rows spread evenly over the steps (the row at or before each of
     * {@code count} evenly spaced steps from the first to the last, without repeats), in order.
     */
    public int[] evenlySpacedRows(int count) {
        int k = Math.max(1, count);
        int[] picked = new int[k];
        int n = 0;
        for (int j = 0; j < k; j++) {
            long target = k == 1 ? steps[steps.length - 1]
                    : steps[0] + Math.round((double) (steps[steps.length - 1] - steps[0]) * j / (k - 1));
            int r = rowAtOrBefore(target);
            if (n == 0 || picked[n - 1] != r) picked[n++] = r;
        }
        return Arrays.copyOf(picked, n);
    }
}
