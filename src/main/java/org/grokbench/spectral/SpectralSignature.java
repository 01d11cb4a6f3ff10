package org.grokbench.spectral;

import java.util.Arrays;
import org.grokbench.experiment.HistoryView;
import org.grokbench.experiment.Metric;

/**
 * The spectral signature of the training loss over the first N steps (Notsawo et al., "Predicting
 * grokking long before it happens", §3 and App. F): the early loss with its non-oscillatory trend
 * removed ({@link Detrending}), its spectral energy m_0, its {@link HjorthParameters} and its
 * {@link EnergySpectrum}. The paper's claim is that runs which grok oscillate more in these early
 * steps (Fig. 2, 6, 7 show m_0 of the first 400 steps beside the final validation accuracy).
 *
 * <p>The input holds one loss value per training step from step 0. The signature uses the first
 * {@code options.steps()} values; a shorter series (a run that has not got that far), or one that turns
 * non-finite (a diverged run: the signature stops before the first NaN/∞), is used as far as it goes
 * and {@link #isComplete()} / {@link #note()} say so. Fewer than {@link SpectralOptions#MIN_STEPS}
 * usable values give NaN numbers. With {@code LOG_LOSS} a loss ≤ 0 also ends the usable prefix.
 */
public final class SpectralSignature {
    private final SpectralOptions options;
    private final double[] signal;
    private final double[] trend;
    private final double[] detrended;
    private final HjorthParameters hjorth;
    private final double energy;
    private final String note;
    private final boolean cutShort;

    private SpectralSignature(SpectralOptions options, double[] signal, double[] trend, double[] detrended,
                              HjorthParameters hjorth, double energy, String note, boolean cutShort) {
        this.cutShort = cutShort;
        this.options = options;
        this.signal = signal;
        this.trend = trend;
        this.detrended = detrended;
        this.hjorth = hjorth;
        this.energy = energy;
        this.note = note;
    }

    /** The signature of the first 400 steps of {@code trainLoss} (fewer if it is shorter; see {@link #note()}). */
    public static SpectralSignature of(double[] trainLoss) {
        return of(trainLoss, SpectralOptions.DEFAULT);
    }

    /** The signature of {@code trainLoss} (not modified) under {@code options}. */
    public static SpectralSignature of(double[] trainLoss, SpectralOptions options) {
        if (trainLoss == null) throw new IllegalArgumentException("trainLoss must not be null");
        if (options == null) throw new IllegalArgumentException("options must not be null");
        boolean log = options.signal() == SpectralOptions.Signal.LOG_LOSS;
        int wanted = Math.min(options.steps(), trainLoss.length);
        int usable = 0;
        while (usable < wanted && Double.isFinite(trainLoss[usable]) && (!log || trainLoss[usable] > 0)) usable++;
        String note = noteFor(options, trainLoss.length, wanted, usable, log);
        boolean cutShort = usable < wanted;
        double[] signal = new double[usable];
        for (int t = 0; t < usable; t++) signal[t] = log ? Math.log(trainLoss[t]) : trainLoss[t];
        if (usable < SpectralOptions.MIN_STEPS) {
            return new SpectralSignature(options, signal, signal.clone(), new double[usable],
                    new HjorthParameters(Double.NaN, Double.NaN, Double.NaN), Double.NaN, note, cutShort);
        }
        double[] trend = Detrending.trend(signal, options.trendWidth());
        double[] detrended = new double[usable];
        double energy = 0;
        for (int t = 0; t < usable; t++) {
            detrended[t] = signal[t] - trend[t];
            energy += detrended[t] * detrended[t];
        }
        return new SpectralSignature(options, signal, trend, detrended, HjorthParameters.of(detrended), energy, note, cutShort);
    }

    /**
     * The signature of a recorded run: its training loss at steps 0, 1, 2, … as long as the history
     * holds every step (it does up to its cap, 20 000 rows by default; a thinned history stops the
     * series at the first gap, and the note says how many steps were used).
     */
    public static SpectralSignature of(HistoryView history, SpectralOptions options) {
        int n = 0;
        int limit = Math.min(history.size(), options.steps());
        while (n < limit && history.step(n) == n) n++;
        double[] loss = new double[n];
        for (int i = 0; i < n; i++) loss[i] = history.metric(i, Metric.TRAIN_LOSS);
        return of(loss, options);
    }

    private static String noteFor(SpectralOptions o, int available, int wanted, int usable, boolean log) {
        if (usable == o.steps()) return "";
        if (usable < wanted) {
            return "only the first " + usable + " of " + o.steps() + " steps: the loss is "
                    + (log ? "not positive and finite" : "not finite") + " at step " + usable;
        }
        return "only " + usable + " of " + o.steps() + " steps recorded so far";
    }

    /** Hjorth activity: the variance of the detrended signal (per step). */
    public double activity() { return hjorth.activity(); }
    /** Hjorth mobility √(m_2/m_0), rad/step. */
    public double mobility() { return hjorth.mobility(); }
    /** Hjorth complexity (1 for a pure sine; see {@link HjorthParameters}). */
    public double complexity() { return hjorth.complexity(); }
    /** Spectral energy m_0 = Σ_t x_t² of the detrended signal x (Parseval: = ∫|F(x)|²), the quantity of the paper's Fig. 2/6 heatmaps. */
    public double energy() { return energy; }
    /**
     * The relative oscillation ρ: the RMS of the detrended signal over the mean level of the signal,
     * √activity / |mean L| (for ln L, whose oscillations are already relative: √activity). Unlike m_0 it
     * does not depend on the loss's scale (sum or mean reduction, the modulus), so runs of different
     * presets can be compared; the {@link GrokkingForecast} reads it.
     */
    public double relativeOscillation() {
        double a = activity();
        if (options.signal() == SpectralOptions.Signal.LOG_LOSS) return Math.sqrt(a);
        double mean = 0;
        for (double v : signal) mean += v;
        mean /= signal.length;
        return Math.sqrt(a) / Math.abs(mean);
    }

    /** How many steps the signature used (≤ options().steps()). */
    public int steps() { return signal.length; }
    /** True when all {@code options().steps()} steps were used. */
    public boolean isComplete() { return signal.length == options.steps(); }
    /** True when the series turned unusable (NaN/∞, or ≤ 0 for ln L) before N steps: it will not complete. */
    public boolean isCutShort() { return cutShort; }
    /** Empty when complete; otherwise a sentence saying how many steps were used and why. */
    public String note() { return note; }
    public SpectralOptions options() { return options; }
    public HjorthParameters hjorth() { return hjorth; }
    /** The analysed series (L or ln L), as a new array. */
    public double[] signal() { return signal.clone(); }
    /** The removed trend, as a new array. */
    public double[] trend() { return trend.clone(); }
    /** signal − trend, as a new array. */
    public double[] detrended() { return detrended.clone(); }
    /** The energy spectrum of the detrended signal. */
    public EnergySpectrum spectrum() { return EnergySpectrum.of(detrended); }

    @Override
    public String toString() {
        return "SpectralSignature[steps=" + steps() + ", activity=" + activity() + ", mobility=" + mobility()
                + ", complexity=" + complexity() + ", energy=" + energy() + (note.isEmpty() ? "" : ", " + note) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpectralSignature s && s.options.equals(options) && Arrays.equals(s.signal, signal);
    }

    @Override
    public int hashCode() { return 31 * options.hashCode() + Arrays.hashCode(signal); }
}
