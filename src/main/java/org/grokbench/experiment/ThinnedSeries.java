package org.grokbench.experiment;

import java.util.Arrays;

/**
 * Rows of a fixed width recorded at increasing steps, in bounded memory: full resolution until
 * {@code cap} rows are held, then thinned evenly by keeping only rows whose step is a multiple of
 * a growing stride (1 → {@code firstStride} → twice that → ...). The first {@link #head} steps
 * (an eighth of the cap) are never thinned, so the memorization phase — often only tens of steps
 * long — keeps full resolution in a run of a million steps. Step 0 is always kept and the latest
 * row is remembered even when the stride skips it.
 *
 * <p>Each kept row is its own array, never written again, so {@link #rows()} can hand out the
 * references without copying the numbers (a parameter row of a large model is tens of kilobytes).
 */
final class ThinnedSeries {
    private final int width;
    private final int cap;
    private final int firstStride;
    /** Steps below this are kept at full resolution whatever the stride. */
    private final long head;
    private long stride = 1;
    private int size;
    private long[] steps;
    private double[][] rows;
    private long lastStep = -1;
    private double[] last;
    private boolean lastShared;

    ThinnedSeries(int width, int cap, int firstStride) {
        if (cap < 2) throw new IllegalArgumentException("cap must be >= 2, got " + cap);
        this.width = width;
        this.cap = cap;
        this.firstStride = Math.max(1, firstStride);
        this.head = cap / 8;
        int initial = Math.min(cap, 1024);
        steps = new long[initial];
        rows = new double[initial][];
        last = new double[width];
    }

    void record(long step, double[] row) {
        if (step <= lastStep) throw new IllegalArgumentException("steps must increase: " + step + " after " + lastStep);
        lastStep = step;
        if (lastShared) {
            last = new double[width];
            lastShared = false;
        }
        System.arraycopy(row, 0, last, 0, width);
        if (!keeps(step, stride)) return;
        if (size == cap) {
            thin();
            if (!keeps(step, stride)) return;
        }
        if (size == steps.length) {
            int len = Math.min(cap, steps.length * 2);
            steps = Arrays.copyOf(steps, len);
            rows = Arrays.copyOf(rows, len);
        }
        steps[size] = step;
        rows[size] = last;
        lastShared = true;
        size++;
    }

    private void thin() {
        long next = (stride == 1 && firstStride > 1) ? firstStride : stride * 2;
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (!keeps(steps[i], next)) continue;
            steps[kept] = steps[i];
            rows[kept] = rows[i];
            kept++;
        }
        Arrays.fill(rows, kept, size, null);
        size = kept;
        stride = next;
    }

    private boolean keeps(long step, long withStride) {
        return step < head || step % withStride == 0;
    }

    long stride() { return stride; }
    int storedRows() { return size; }
    long lastStep() { return lastStep; }

    private boolean lastIsExtra() {
        return lastStep >= 0 && (size == 0 || steps[size - 1] != lastStep);
    }

    /** Steps of the kept rows plus the latest step if the stride skipped it (new array). */
    long[] steps() {
        long[] s = Arrays.copyOf(steps, size + (lastIsExtra() ? 1 : 0));
        if (lastIsExtra()) s[size] = lastStep;
        return s;
    }

    /** The rows matching {@link #steps()}: shared, read-only references (new outer array). */
    double[][] rows() {
        double[][] r = Arrays.copyOf(rows, size + (lastIsExtra() ? 1 : 0));
        if (lastIsExtra()) {
            r[size] = last;
            lastShared = true;
        }
        return r;
    }
}
