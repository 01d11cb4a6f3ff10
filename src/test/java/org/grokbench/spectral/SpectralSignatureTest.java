package org.grokbench.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpectralSignatureTest {

    /** A sine well above the trend filter's cutoff passes it: mobility ω within 1 %, complexity 1 within 3 %. */
    @Test
    void sineOnADecayPassesTheDetrending() {
        double omega = 2 * Math.PI * 40 / 400;
        double[] loss = new double[600];
        for (int t = 0; t < loss.length; t++) loss[t] = Math.exp(-t / 80.0) + 0.01 * Math.sin(omega * t);
        SpectralSignature s = SpectralSignature.of(loss);
        assertEquals(400, s.steps());
        assertTrue(s.isComplete());
        assertEquals("", s.note());
        assertEquals(omega, s.mobility(), 0.01 * omega);
        assertEquals(1, s.complexity(), 0.03);
        assertEquals(0.5e-4, s.activity(), 0.03 * 0.5e-4);
    }

    /** A trend alone (a decaying exponential, a cubic) leaves activity near 0: < 1e-5 of the raw variance. */
    @Test
    void trendOnlyGivesActivityNearZero() {
        double[] exp = new double[400], cubic = new double[400];
        for (int t = 0; t < 400; t++) {
            exp[t] = 2 * Math.exp(-t / 60.0);
            double u = t / 400.0;
            cubic[t] = 1 - 2 * u + 3 * u * u * u;
        }
        for (double[] x : new double[][] {exp, cubic}) {
            double raw = HjorthParameters.of(x).activity();
            SpectralSignature s = SpectralSignature.of(x);
            assertTrue(s.activity() < 1e-5 * raw, "activity " + s.activity() + " vs raw " + raw);
        }
        // and a straight line is removed exactly
        double[] line = new double[400];
        for (int t = 0; t < 400; t++) line[t] = 3 - 0.01 * t;
        assertEquals(0, SpectralSignature.of(line).energy(), 1e-20);
    }

    /** energy = Σ x² of the detrended signal = the energy spectrum's total (Parseval) ≈ N · activity. */
    @Test
    void energyMatchesSpectrumAndActivity() {
        double[] loss = new double[400];
        java.util.Random rng = new java.util.Random(5);
        for (int t = 0; t < 400; t++) loss[t] = 1 / (1 + 0.05 * t) + 0.02 * rng.nextGaussian();
        SpectralSignature s = SpectralSignature.of(loss);
        assertEquals(s.energy(), s.spectrum().energy(), 1e-10 * s.energy());
        double mean = 0;
        for (double v : s.detrended()) mean += v;
        mean /= 400;
        assertEquals(s.energy(), 400 * (s.activity() + mean * mean), 1e-10 * s.energy());
    }

    @Test
    void shortOrDivergedSeriesSaySo() {
        double[] loss = new double[100];
        for (int t = 0; t < loss.length; t++) loss[t] = Math.exp(-t / 30.0) + 0.01 * Math.sin(t);
        SpectralSignature s = SpectralSignature.of(loss);
        assertEquals(100, s.steps());
        assertFalse(s.isComplete());
        assertTrue(s.note().contains("100 of 400"), s.note());
        loss[50] = Double.NaN;
        SpectralSignature d = SpectralSignature.of(loss);
        assertEquals(50, d.steps());
        assertTrue(d.note().contains("not finite at step 50"), d.note());
        SpectralSignature tiny = SpectralSignature.of(new double[] {1, 0.5});
        assertTrue(Double.isNaN(tiny.activity()) && Double.isNaN(tiny.energy()));
    }

    @Test
    void logLossOption() {
        double[] loss = new double[400];
        for (int t = 0; t < 400; t++) loss[t] = Math.exp(-t / 50.0) * (1 + 0.1 * Math.sin(1.0 * t));
        SpectralSignature s = SpectralSignature.of(loss, SpectralOptions.DEFAULT.withSignal(SpectralOptions.Signal.LOG_LOSS));
        // ln L = −t/50 + ln(1 + 0.1 sin t): the line goes, the oscillation of amplitude ≈ 0.1 stays
        assertEquals(0.005, s.activity(), 0.0005);
        assertEquals(1.0, s.mobility(), 0.05);
    }

    @Test
    void badOptionsNameTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SpectralOptions(3, 10, SpectralOptions.Signal.LOSS));
        assertTrue(e.getMessage().startsWith("steps must be"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SpectralOptions.DEFAULT.withTrendWidth(-1));
        assertTrue(e.getMessage().startsWith("trendWidth must be"), e.getMessage());
    }
}
