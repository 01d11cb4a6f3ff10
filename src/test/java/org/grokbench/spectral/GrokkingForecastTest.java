package org.grokbench.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GrokkingForecastTest {

    /** L = e^(−t/200) · (1 + amp · sin(0.8 t)): ρ ≈ amp/√2. */
    static double[] loss(int n, double amp) {
        double[] l = new double[n];
        for (int t = 0; t < n; t++) l[t] = Math.exp(-t / 200.0) * (1 + amp * Math.sin(0.8 * t));
        return l;
    }

    @Test
    void waitsForNSteps() {
        GrokkingForecast f = GrokkingForecast.of(SpectralSignature.of(loss(120, 0.1)));
        assertEquals(GrokkingForecast.Verdict.WAITING, f.verdict());
        assertEquals("forecast after 400 steps (120 so far)", f.text());
    }

    @Test
    void oscillatingAndQuietAroundTheThreshold() {
        GrokkingForecast loud = GrokkingForecast.of(SpectralSignature.of(loss(400, 0.1)));
        assertEquals(GrokkingForecast.Verdict.OSCILLATING, loud.verdict());
        assertTrue(loud.text().startsWith("oscillating like runs that grokked (ρ = "), loud.text());
        GrokkingForecast quiet = GrokkingForecast.of(SpectralSignature.of(loss(400, 0.002)));
        assertEquals(GrokkingForecast.Verdict.QUIET, quiet.verdict());
        assertTrue(quiet.text().startsWith("quiet like runs that did not (ρ = "), quiet.text());
        assertTrue(quiet.oscillation() < GrokkingForecast.Calibration.OUR_PRESETS.threshold());
    }

    @Test
    void divergedOrFlatLossGivesNoForecast() {
        double[] l = loss(400, 0.1);
        l[200] = Double.POSITIVE_INFINITY;
        GrokkingForecast f = GrokkingForecast.of(SpectralSignature.of(l));
        assertEquals(GrokkingForecast.Verdict.UNDEFINED, f.verdict());
        assertTrue(f.text().contains("not finite at step 200"), f.text());
        double[] flat = new double[400];
        java.util.Arrays.fill(flat, 0.5);
        assertEquals(GrokkingForecast.Verdict.UNDEFINED, GrokkingForecast.of(SpectralSignature.of(flat)).verdict());
    }

    /** Our measurement did not separate grokking from non-grokking runs: the calibration says so. */
    @Test
    void calibrationIsHonest() {
        GrokkingForecast.Calibration c = GrokkingForecast.Calibration.OUR_PRESETS;
        assertFalse(c.separates());
        assertTrue(c.evidence().contains("did not separate"));
        assertEquals(SpectralOptions.DEFAULT, c.options());
    }
}
