package org.grokbench.math;

import java.util.Arrays;

/**
 * Spearman's rank correlation ρ: the Pearson correlation of the ranks of two samples, tied values
 * given the mean of the ranks they span. It asks whether one quantity rises with another, whatever
 * the shape of the relation — the question of predicting-grokking Fig. 2 ("does the early spectral
 * energy order the runs as their final validation accuracy does?"), where neither quantity is
 * linear in the other.
 */
public final class RankCorrelation {
    private RankCorrelation() {}

    /**
     * ρ over the pairs (a[k], b[k]) where both are finite; NaN when fewer than two such pairs
     * remain or either side is constant over them. Neither array is modified.
     */
    public static double spearman(double[] a, double[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("samples differ in length: " + a.length + " vs " + b.length);
        int n = 0;
        double[] x = new double[a.length], y = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            if (Double.isFinite(a[k]) && Double.isFinite(b[k])) {
                x[n] = a[k];
                y[n] = b[k];
                n++;
            }
        }
        if (n < 2) return Double.NaN;
        return pearson(ranks(Arrays.copyOf(x, n)), ranks(Arrays.copyOf(y, n)));
    }

    /** Number of pairs {@link #spearman} uses: both values finite. */
    public static int pairs(double[] a, double[] b) {
        int n = 0;
        for (int k = 0; k < Math.min(a.length, b.length); k++) if (Double.isFinite(a[k]) && Double.isFinite(b[k])) n++;
        return n;
    }

    /** Ranks 1..n of the values, ties averaged (the "fractional" ranking). */
    public static double[] ranks(double[] v) {
        int n = v.length;
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) order[k] = k;
        Arrays.sort(order, (p, q) -> Double.compare(v[p], v[q]));
        double[] r = new double[n];
        int start = 0;
        while (start < n) {
            int end = start;
            while (end + 1 < n && v[order[end + 1]] == v[order[start]]) end++;
            double mean = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) r[order[k]] = mean;
            start = end + 1;
        }
        return r;
    }

    /** Pearson correlation; NaN when either side has zero variance. */
    static double pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = 0, my = 0;
        for (int k = 0; k < n; k++) {
            mx += x[k];
            my += y[k];
        }
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (int k = 0; k < n; k++) {
            double dx = x[k] - mx, dy = y[k] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) return Double.NaN;
        return sxy / Math.sqrt(sxx * syy);
    }
}
