package org.grokbench.modular;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ForkJoinPool;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.grokbench.math.DenseKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Eq. (20) against a dense EJML implementation, against −∇R/(2λ) of Eq. (19), and its statuses. */
class FirstLayerDynamicsTest {

    private static FirstLayerDynamics.Options noEstimate() {
        return FirstLayerDynamics.Options.defaults().withConditionIterations(0);
    }

    private static DMatrixRMaj hidden(PairBatch batch, double[] e, int dh, Activation act, boolean derivative) {
        int p = batch.modulus(), k = batch.size();
        DMatrixRMaj h = new DMatrixRMaj(k, dh);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < dh; j++) {
                double z = e[batch.a(i) * dh + j] + e[batch.b(i) * dh + j];
                h.set(i, j, derivative ? act.derivative(z) : act.apply(z));
            }
        }
        return h;
    }

    /** ΔE = Xᵀ((A Y Yᵀ A H) ⊙ σ'(XE)) − E with A = (HHᵀ)⁻¹ formed by EJML's inverse. */
    private static double[] denseDeltaE(PairBatch batch, double[] e, int dh, Activation act) {
        int p = batch.modulus(), k = batch.size();
        DMatrixRMaj x = new DMatrixRMaj(k, p, true, batch.denseInputs());
        DMatrixRMaj y = new DMatrixRMaj(k, p, true, batch.denseTargets());
        DMatrixRMaj h = hidden(batch, e, dh, act, false), sp = hidden(batch, e, dh, act, true);
        DMatrixRMaj g = new DMatrixRMaj(k, k);
        CommonOps_DDRM.multTransB(h, h, g);
        DMatrixRMaj a = new DMatrixRMaj(k, k);
        assertTrue(CommonOps_DDRM.invert(g, a));
        DMatrixRMaj ay = new DMatrixRMaj(k, p), ayyt = new DMatrixRMaj(k, k), m1 = new DMatrixRMaj(k, k), m = new DMatrixRMaj(k, dh);
        CommonOps_DDRM.mult(a, y, ay);
        CommonOps_DDRM.multTransB(ay, y, ayyt);
        CommonOps_DDRM.mult(ayyt, a, m1);
        CommonOps_DDRM.mult(m1, h, m);
        CommonOps_DDRM.elementMult(m, sp);
        DMatrixRMaj s = new DMatrixRMaj(p, dh);
        CommonOps_DDRM.multTransA(x, m, s);
        double[] d = new double[p * dh];
        for (int i = 0; i < d.length; i++) d[i] = s.data[i] - e[i];
        return d;
    }

    /** R(E) = λ‖E‖² + λ Tr(Yᵀ(HHᵀ)⁻¹Y), Eq. (19), by EJML. */
    private static double denseCost(PairBatch batch, double[] e, int dh, double lambda) {
        int p = batch.modulus(), k = batch.size();
        DMatrixRMaj y = new DMatrixRMaj(k, p, true, batch.denseTargets());
        DMatrixRMaj h = hidden(batch, e, dh, Activation.RELU, false);
        DMatrixRMaj g = new DMatrixRMaj(k, k);
        CommonOps_DDRM.multTransB(h, h, g);
        DMatrixRMaj ay = new DMatrixRMaj(k, p);
        assertTrue(CommonOps_DDRM.solve(g, y, ay));
        double tr = 0;
        for (int i = 0; i < k; i++) for (int c = 0; c < p; c++) tr += y.get(i, c) * ay.get(i, c);
        return lambda * (DenseKernels.dot(e, 0, e, 0, e.length) + tr);
    }

    private static double[] gaussianE(int p, int dh, long seed) {
        double[] e = new double[p * dh];
        FirstLayerDynamics.initGaussian(e, 1 / Math.sqrt(p), seed);
        return e;
    }

    @ParameterizedTest
    @CsvSource({"13,100,RELU", "13,100,TANH", "17,128,RELU", "7,40,QUADRATIC"})
    void directionMatchesTheDenseFormula(int p, int dh, Activation act) {
        PairBatch train = ModularAdditionData.create(p, ModularAdditionData.PairSet.UNORDERED).splitByTrainFraction(0.7, 2).train();
        double[] e = gaussianE(p, dh, 3);
        FirstLayerDynamics dyn = new FirstLayerDynamics(train, dh, act, noEstimate());
        double[] delta = new double[p * dh];
        assertEquals(FirstLayerDynamics.Status.OK, dyn.direction(e, delta, null));
        double[] ref = denseDeltaE(train, e, dh, act);
        double scale = KernelMax.maxAbs(ref);
        for (int i = 0; i < ref.length; i++) assertEquals(ref[i], delta[i], 1e-8 * scale, "entry " + i);
    }

    /** App. E: ∇R = 2λE − 2λXᵀ[(AYYᵀAH) ⊙ σ'(XE)] = −2λ·ΔE, checked entry by entry with central differences. */
    @Test
    void directionIsMinusTheCostGradientOver2Lambda() {
        int p = 7, dh = 40;
        double lambda = 0.37;
        PairBatch train = ModularAdditionData.create(p, ModularAdditionData.PairSet.UNORDERED).all();   // k = 28 < 40
        double[] e = gaussianE(p, dh, 5);
        FirstLayerDynamics dyn = new FirstLayerDynamics(train, dh, Activation.RELU, noEstimate());
        double[] delta = new double[p * dh];
        assertEquals(FirstLayerDynamics.Status.OK, dyn.direction(e, delta, null));
        assertEquals(denseCost(train, e, dh, lambda), dyn.cost(e, lambda), 1e-9 * dyn.cost(e, lambda));
        double h = 1e-6;
        double scale = KernelMax.maxAbs(delta);
        for (int i = 0; i < e.length; i++) {
            double[] ep = e.clone(), em = e.clone();
            ep[i] += h;
            em[i] -= h;
            double grad = (denseCost(train, ep, dh, lambda) - denseCost(train, em, dh, lambda)) / (2 * h);
            assertEquals(-grad / (2 * lambda), delta[i], 1e-6 * scale, "entry " + i);
        }
    }

    @Test
    void zeroLossSecondLayerFitsTheTrainingSetExactly() {
        int p = 13, dh = 100;
        ModularAdditionData.Split split = ModularAdditionData.create(p, ModularAdditionData.PairSet.UNORDERED).splitByTrainFraction(0.7, 4);
        double[] e = gaussianE(p, dh, 6);
        FirstLayerDynamics dyn = new FirstLayerDynamics(split.train(), dh, Activation.RELU, noEstimate());
        double[] w = new double[dh * p];
        assertEquals(FirstLayerDynamics.Status.OK, dyn.secondLayer(e, w));
        TwoLayerNetwork net = new TwoLayerNetwork(p, dh, LossReduction.SUM);
        double[] theta = net.assemble(e, w);
        assertEquals(0, net.loss(theta, split.train()), 1e-18 * split.train().size() + 1e-16);
        assertEquals(1.0, net.accuracy(theta, split.train()));
        // W = H⁺Y is the minimum-norm fit: ‖W‖² = Tr(Yᵀ(HHᵀ)⁻¹Y)
        assertEquals(DenseKernels.dot(w, 0, w, 0, w.length), dyn.lastTraceTerm(), 1e-9 * dyn.lastTraceTerm());
        double[] w2 = new double[dh * p], delta = new double[p * dh];
        dyn.direction(e, delta, w2);
        assertArrayEquals(w, w2, "direction() returns the same W");
    }

    @Test
    void resultDoesNotDependOnTheNumberOfThreads() {
        int p = 17, dh = 200;
        PairBatch train = ModularAdditionData.create(p, ModularAdditionData.PairSet.UNORDERED).splitByTrainFraction(0.7, 8).train();
        double[] e1 = gaussianE(p, dh, 9), e2 = e1.clone(), e3 = e1.clone();
        ForkJoinPool two = new ForkJoinPool(2), three = new ForkJoinPool(3);
        try {
            FirstLayerDynamics seq = new FirstLayerDynamics(train, dh, Activation.RELU, FirstLayerDynamics.Options.defaults());
            FirstLayerDynamics par2 = new FirstLayerDynamics(train, dh, Activation.RELU, FirstLayerDynamics.Options.defaults().withPool(two));
            FirstLayerDynamics par3 = new FirstLayerDynamics(train, dh, Activation.RELU, FirstLayerDynamics.Options.defaults().withPool(three));
            for (int s = 0; s < 3; s++) {
                assertEquals(FirstLayerDynamics.Status.OK, seq.step(e1, 1e-3));
                assertEquals(FirstLayerDynamics.Status.OK, par2.step(e2, 1e-3));
                assertEquals(FirstLayerDynamics.Status.OK, par3.step(e3, 1e-3));
            }
            assertArrayEquals(e1, e2);
            assertArrayEquals(e1, e3);
            assertEquals(seq.lastConditionEstimate(), par3.lastConditionEstimate());
        } finally {
            two.shutdown();
            three.shutdown();
        }
    }

    @Test
    void moreTrainPairsThanHiddenUnitsIsReportedAndLeavesEUntouched() {
        int p = 11, dh = 32;
        PairBatch train = ModularAdditionData.create(p, ModularAdditionData.PairSet.UNORDERED).all();   // k = 66 > 32
        double[] e = gaussianE(p, dh, 1), before = e.clone();
        FirstLayerDynamics dyn = new FirstLayerDynamics(train, dh);
        assertEquals(FirstLayerDynamics.Status.NOT_POSITIVE_DEFINITE, dyn.step(e, 1e-3));
        assertArrayEquals(before, e);
        assertTrue(dyn.lastFailedPivot() >= 0 && dyn.lastFailedPivot() <= dh);
        assertTrue(Double.isNaN(dyn.cost(e, 1)));
        assertTrue(Double.isNaN(dyn.accuracy(e, train)));
    }

    @Test
    void deadSampleIsNotPositiveDefinite() {
        int p = 7, dh = 40;
        PairBatch train = ModularAdditionData.create(p, ModularAdditionData.PairSet.UNORDERED).all();
        double[] e = gaussianE(p, dh, 2);
        for (int j = 0; j < dh; j++) e[3 * dh + j] = -Math.abs(e[3 * dh + j]) - 1;   // H row of (3,3) is all zero
        FirstLayerDynamics dyn = new FirstLayerDynamics(train, dh);
        assertEquals(FirstLayerDynamics.Status.NOT_POSITIVE_DEFINITE, dyn.direction(e, new double[p * dh], null));
    }

    @Test
    void conditionLimitAndNonFiniteInputAreReported() {
        int p = 13, dh = 100;
        PairBatch train = ModularAdditionData.create(p, ModularAdditionData.PairSet.UNORDERED).splitByTrainFraction(0.7, 4).train();
        double[] e = gaussianE(p, dh, 6), before = e.clone();
        FirstLayerDynamics strict = new FirstLayerDynamics(train, dh, Activation.RELU,
                FirstLayerDynamics.Options.defaults().withMaxConditionNumber(10));
        assertEquals(FirstLayerDynamics.Status.ILL_CONDITIONED, strict.step(e, 1e-3));
        assertArrayEquals(before, e);
        assertTrue(strict.lastConditionEstimate() > 10);
        FirstLayerDynamics dyn = new FirstLayerDynamics(train, dh);
        assertEquals(FirstLayerDynamics.Status.OK, dyn.step(e, 1e-3));
        assertTrue(dyn.lastConditionEstimate() > 1 && dyn.lastConditionEstimate() < 1e12);
        e[5] = Double.NaN;
        assertEquals(FirstLayerDynamics.Status.NOT_FINITE, dyn.step(e, 1e-3));
    }

    /** §7.3 in short: with zero train loss throughout, the test accuracy rises from chance to (near) perfect. */
    @Test
    void aSmallModularAdditionGroksUnderTheSimulatedDynamics() {
        int p = 17, dh = 128;
        ModularAdditionData.Split split = ModularAdditionData.create(p, ModularAdditionData.PairSet.UNORDERED).splitByTrainFraction(0.7, 0);
        double[] e = gaussianE(p, dh, 0);
        FirstLayerDynamics dyn = new FirstLayerDynamics(split.train(), dh);
        double start = dyn.accuracy(e, split.test());
        double[] before = fourierSummary(FourierFeatures.of(e, p, dh));
        for (int s = 0; s < 1000; s++) assertEquals(FirstLayerDynamics.Status.OK, dyn.step(e, 1e-2));
        double end = dyn.accuracy(e, split.test());
        double[] after = fourierSummary(FourierFeatures.of(e, p, dh));
        // Fig. 6: Re/Im norms equalize, Re ⟂ Im, |Re|,|Im| of different frequencies become dissimilar
        assertTrue(after[0] < 0.1 && after[0] < before[0], "norms equalize: " + before[0] + " -> " + after[0]);
        assertTrue(after[1] < 0.1 && after[1] < before[1], "orthogonal: " + before[1] + " -> " + after[1]);
        assertTrue(after[2] < 0.6 * before[2], "dissimilar across frequencies: " + before[2] + " -> " + after[2]);
        assertTrue(start < 0.25, "starts near chance: " + start);
        assertTrue(end > 0.9, "generalizes: " + end);
        double[] w = new double[dh * p];
        dyn.secondLayer(e, w);
        TwoLayerNetwork net = new TwoLayerNetwork(p, dh, LossReduction.SUM);
        assertEquals(0, net.loss(net.assemble(e, w), split.train()), 1e-12, "zero train loss by construction");
    }

    /** {max_k |log(‖Re F_k‖/‖Im F_k‖)|, max_k |cos(Re F_k, Im F_k)|, mean similarity of |Re F_k| across k ≠ k'}. */
    private static double[] fourierSummary(FourierFeatures f) {
        double ratio = 0, cos = 0, off = 0;
        int cnt = 0;
        double[][] s = f.absoluteSimilarity();
        for (int k = 1; k <= f.frequencyCount(); k++) {
            ratio = Math.max(ratio, Math.abs(Math.log(f.realNorm(k) / f.imagNorm(k))));
            cos = Math.max(cos, Math.abs(f.realImagCosine(k)));
            for (int k2 = 1; k2 <= f.frequencyCount(); k2++) {
                if (k2 == k) continue;
                off += s[2 * (k - 1)][2 * (k2 - 1)];
                cnt++;
            }
        }
        return new double[] {ratio, cos, off / cnt};
    }

    /** Local helper (the math test support is in another package). */
    private static final class KernelMax {
        static double maxAbs(double[] a) {
            double m = 0;
            for (double v : a) m = Math.max(m, Math.abs(v));
            return m;
        }
    }
}
