package org.grokbench.modular;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class FourierFeaturesTest {

    /** E_j = cos(2πjk/p)·u + sin(2πjk/p)·v + noise·N(0,1). */
    private static double[] plantedCircle(int p, int dh, int k, double[] u, double[] v, double noise, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] e = new double[p * dh];
        for (int j = 0; j < p; j++) {
            double ang = 2 * Math.PI * j * k / p;
            for (int h = 0; h < dh; h++) {
                e[j * dh + h] = Math.cos(ang) * u[h] + Math.sin(ang) * v[h] + noise * FirstLayerDynamics.gaussian(rng);
            }
        }
        return e;
    }

    @Test
    void aPlantedCircleIsFoundWithEqualOrthogonalAxesAndItsOrder() {
        int p = 23, dh = 16, k0 = 5;
        double[] u = new double[dh], v = new double[dh];
        for (int h = 0; h < 8; h++) u[h] = 1 + 0.1 * h;           // u and v on disjoint units: orthogonal
        for (int h = 8; h < 16; h++) v[h] = 1 + 0.1 * (h - 8);     // and of equal norm
        double[] e = plantedCircle(p, dh, k0, u, v, 1e-3, 1);
        FourierFeatures f = FourierFeatures.of(e, p, dh);
        assertEquals(11, f.frequencyCount());
        assertEquals(k0, f.dominantFrequency());
        double nu = Math.sqrt(org.grokbench.math.DenseKernels.dot(u, 0, u, 0, dh));
        assertEquals(nu / 2, f.realNorm(k0), 1e-3);
        assertEquals(nu / 2, f.imagNorm(k0), 1e-3);
        assertEquals(0, f.realImagCosine(k0), 1e-3);
        for (int k = 1; k <= f.frequencyCount(); k++) if (k != k0) assertTrue(f.norm(k) < 0.01 * f.norm(k0));
        // Re F_k0 = u/2, Im F_k0 = −v/2
        double[] re = f.real(k0), im = f.imag(k0);
        for (int h = 0; h < dh; h++) {
            assertEquals(u[h] / 2, re[h], 1e-3);
            assertEquals(-v[h] / 2, im[h], 1e-3);
        }
        assertArrayEquals(FourierFeatures.expectedSlots(p, k0), f.circleSlots(k0), "residue j at slot j·k0");
        int[] walk = f.circleOrder(k0);
        assertArrayEquals(FourierFeatures.expectedCircleOrder(p, k0), walk, "0, k0⁻¹, 2k0⁻¹, …");
        assertEquals(14, walk[1], "5·14 = 70 ≡ 1 mod 23");
        double[][] xy = f.circleProjection(k0);
        for (int j = 0; j < p; j++) assertEquals(nu, Math.hypot(xy[j][0], xy[j][1]), 1e-2, "on a circle of radius ‖u‖");
    }

    @Test
    void twoCirclesOnDisjointUnitsGiveABlockDiagonalSimilarity() {
        int p = 13, dh = 20;
        SplittableRandom rng = new SplittableRandom(3);
        double[] u1 = new double[dh], v1 = new double[dh], u2 = new double[dh], v2 = new double[dh];
        for (int h = 0; h < 10; h++) {
            double s = 0.5 + rng.nextDouble();
            u1[h] = s * (rng.nextBoolean() ? 1 : -1);
            v1[h] = s * (rng.nextBoolean() ? 1 : -1);   // |u1| = |v1| elementwise: same units, same magnitudes
        }
        for (int h = 10; h < 20; h++) {
            double s = 0.5 + rng.nextDouble();
            u2[h] = s;
            v2[h] = -s;
        }
        double[] e1 = plantedCircle(p, dh, 2, u1, v1, 0, 1), e2 = plantedCircle(p, dh, 5, u2, v2, 0, 1);
        double[] e = new double[p * dh];
        for (int i = 0; i < e.length; i++) e[i] = e1[i] + e2[i];
        FourierFeatures f = FourierFeatures.of(e, p, dh);
        double[][] s = f.absoluteSimilarity();
        assertEquals(12, s.length);
        assertEquals(1, s[2][3], 1e-12, "|Re F_2| and |Im F_2| alike");
        assertEquals(1, s[8][9], 1e-12, "|Re F_5| and |Im F_5| alike");
        assertEquals(0, s[2][8], 1e-12, "different circles, different units");
        assertEquals(0, s[3][9], 1e-12);
        int[] active = {2, 3, 8, 9};
        for (int a : active) assertEquals(1, s[a][a], 1e-12);
        for (int a = 0; a < 12; a++) for (int b = 0; b < 12; b++) {
            assertEquals(s[a][b], s[b][a]);
            assertTrue(s[a][b] >= 0 && s[a][b] <= 1 + 1e-12);
        }
        assertThrows(IllegalArgumentException.class, () -> FourierFeatures.expectedCircleOrder(12, 4));
    }

    @Test
    void featuresAreTheDefinedDft() {
        int p = 7, dh = 3;
        SplittableRandom rng = new SplittableRandom(5);
        double[] e = new double[p * dh];
        for (int i = 0; i < e.length; i++) e[i] = rng.nextDouble(-1, 1);
        FourierFeatures f = FourierFeatures.of(e, p, dh);
        for (int k = 1; k <= 3; k++) {
            for (int h = 0; h < dh; h++) {
                double re = 0, im = 0;
                for (int j = 0; j < p; j++) {
                    re += Math.cos(-2 * Math.PI * j * k / p) * e[j * dh + h] / p;
                    im += Math.sin(-2 * Math.PI * j * k / p) * e[j * dh + h] / p;
                }
                assertEquals(re, f.real(k)[h], 1e-14);
                assertEquals(im, f.imag(k)[h], 1e-14);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> f.real(4));
        TwoLayerNetwork net = new TwoLayerNetwork(p, dh, LossReduction.SUM);
        double[] theta = net.assemble(e, new double[dh * p]);
        assertArrayEquals(f.real(2), FourierFeatures.ofNetwork(net, theta).real(2));
    }
}
