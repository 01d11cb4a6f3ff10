package org.grokbench.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DetrendingTest {

    /**
     * Away from the ends, a sine of frequency ω keeps amplitude 1 − (1 + u)e^{−u}, u = σ²ω²/2 (the
     * closed form of the Gaussian local quadratic's equivalent kernel): ½ at ω = 1.83/σ.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.1, 0.183, 0.25, 0.4, 1.0})
    void residualGainMatchesClosedForm(double omega) {
        double sigma = 10;
        int n = 2000;
        double[] x = new double[n];
        for (int t = 0; t < n; t++) x[t] = Math.sin(omega * t);
        double[] r = Detrending.detrended(x, sigma);
        // amplitude from the interior (least squares on sin and cos)
        double ss = 0, sc = 0, cc = 0, ys = 0, yc = 0;
        for (int t = 200; t < n - 200; t++) {
            double s = Math.sin(omega * t), c = Math.cos(omega * t);
            ss += s * s; sc += s * c; cc += c * c; ys += r[t] * s; yc += r[t] * c;
        }
        double det = ss * cc - sc * sc;
        double a = (ys * cc - yc * sc) / det, b = (yc * ss - ys * sc) / det;
        double u = sigma * sigma * omega * omega / 2;
        assertEquals(1 - (1 + u) * Math.exp(-u), Math.hypot(a, b), 0.01);
    }

    /** Polynomials up to degree 2 are trends: removed exactly, ends included. */
    @ParameterizedTest
    @ValueSource(doubles = {0.5, 3, 10, 40})
    void quadraticsAreRemovedExactly(double sigma) {
        double[] x = new double[300];
        for (int t = 0; t < x.length; t++) x[t] = 2 - 0.3 * t + 0.004 * t * t;
        for (double v : Detrending.detrended(x, sigma)) assertEquals(0, v, 1e-9);
    }
}
