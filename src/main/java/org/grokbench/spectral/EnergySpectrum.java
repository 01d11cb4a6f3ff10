package org.grokbench.spectral;

import org.grokbench.math.Fft;

/**
 * The energy spectral density |F(x)(ω)|² of a real signal x_t (t = 0..n−1), one-sided: bins
 * k = 0..⌊n/2⌋ at ω_k = 2πk/n rad/step, each holding |X_k|² with X_k = Σ_t x_t e^{−iω_k t}. The
 * negative frequencies mirror these (x is real), which {@link #energy()} counts back in, so that
 * Parseval's theorem reads energy() = Σ_t x_t².
 */
public final class EnergySpectrum {
    private final int n;
    private final double[] omega;
    private final double[] density;

    private EnergySpectrum(int n, double[] omega, double[] density) {
        this.n = n;
        this.omega = omega;
        this.density = density;
    }

    /** The spectrum of x (not modified). */
    public static EnergySpectrum of(double[] x) {
        int n = x.length;
        double[] full = Fft.energySpectrum(x);
        int bins = n == 0 ? 0 : n / 2 + 1;
        double[] omega = new double[bins], density = new double[bins];
        for (int k = 0; k < bins; k++) {
            omega[k] = 2 * Math.PI * k / n;
            density[k] = full[k];
        }
        return new EnergySpectrum(n, omega, density);
    }

    /** Number of signal samples n. */
    public int length() { return n; }
    /** Number of one-sided bins, ⌊n/2⌋ + 1. */
    public int bins() { return omega.length; }
    /** ω_k in rad/step. */
    public double omega(int k) { return omega[k]; }
    /** |X_k|². */
    public double density(int k) { return density[k]; }
    public double[] omegas() { return omega.clone(); }
    public double[] densities() { return density.clone(); }

    /** (1/n) Σ over all n bins of |X_k|² (each one-sided bin but 0 and n/2 counted twice) = Σ_t x_t². */
    public double energy() {
        double s = 0;
        for (int k = 0; k < omega.length; k++) {
            boolean mirrored = k != 0 && !(n % 2 == 0 && k == n / 2);
            s += mirrored ? 2 * density[k] : density[k];
        }
        return n == 0 ? 0 : s / n;
    }
}
