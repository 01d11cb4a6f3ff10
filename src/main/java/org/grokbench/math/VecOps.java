package org.grokbench.math;

/**
 * Small dense-vector kernels on {@code double[]}. Every method states which argument it writes;
 * none allocates unless its name says {@code new} or it returns an array.
 */
public final class VecOps {
    private VecOps() {}

    /** Returns a·b. */
    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /** Returns ‖a‖₂. */
    public static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** Returns ‖a − b‖₂. */
    public static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** y ← y + α·x (writes y). */
    public static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) y[i] += alpha * x[i];
    }

    /** Returns a new array a − b. */
    public static double[] sub(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) r[i] = a[i] - b[i];
        return r;
    }

    /** Returns a new array α·a. */
    public static double[] scaled(double alpha, double[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) r[i] = alpha * a[i];
        return r;
    }

    /** cos∠(a, b) = a·b / (‖a‖‖b‖); 0 when either vector is zero (no direction to compare). */
    public static double cosine(double[] a, double[] b) {
        double na = norm(a), nb = norm(b);
        if (na == 0 || nb == 0) return 0;
        return dot(a, b) / (na * nb);
    }

    /** True when every entry is finite (no NaN, no ±∞). */
    public static boolean allFinite(double[] a) {
        for (double v : a) if (!Double.isFinite(v)) return false;
        return true;
    }
}
