package org.grokbench.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PowerLawFitTest {
    static final double[] R = {0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    @Test
    void recoversExactLaw() {
        double[] t = new double[R.length];
        for (int i = 0; i < R.length; i++) t[i] = 1500 * Math.pow(R[i], -2.3) + 800;
        PowerLawFit f = PowerLawFit.fit(R, t);
        assertEquals(2.3, f.gamma(), 1e-6);
        assertEquals(1500, f.a(), 1e-3);
        assertEquals(800, f.b(), 1e-2);
        assertEquals(0, f.rss(), 1e-6);
    }

    /** The paper's own modular-addition law (Fig. 5): γ = 7.73, a = 1.09e15, b = 1442.63, r in percent. */
    @Test
    void recoversThePapersSteepLaw() {
        double[] r = {30, 35, 40, 45, 50, 60, 70, 80};
        double[] t = new double[r.length];
        for (int i = 0; i < r.length; i++) t[i] = 1.09e15 * Math.pow(r[i], -7.73) + 1442.63;
        PowerLawFit f = PowerLawFit.fit(r, t);
        assertEquals(7.73, f.gamma(), 1e-5);
        assertEquals(1.09e15, f.a(), 1e-4 * 1.09e15);
        assertEquals(1442.63, f.b(), 1);
    }

    @Test
    void noisyDataStaysClose() {
        Random rng = new Random(9);
        double[] t = new double[R.length];
        for (int i = 0; i < R.length; i++) t[i] = (400 * Math.pow(R[i], -1.5) + 200) * (1 + 0.01 * rng.nextGaussian());
        PowerLawFit f = PowerLawFit.fit(R, t);
        assertEquals(1.5, f.gamma(), 0.15);
        for (double r : R) assertEquals(400 * Math.pow(r, -1.5) + 200, f.at(r), 0.03 * f.at(r));
    }

    @Test
    void badInputNamesTheProblem() {
        assertThrows(IllegalArgumentException.class, () -> PowerLawFit.fit(new double[] {0.2, 0.3}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> PowerLawFit.fit(new double[] {0.2, 0.3, -1}, new double[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> PowerLawFit.fit(new double[] {0.5, 0.5, 0.5}, new double[] {1, 2, 3}));
    }
}
