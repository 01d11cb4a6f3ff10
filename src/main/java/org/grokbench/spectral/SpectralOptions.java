package org.grokbench.spectral;

/**
 * Settings of a {@link SpectralSignature}.
 *
 * @param steps       N, how many early training steps form the signal (the paper uses the first 400)
 * @param trendWidth  σ in steps of the Gaussian-weighted local-quadratic trend that is removed
 *                    ({@link Detrending}); 0 = remove only the mean (no trend filter)
 * @param signal      which series is analysed: the loss L itself (the paper) or ln L
 */
public record SpectralOptions(int steps, double trendWidth, Signal signal) {

    /** The paper's window: the first 400 steps. */
    public static final int DEFAULT_STEPS = 400;
    /** σ = 10 steps: oscillations with periods under ~34 steps keep more than half their amplitude (decision 0007). */
    public static final double DEFAULT_TREND_WIDTH = 10;
    public static final int MIN_STEPS = 8;
    public static final int MAX_STEPS = 1_000_000;
    public static final double MIN_TREND_WIDTH = 0.5;
    public static final double MAX_TREND_WIDTH = 10_000;

    /** N = 400, σ = 10 steps, the loss L itself. */
    public static final SpectralOptions DEFAULT = new SpectralOptions(DEFAULT_STEPS, DEFAULT_TREND_WIDTH, Signal.LOSS);

    /** Which series is detrended and analysed. */
    public enum Signal {
        /** The training loss L(t), as in the paper's m_n(L). */
        LOSS,
        /** ln L(t): oscillations measured relative to the loss level, so late small wiggles count as much as early ones. */
        LOG_LOSS
    }

    public SpectralOptions {
        if (steps < MIN_STEPS || steps > MAX_STEPS) {
            throw new IllegalArgumentException("steps must be an integer in [" + MIN_STEPS + ", " + MAX_STEPS + "], got " + steps);
        }
        if (!(trendWidth == 0 || (trendWidth >= MIN_TREND_WIDTH && trendWidth <= MAX_TREND_WIDTH))) {
            throw new IllegalArgumentException("trendWidth must be 0 (no trend filter) or a number in ["
                    + MIN_TREND_WIDTH + ", " + MAX_TREND_WIDTH + "] steps, got " + trendWidth);
        }
        if (signal == null) throw new IllegalArgumentException("signal must be LOSS or LOG_LOSS, got null");
    }

    public SpectralOptions withSteps(int n) { return new SpectralOptions(n, trendWidth, signal); }
    public SpectralOptions withTrendWidth(double sigma) { return new SpectralOptions(steps, sigma, signal); }
    public SpectralOptions withSignal(Signal s) { return new SpectralOptions(steps, trendWidth, s); }
}
