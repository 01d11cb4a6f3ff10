package org.grokbench.spectral;

/**
 * Hjorth's (1970) descriptors of a signal x_t (t = 0..n−1, one sample per training step). The paper
 * (§3, App. F) writes them with the spectral moments m_j(L) = ∫ ω^j |F(L)(ω)|² dω and notes
 * m_2 = ∫ L̇² dt ≈ m_0(L̇), m_4 = ∫ L̈² dt ≈ m_0(L̈). We compute them in that time-domain form, as
 * Hjorth did, with the derivatives replaced by differences Δx_t = x_{t+1} − x_t:
 * <ul>
 *   <li><b>activity</b> A = var(x) = m_0 per sample: the signal power (by Parseval equal to the energy
 *       spectrum's total over n; checked in the tests).</li>
 *   <li><b>mobility</b> = 2 arcsin(½ √(var(Δx) / var(x))), in rad/step. √(var(Δx)/var(x)) is Hjorth's
 *       √(m_2/m_0) on a sampled signal; for a sine sin(ωt) it equals 2 sin(ω/2), so the arcsin maps it
 *       back to ω exactly: the mobility is the angular frequency of the sine with the same ratio (for
 *       ω ≪ 1 the two agree anyway: 2 sin(ω/2) = ω(1 − ω²/24 + …)).</li>
 *   <li><b>complexity</b> = √(var(Δ²x)/var(Δx)) / √(var(Δx)/var(x)), the mobility of the derivative over
 *       the mobility of the signal — Hjorth's definition: 1 for a pure sine, larger for any other shape.
 *       App. F prints √(m_4/m_2) alone (which is ω, not 1, for a sine) while describing it as the
 *       likeness to a sine; we follow Hjorth, whose ratio is the one equal to 1 for a sine.</li>
 * </ul>
 * Why differences and not the DFT's ω^j weights: a DFT joins the window's last sample to its first,
 * and that jump leaks power ∝ 1/k² into every bin, which ω² and ω⁴ then amplify (a sine of 31.8
 * periods in 400 steps came out with complexity 1.11 that way); differences never wrap around.
 * A constant signal has no frequency: mobility and complexity are NaN (activity 0).
 */
public record HjorthParameters(double activity, double mobility, double complexity) {

    /** The Hjorth parameters of x (not modified); NaN everywhere for fewer than three samples. */
    public static HjorthParameters of(double[] x) {
        int n = x.length;
        if (n < 3) return new HjorthParameters(Double.NaN, Double.NaN, Double.NaN);
        double[] d1 = new double[n - 1];
        for (int t = 0; t < n - 1; t++) d1[t] = x[t + 1] - x[t];
        double[] d2 = new double[n - 2];
        for (int t = 0; t < n - 2; t++) d2[t] = d1[t + 1] - d1[t];
        double m0 = variance(x), m2 = variance(d1), m4 = variance(d2);
        if (m0 == 0 || m2 == 0) return new HjorthParameters(m0, Double.NaN, Double.NaN);
        double ratio = Math.sqrt(m2 / m0);
        double mobility = 2 * Math.asin(Math.min(1, ratio / 2));
        double complexity = Math.sqrt(m4 / m2) / ratio;
        return new HjorthParameters(m0, mobility, complexity);
    }

    /** (1/n) Σ (x_t − x̄)². */
    static double variance(double[] x) {
        double mean = 0;
        for (double v : x) mean += v;
        mean /= x.length;
        double s = 0;
        for (double v : x) s += (v - mean) * (v - mean);
        return s / x.length;
    }
}
