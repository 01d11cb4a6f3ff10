package org.grokbench.math;

/**
 * Least-squares line through (log x_i, log y_i): y ≈ c·x^slope. The fit of drop time against 1/λ
 * (riemannian-norm-minimisation: the slow phase lasts a time of order 1/λ, so the slope is 1).
 * Natural logarithms; points with a non-positive or non-finite coordinate are left out.
 *
 * @param slope     the exponent
 * @param prefactor c = exp(intercept)
 * @param r2        coefficient of determination of the log-log line (NaN for fewer than 3 points)
 * @param points    how many points the fit used
 */
public record PowerLawFit(double slope, double prefactor, double r2, int points) {
    public static PowerLawFit of(double[] x, double[] y) {
        if (x.length != y.length) throw new IllegalArgumentException("x and y differ in length");
        int n = 0;
        double sx = 0, sy = 0;
        for (int i = 0; i < x.length; i++) {
            if (!usable(x[i], y[i])) continue;
            n++;
            sx += Math.log(x[i]);
            sy += Math.log(y[i]);
        }
        if (n < 2) return new PowerLawFit(Double.NaN, Double.NaN, Double.NaN, n);
        double mx = sx / n, my = sy / n, sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            if (!usable(x[i], y[i])) continue;
            double dx = Math.log(x[i]) - mx, dy = Math.log(y[i]) - my;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        if (sxx == 0) return new PowerLawFit(Double.NaN, Double.NaN, Double.NaN, n);
        double slope = sxy / sxx;
        double r2 = n < 3 || syy == 0 ? Double.NaN : sxy * sxy / (sxx * syy);
        return new PowerLawFit(slope, Math.exp(my - slope * mx), r2, n);
    }

    /** c·x^slope. */
    public double at(double x) {
        return prefactor * Math.pow(x, slope);
    }

    private static boolean usable(double x, double y) {
        return x > 0 && y > 0 && Double.isFinite(x) && Double.isFinite(y);
    }
}
