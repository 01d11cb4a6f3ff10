package org.grokbench.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FftTest {

    /** Radix-2 (powers of two) and Bluestein (everything else, primes included) against the O(n²) sum. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 7, 8, 12, 16, 17, 64, 100, 127, 400, 1000})
    void matchesNaiveDft(int n) {
        Random rng = new Random(n);
        double[] re = new double[n], im = new double[n];
        for (int i = 0; i < n; i++) { re[i] = rng.nextGaussian(); im[i] = rng.nextGaussian(); }
        double[] er = new double[n], ei = new double[n];
        for (int k = 0; k < n; k++) {
            for (int t = 0; t < n; t++) {
                double a = -2 * Math.PI * ((long) k * t % n) / n;
                er[k] += re[t] * Math.cos(a) - im[t] * Math.sin(a);
                ei[k] += re[t] * Math.sin(a) + im[t] * Math.cos(a);
            }
        }
        double[] xr = re.clone(), xi = im.clone();
        Fft.transform(xr, xi);
        double tol = 1e-11 * n;
        for (int k = 0; k < n; k++) {
            assertEquals(er[k], xr[k], tol, "re X_" + k);
            assertEquals(ei[k], xi[k], tol, "im X_" + k);
        }
        Fft.inverse(xr, xi);
        for (int t = 0; t < n; t++) {
            assertEquals(re[t], xr[t], 1e-12 * n, "inverse re x_" + t);
            assertEquals(im[t], xi[t], 1e-12 * n, "inverse im x_" + t);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 11, 256, 400})
    void parsevalHolds(int n) {
        Random rng = new Random(7);
        double[] x = new double[n];
        double time = 0;
        for (int i = 0; i < n; i++) { x[i] = rng.nextGaussian(); time += x[i] * x[i]; }
        double freq = 0;
        for (double p : Fft.energySpectrum(x)) freq += p;
        assertEquals(time, freq / n, 1e-10 * time);
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 9})
    void angularFrequencyFoldsIntoMinusPiPi(int n) {
        assertEquals(0, Fft.angularFrequency(0, n));
        assertEquals(2 * Math.PI / n, Fft.angularFrequency(1, n), 1e-15);
        assertEquals(-2 * Math.PI / n, Fft.angularFrequency(n - 1, n), 1e-15);
        double nyq = Fft.angularFrequency(n / 2, n);
        assertEquals(n % 2 == 0 ? Math.PI : 2 * Math.PI * (n / 2) / n, nyq, 1e-15);
    }
}
