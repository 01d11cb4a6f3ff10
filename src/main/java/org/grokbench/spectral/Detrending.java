package org.grokbench.spectral;

/**
 * Removes the non-oscillatory part of a loss curve before its spectrum is measured. The paper
 * (App. F) asks for a filter that "removes its non-oscillatory components" (a constant, a linear
 * trend, a smooth curve) so that the Hjorth activity equals the spectral energy; it names no filter.
 *
 * <p>We subtract a Gaussian-weighted local-quadratic trend (a kernel regression of degree 2): at every
 * step t, fit a + b(s − t) + c(s − t)² to the samples s by least squares with weights
 * exp(−(s − t)²/2σ²), |s − t| ≤ 4σ, and take a as the trend. Why this and not a high-pass in frequency: an early loss
 * curve falls by orders of magnitude, and a DFT treats its end as joined to its start, so that drop
 * becomes a sawtooth whose 1/k leakage swamps every real oscillation; a local fit has no wrap-around.
 * Degree 2 keeps constants, lines and parabolas exactly (also at both ends, where a plain moving
 * average is biased) and leaves a smooth trend's residual at O(σ⁴ L⁗) instead of the O(σ² L″) of a
 * local line, which matters for a loss that decays on a time scale of tens of steps. In the interior
 * the residual is a high-pass with amplitude gain 1 − (1 + u)e^{−u}, u = σ²ω²/2 (the Gaussian local
 * quadratic's equivalent kernel is ½(3 − d²/σ²)·N(0, σ²)): 0 at ω = 0, ½ at ω = 1.83/σ, 0.99 at
 * ω = 3.6/σ rad/step (checked in DetrendingTest). See decision 0007.
 */
public final class Detrending {
    /** Degree of the local polynomial: 2 (a local quadratic). */
    public static final int DEGREE = 2;

    private Detrending() {}

    /** The trend of x (a new array); σ = 0 gives the constant mean. x is not modified. */
    public static double[] trend(double[] x, double sigma) {
        int n = x.length;
        double[] trend = new double[n];
        if (n == 0) return trend;
        if (sigma == 0) {
            double mean = 0;
            for (double v : x) mean += v;
            mean /= n;
            java.util.Arrays.fill(trend, mean);
            return trend;
        }
        int reach = (int) Math.ceil(4 * sigma);
        double[] kernel = new double[reach + 1];
        for (int d = 0; d <= reach; d++) kernel[d] = Math.exp(-0.5 * d * d / (sigma * sigma));
        double[][] a = new double[DEGREE + 1][DEGREE + 2];
        for (int t = 0; t < n; t++) {
            int lo = Math.max(0, t - reach), hi = Math.min(n - 1, t + reach);
            double[] s = new double[2 * DEGREE + 1];
            double[] y = new double[DEGREE + 1];
            for (int j = lo; j <= hi; j++) {
                double d = (j - t) / sigma;   // scaled offsets keep the normal equations well conditioned
                double w = kernel[Math.abs(j - t)];
                double p = w;
                for (int m = 0; m <= 2 * DEGREE; m++) {
                    s[m] += p;
                    if (m <= DEGREE) y[m] += p * x[j];
                    p *= d;
                }
            }
            trend[t] = interceptOfFit(s, y, a);
        }
        return trend;
    }

    /**
     * The intercept of the weighted least-squares polynomial with moment sums s (Σw d^m) and
     * y (Σw d^m x): solves the (DEGREE+1)² normal equations by Gaussian elimination with partial
     * pivoting in the scratch matrix a, dropping to a lower degree when too few samples carry weight.
     */
    private static double interceptOfFit(double[] s, double[] y, double[][] a) {
        for (int degree = DEGREE; degree > 0; degree--) {
            int m = degree + 1;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) a[i][j] = s[i + j];
                a[i][m] = y[i];
            }
            boolean singular = false;
            for (int c = 0; c < m && !singular; c++) {
                int piv = c;
                for (int r = c + 1; r < m; r++) if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) piv = r;
                if (Math.abs(a[piv][c]) <= 1e-10 * s[0]) { singular = true; break; }
                double[] tmp = a[c]; a[c] = a[piv]; a[piv] = tmp;
                for (int r = c + 1; r < m; r++) {
                    double f = a[r][c] / a[c][c];
                    for (int k = c; k <= m; k++) a[r][k] -= f * a[c][k];
                }
            }
            if (singular) continue;
            double[] coef = new double[m];
            for (int r = m - 1; r >= 0; r--) {
                double v = a[r][m];
                for (int k = r + 1; k < m; k++) v -= a[r][k] * coef[k];
                coef[r] = v / a[r][r];
            }
            return coef[0];
        }
        return y[0] / s[0];
    }

    /** x minus its trend (a new array). */
    public static double[] detrended(double[] x, double sigma) {
        double[] trend = trend(x, sigma);
        double[] r = new double[x.length];
        for (int t = 0; t < r.length; t++) r[t] = x[t] - trend[t];
        return r;
    }
}
