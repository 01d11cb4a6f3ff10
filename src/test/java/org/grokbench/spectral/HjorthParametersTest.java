package org.grokbench.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HjorthParametersTest {

    static double[] sine(int n, double omega, double amp, double phase) {
        double[] x = new double[n];
        for (int t = 0; t < n; t++) x[t] = amp * Math.sin(omega * t + phase);
        return x;
    }

    /**
     * sin(ωt) filling whole periods of a 400-step window, from 1 to 160 periods (2.5 steps per period):
     * mobility = ω within 0.2 % and complexity = 1 within 1 % (the only error is the window's ends, O(1/n));
     * activity = A²/2.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7, 40, 100, 160})
    void sineOfWholePeriodsGivesMobilityOmegaAndComplexityOne(int periods) {
        double omega = 2 * Math.PI * periods / 400;
        HjorthParameters h = HjorthParameters.of(sine(400, omega, 3, 0.4));
        assertEquals(omega, h.mobility(), 0.002 * omega, "mobility");
        assertEquals(1, h.complexity(), 0.01, "complexity");
        assertEquals(4.5, h.activity(), 0.01);
    }

    /**
     * A window that cuts a period leaves a part-period whose mean and variance are off by O(1/periods):
     * from 5 periods on, mobility = ω and complexity = 1 within 2 %.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.08, 0.11, 0.5, 1.3, 2.5})
    void sineOfAnyFrequencyWithinTwoPercent(double omega) {
        HjorthParameters h = HjorthParameters.of(sine(400, omega, 1, 0.4));
        assertEquals(omega, h.mobility(), 0.02 * omega, "mobility");
        assertEquals(1, h.complexity(), 0.02, "complexity");
    }

    /** Any non-sine shape is more complex than a sine (Hjorth): a square wave, white noise. */
    @Test
    void otherShapesHaveComplexityAboveOne() {
        double[] square = sine(400, 2 * Math.PI * 10 / 400, 1, 0.1);
        for (int t = 0; t < square.length; t++) square[t] = Math.signum(square[t]);
        assertTrue(HjorthParameters.of(square).complexity() > 1.5);
        double[] noise = new double[20_000];
        Random rng = new Random(3);
        for (int t = 0; t < noise.length; t++) noise[t] = rng.nextGaussian();
        HjorthParameters h = HjorthParameters.of(noise);
        // white noise: var(Δx) = 2 var(x), var(Δ²x) = 6 var(x), so mobility → 2 arcsin(√2/2) = π/2
        // and complexity → √3/√2
        assertEquals(Math.PI / 2, h.mobility(), 0.03);
        assertEquals(Math.sqrt(1.5), h.complexity(), 0.03);
    }

    /** Activity (time domain) equals the energy spectrum's total without the mean, over n (Parseval). */
    @Test
    void activityIsVarianceByParseval() {
        Random rng = new Random(11);
        double[] x = new double[257];
        for (int t = 0; t < x.length; t++) x[t] = 2 + rng.nextGaussian();
        double mean = 0, var = 0;
        for (double v : x) mean += v;
        mean /= x.length;
        for (double v : x) var += (v - mean) * (v - mean);
        var /= x.length;
        assertEquals(var, HjorthParameters.of(x).activity(), 1e-12 * var);
        EnergySpectrum spectrum = EnergySpectrum.of(x);
        double withoutMean = spectrum.energy() - spectrum.density(0) / x.length;
        assertEquals(HjorthParameters.of(x).activity(), withoutMean / x.length, 1e-10 * var);
    }

    @Test
    void constantSignalHasNoFrequency() {
        HjorthParameters h = HjorthParameters.of(new double[] {2, 2, 2, 2, 2});
        assertEquals(0, h.activity(), 1e-30);
        assertTrue(Double.isNaN(h.mobility()));
        assertTrue(Double.isNaN(h.complexity()));
    }
}
