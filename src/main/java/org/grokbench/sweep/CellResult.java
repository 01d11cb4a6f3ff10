package org.grokbench.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one cell of a sweep produced: its grid position (i along x, j along y; j = 0 in a 1-D
 * sweep), the parameter values there (y NaN in a 1-D sweep), how the run ended ("finished",
 * "diverged" or "failed", with the run's message), the wall time, and the named values of the
 * plan's {@link CellMeasure}s in the plan's order (NaN where undefined).
 */
public record CellResult(int i, int j, double x, double y, String status, String message, double seconds,
                         Map<String, Double> values) {
    public static final String FINISHED = "finished";
    public static final String DIVERGED = "diverged";
    public static final String FAILED = "failed";

    public CellResult {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The named value, NaN when absent or undefined. */
    public double value(String name) {
        Double v = values.get(name);
        return v == null ? Double.NaN : v;
    }

    /** A cell that could not run: every measure NaN, status failed with the reason. */
    public static CellResult failed(SweepGrid grid, int i, int j, String why, long startNanos) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String m : grid.measureKeys()) values.put(m, Double.NaN);
        return new CellResult(i, j, grid.xValue(i), grid.yValue(j), FAILED, why, secondsSince(startNanos), values);
    }

    /** Seconds since {@code startNanos} ({@link System#nanoTime}). */
    public static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** The file name stem of this cell: {@code x3_y1}. */
    public String key() {
        return key(i, j);
    }

    public static String key(int i, int j) {
        return "x" + i + "_y" + j;
    }
}
