package org.grokbench.math;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Runs a loop body over contiguous index ranges [b₀, b₁), [b₁, b₂), … either sequentially (no pool,
 * or one range) or on a {@link ForkJoinPool}: the calling thread runs the first range itself and
 * the pool the others, then it waits for them. Every range is handled by exactly one thread, so a
 * kernel that writes disjoint rows per range gives bit-for-bit the same result at any parallelism.
 *
 * <p>The bounds arrays are built once per problem size (they do not change between steps) by
 * {@link #uniformBounds} or {@link #triangularBounds}.
 */
public final class RangeParallel {
    private RangeParallel() {}

    /** A loop body over the index range [from, to). */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    /**
     * Number of ranges worth making for {@code pool}: its parallelism, or 1 without a pool.
     */
    public static int parts(ForkJoinPool pool) {
        return pool == null ? 1 : Math.max(1, pool.getParallelism());
    }

    /** Bounds splitting [from, to) into {@code parts} ranges of (nearly) equal length. */
    public static int[] uniformBounds(int from, int to, int parts) {
        int n = Math.max(0, to - from);
        int k = Math.max(1, Math.min(parts, Math.max(1, n)));
        int[] b = new int[k + 1];
        for (int t = 0; t <= k; t++) b[t] = from + (int) ((long) n * t / k);
        return b;
    }

    /**
     * Bounds splitting the rows [from, to) of an upper-triangular sweep of order {@code n} (row i costs
     * n − i) into {@code parts} ranges of (nearly) equal total cost.
     */
    public static int[] triangularBounds(int from, int to, int n, int parts) {
        int rows = Math.max(0, to - from);
        int k = Math.max(1, Math.min(parts, Math.max(1, rows)));
        int[] b = new int[k + 1];
        b[0] = from;
        b[k] = to;
        // cost of rows [from, i) = Σ_{r=from}^{i-1} (n − r)
        double total = cost(from, to, n);
        int i = from;
        for (int t = 1; t < k; t++) {
            double target = total * t / k;
            while (i < to && cost(from, i + 1, n) <= target) i++;
            b[t] = Math.max(b[t - 1], i);
        }
        return b;
    }

    private static double cost(int from, int to, int n) {
        // Σ_{r=from}^{to-1} (n − r)
        double m = to - from;
        return m * n - (from + to - 1) * m / 2.0;
    }

    /**
     * Runs {@code body} over every range of {@code bounds} (ranges [bounds[t], bounds[t+1])).
     * Sequential when {@code pool} is null or there is a single range.
     */
    public static void forRanges(ForkJoinPool pool, int[] bounds, RangeBody body) {
        int k = bounds.length - 1;
        if (k <= 0) return;
        if (pool == null || k == 1) {
            for (int t = 0; t < k; t++) if (bounds[t + 1] > bounds[t]) body.run(bounds[t], bounds[t + 1]);
            return;
        }
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[k];
        for (int t = 1; t < k; t++) {
            final int from = bounds[t], to = bounds[t + 1];
            if (to > from) tasks[t] = pool.submit(() -> body.run(from, to));
        }
        RuntimeException first = null;
        try {
            if (bounds[1] > bounds[0]) body.run(bounds[0], bounds[1]);
        } catch (RuntimeException e) {
            first = e;
        }
        for (int t = 1; t < k; t++) {
            if (tasks[t] == null) continue;
            try {
                tasks[t].join();
            } catch (RuntimeException e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }
}
