package org.grokbench.plot;

import java.util.Arrays;

/**
 * Thins long series for display only: the arrays passed in are never modified, and the result is
 * always a new pair of arrays. Stored data (histories, CSV files) are never downsampled.
 */
public final class Downsampler {
    private Downsampler() {}

    /** A series of points, x[i] paired with y[i]. */
    public record Points(double[] x, double[] y) {
        public Points {
            if (x.length != y.length) throw new IllegalArgumentException("x and y differ in length");
        }

        public int size() { return x.length; }
    }

    /**
     * The points whose x and y are both usable on the given axes: finite, and positive on a log
     * axis. (NaN marks steps where a probe did not run; zero or negative values have no place on
     * a log axis.)
     */
    public static Points usable(double[] x, double[] y, boolean logX, boolean logY) {
        int n = Math.min(x.length, y.length);
        double[] ox = new double[n];
        double[] oy = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            double a = x[i], b = y[i];
            if (!Double.isFinite(a) || !Double.isFinite(b)) continue;
            if (logX && a <= 0) continue;
            if (logY && b <= 0) continue;
            ox[k] = a;
            oy[k] = b;
            k++;
        }
        return new Points(Arrays.copyOf(ox, k), Arrays.copyOf(oy, k));
    }

    /**
     * Min/max bucketing for a series whose x does not decrease (steps): the x range is cut into
     * {@code buckets} equal columns (equal in log x when {@code logX}), and each column keeps its
     * first, lowest, highest and last point, in their original order. The result has at most
     * 4·buckets points, keeps the first and last point and the global minimum and maximum of y,
     * and draws the same envelope as the full series at a width of about {@code buckets} pixels.
     * Series already short enough are copied unchanged.
     *
     * @param logX bucket in log10(x); then every x must be positive
     */
    public static Points minMax(double[] x, double[] y, int buckets, boolean logX) {
        if (buckets < 1) throw new IllegalArgumentException("buckets must be >= 1, got " + buckets);
        int n = x.length;
        if (y.length != n) throw new IllegalArgumentException("x and y differ in length");
        if (n <= 4L * buckets) return new Points(x.clone(), y.clone());
        double lo = t(x[0], logX), hi = t(x[n - 1], logX);
        double width = hi - lo;
        double[] ox = new double[4 * buckets + 2];
        double[] oy = new double[ox.length];
        int k = 0;
        int start = 0;
        while (start < n) {
            int bucket = bucketOf(t(x[start], logX), lo, width, buckets);
            int end = start + 1;
            while (end < n && bucketOf(t(x[end], logX), lo, width, buckets) == bucket) end++;
            // keep first, min, max, last of [start, end) in index order
            int iMin = start, iMax = start;
            for (int i = start + 1; i < end; i++) {
                if (y[i] < y[iMin]) iMin = i;
                if (y[i] > y[iMax]) iMax = i;
            }
            int[] keep = {start, Math.min(iMin, iMax), Math.max(iMin, iMax), end - 1};
            int last = -1;
            for (int i : keep) {
                if (i == last) continue;
                if (k == ox.length) {
                    ox = Arrays.copyOf(ox, ox.length * 2);
                    oy = Arrays.copyOf(oy, oy.length * 2);
                }
                ox[k] = x[i];
                oy[k] = y[i];
                k++;
                last = i;
            }
            start = end;
        }
        return new Points(Arrays.copyOf(ox, k), Arrays.copyOf(oy, k));
    }

    /**
     * Thins a path in the plane (a trajectory in parameter space), where x is not monotone: keeps
     * a point only when it is at least {@code minDistance} away from the last kept point; the first
     * and last points are always kept. Sharp early turns survive, slow crawls along Z are thinned.
     */
    public static Points path(double[] x, double[] y, double minDistance) {
        int n = x.length;
        if (y.length != n) throw new IllegalArgumentException("x and y differ in length");
        if (n <= 2) return new Points(x.clone(), y.clone());
        double[] ox = new double[n];
        double[] oy = new double[n];
        int k = 0;
        ox[k] = x[0];
        oy[k] = y[0];
        k++;
        double min2 = minDistance * minDistance;
        for (int i = 1; i < n - 1; i++) {
            double dx = x[i] - ox[k - 1], dy = y[i] - oy[k - 1];
            if (dx * dx + dy * dy >= min2) {
                ox[k] = x[i];
                oy[k] = y[i];
                k++;
            }
        }
        ox[k] = x[n - 1];
        oy[k] = y[n - 1];
        k++;
        return new Points(Arrays.copyOf(ox, k), Arrays.copyOf(oy, k));
    }

    private static double t(double v, boolean log) { return log ? Math.log10(v) : v; }

    private static int bucketOf(double tv, double lo, double width, int buckets) {
        if (!(width > 0)) return 0;
        int b = (int) ((tv - lo) / width * buckets);
        return Math.min(buckets - 1, Math.max(0, b));
    }
}
