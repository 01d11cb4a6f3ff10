package org.grokbench.spectral;

/**
 * Least-squares fit of the paper's law for the generalization step against the training fraction,
 * t4(r) = a r^(−γ) + b (§2, App. E.3; Fig. 5 reports (γ, a, b) = (7.73, 1.09e15, 1442.63) for modular
 * addition, with r in percent: a r^(−γ) at r = 30 is 4.3e3 steps). For a fixed γ the model is linear in (a, b), so the fit profiles γ: for each γ it solves
 * the 2×2 normal equations for (a, b), and minimizes the residual sum of squares over γ ∈ [γ_min, γ_max]
 * by a log-spaced scan followed by golden-section refinement around the best scan point. No starting
 * guess needed, and the huge a of a steep law (1e15) is solved for exactly rather than searched.
 *
 * @param a     the scale a
 * @param gamma the exponent γ &gt; 0
 * @param b     the offset b (the step at which even all the data would generalize)
 * @param rss   Σ (t4_i − fit(r_i))²
 */
public record PowerLawFit(double a, double gamma, double b, double rss) {
    public static final double GAMMA_MIN = 1e-3;
    public static final double GAMMA_MAX = 30;

    /** t4 predicted at fraction r. */
    public double at(double r) {
        return a * Math.pow(r, -gamma) + b;
    }

    /** Fits (r_i, t4_i), i = 0..n−1, n ≥ 3, with every r_i &gt; 0 (a fraction or a percentage) and at least two distinct. */
    public static PowerLawFit fit(double[] r, double[] t4) {
        if (r.length != t4.length) throw new IllegalArgumentException("r and t4 differ in length: " + r.length + " vs " + t4.length);
        if (r.length < 3) throw new IllegalArgumentException("a power law a r^-γ + b needs at least 3 points, got " + r.length);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < r.length; i++) {
            if (!(r[i] > 0 && Double.isFinite(r[i]))) throw new IllegalArgumentException("r[" + i + "] must be a positive training fraction, got " + r[i]);
            if (!Double.isFinite(t4[i])) throw new IllegalArgumentException("t4[" + i + "] must be finite, got " + t4[i]);
            lo = Math.min(lo, r[i]);
            hi = Math.max(hi, r[i]);
        }
        if (lo == hi) throw new IllegalArgumentException("r must hold at least two distinct fractions");
        int scan = 200;
        double best = Double.NaN, bestRss = Double.POSITIVE_INFINITY;
        int bestK = 0;
        double logMin = Math.log(GAMMA_MIN), logMax = Math.log(GAMMA_MAX);
        for (int k = 0; k <= scan; k++) {
            double g = Math.exp(logMin + (logMax - logMin) * k / scan);
            double rss = solve(r, t4, g)[2];
            if (rss < bestRss) { bestRss = rss; best = g; bestK = k; }
        }
        // golden section on log γ between the scan neighbours of the best point
        double a = logMin + (logMax - logMin) * Math.max(0, bestK - 1) / scan;
        double b = logMin + (logMax - logMin) * Math.min(scan, bestK + 1) / scan;
        double phi = (Math.sqrt(5) - 1) / 2;
        double c = b - phi * (b - a), d = a + phi * (b - a);
        double fc = solve(r, t4, Math.exp(c))[2], fd = solve(r, t4, Math.exp(d))[2];
        for (int it = 0; it < 200 && b - a > 1e-13; it++) {
            if (fc < fd) { b = d; d = c; fd = fc; c = b - phi * (b - a); fc = solve(r, t4, Math.exp(c))[2]; }
            else { a = c; c = d; fc = fd; d = a + phi * (b - a); fd = solve(r, t4, Math.exp(d))[2]; }
        }
        double g = Math.exp((a + b) / 2);
        double[] s = solve(r, t4, g);
        if (s[2] > bestRss) { g = best; s = solve(r, t4, g); }
        return new PowerLawFit(s[0], g, s[1], s[2]);
    }

    /** {a, b, rss} of the linear least squares in (a, b) for this γ (centred sums: no cancellation). */
    private static double[] solve(double[] r, double[] t4, double gamma) {
        int n = r.length;
        double[] x = new double[n];
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            x[i] = Math.pow(r[i], -gamma);
            mx += x[i];
            my += t4[i];
        }
        mx /= n;
        my /= n;
        double sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (t4[i] - my);
        }
        if (!(sxx > 0) || !Double.isFinite(sxx)) return new double[] {Double.NaN, Double.NaN, Double.POSITIVE_INFINITY};
        double a = sxy / sxx;
        double b = my - a * mx;
        double rss = 0;
        for (int i = 0; i < n; i++) {
            double e = t4[i] - (a * x[i] + b);
            rss += e * e;
        }
        return new double[] {a, b, rss};
    }
}
