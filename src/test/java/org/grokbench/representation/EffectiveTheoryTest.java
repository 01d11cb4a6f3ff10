package org.grokbench.representation;

import org.grokbench.data.AdditionTable;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** Eqs. (5)-(9) and App. F: gradient, conserved quantities, Hessian and the grokking rate. */
class EffectiveTheoryTest {
    private static final AdditionTable T = AdditionTable.addition(10);

    private static double[] random(int n, long seed) {
        Random r = new Random(seed);
        double[] e = new double[n];
        for (int i = 0; i < n; i++) e[i] = r.nextGaussian();
        return e;
    }

    @Test
    void gradientMatchesFiniteDifferencesOfTheEffectiveLoss() {
        EffectiveTheory th = EffectiveTheory.forTrainingSet(Parallelograms.of(T, T.split(30, 5).train()));
        double[] r = random(20, 1);   // d = 2
        double[] g = new double[20];
        th.gradient(r, 2, g);
        for (int i = 0; i < 20; i++) {
            double h = 1e-6, keep = r[i];
            r[i] = keep + h;
            double up = th.effectiveLoss(r, 2);
            r[i] = keep - h;
            double down = th.effectiveLoss(r, 2);
            r[i] = keep;
            assertEquals((up - down) / (2 * h), g[i], 1e-7 * (1 + Math.abs(g[i])), "component " + i);
        }
    }

    @Test
    void flowConservesZ0AndTheCentreOfNormalizedEmbeddings() {
        EffectiveTheory th = EffectiveTheory.forTrainingSet(Parallelograms.of(T, T.split(30, 2).train()));
        double[] r = RepresentationQuality.normalized(random(20, 3), 10, 2);
        double l0 = th.effectiveLoss(r, 2);
        th.flow(r, 2, 50, 0.05);
        assertEquals(10, EffectiveTheory.z0(r), 1e-9);
        assertArrayEquals(new double[] {0, 0}, EffectiveTheory.c(r, 2), 1e-9);
        assertTrue(th.effectiveLoss(r, 2) < 0.5 * l0, "the flow lowers ℓ_eff");
    }

    @Test
    void z0IsConservedFromAnyStartButAnOffCentreCGrows() {
        // App. F drops a term: dC/dt = (2ℓ₀/Z₀²)·C, so C is conserved only when it starts at 0.
        EffectiveTheory th = EffectiveTheory.forTrainingSet(Parallelograms.of(T, T.split(40, 2).train()));
        double[] r = random(10, 4);
        for (int k = 0; k < 10; k++) r[k] += 0.5;
        double z0 = EffectiveTheory.z0(r), c0 = EffectiveTheory.c(r, 1)[0];
        double rate = 2 * th.l0(r, 1) / (z0 * z0);
        double dt = 1e-4;
        th.flow(r, 1, dt, dt);
        assertEquals(z0, EffectiveTheory.z0(r), 1e-12 * z0);
        assertEquals(rate * c0, (EffectiveTheory.c(r, 1)[0] - c0) / dt, 1e-3 * Math.abs(rate * c0));
        th.flow(r, 1, 20, 0.01);
        assertEquals(z0, EffectiveTheory.z0(r), 1e-9 * z0);
        assertTrue(Math.abs(EffectiveTheory.c(r, 1)[0]) > Math.abs(c0));
    }

    @Test
    void hessianIsTheSecondDerivativeOfL0OverZ0AndGivesTheQuadraticForm() {
        Parallelograms p0d = Parallelograms.of(T, T.split(35, 9).train());
        EffectiveTheory th = EffectiveTheory.forTrainingSet(p0d);
        double[][] h = th.hessian();
        double[] r = RepresentationQuality.normalized(random(10, 8), 10, 1);   // Z₀ = p
        double quad = 0;
        for (int i = 0; i < 10; i++) for (int j = 0; j < 10; j++) quad += 0.5 * r[i] * h[i][j] * r[j];
        assertEquals(th.effectiveLoss(r, 1), quad, 1e-12);
        // second differences of ℓ₀ / Z₀ (Z₀ = 10 held fixed)
        double eps = 1e-3;
        for (int i = 0; i < 10; i += 3)
            for (int j = 0; j < 10; j += 4) {
                double[] x = new double[10];
                x[i] += eps; x[j] += eps; double pp = th.l0(x, 1);
                x[j] -= 2 * eps; double pm = th.l0(x, 1);
                x[i] -= 2 * eps; double mm = th.l0(x, 1);
                x[j] += 2 * eps; double mp = th.l0(x, 1);
                assertEquals((pp - pm - mp + mm) / (4 * eps * eps) / 10, h[i][j], 1e-8);
            }
    }

    @Test
    void fullDataForcesTheLinearStructureAndFewSamplesDoNot() {
        EffectiveTheory full = EffectiveTheory.forTrainingSet(Parallelograms.all(T));
        double[] ev = full.eigenvalues();
        assertEquals(0, ev[0]);
        assertEquals(0, ev[1]);
        assertTrue(ev[2] > 1e-3, "λ3 of the full data set " + ev[2]);
        assertEquals(1 / (ev[2] * 1e-3), full.predictedSteps(1e-3), 1e-9);
        EffectiveTheory few = EffectiveTheory.forTrainingSet(Parallelograms.of(T, T.split(8, 1).train()));
        assertEquals(0, few.grokkingRate());
        assertEquals(Double.POSITIVE_INFINITY, few.predictedSteps(1e-3));
    }

    @Test
    void flowOnTheFullDataReachesTheLinearStructureAtRateLambda3() {
        EffectiveTheory th = EffectiveTheory.forTrainingSet(Parallelograms.all(T));
        double[] r = RepresentationQuality.normalized(random(10, 11), 10, 1);
        assertTrue(RepresentationQuality.rqi(Parallelograms.all(T), r, 1, 0.01) < 0.3);
        double l3 = th.grokkingRate();
        th.flow(r, 1, 12 / l3, 0.5);
        assertEquals(1.0, RepresentationQuality.rqi(Parallelograms.all(T), r, 1, 0.01), 0);
        // in the end ℓ_eff decays like e^{−2λ3 t} (the slowest mode, squared)
        double a = th.effectiveLoss(r, 1);
        th.flow(r, 1, 1 / l3, 0.5);
        double b = th.effectiveLoss(r, 1);
        assertEquals(Math.exp(-2), b / a, 0.02);
    }
}
