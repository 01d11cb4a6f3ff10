package org.grokbench.experiment;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.grokbench.analysis.HessianExtremes;
import org.grokbench.analysis.HessianProduct;
import org.grokbench.analysis.LossSurface;
import org.grokbench.analysis.ParameterBlock;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loss surfaces of the experiments, Hessian products and the Lanczos extremes against dense answers. */
class CurvatureProbeTest {

    private static ExperimentSpec smallNetwork(long steps, ProbeSpec probes) {
        ExperimentSpec s = ModularRunTest.spec("modular-mlp", 5, 6, "mean", 2.0, 1e-3, steps, 1,
                new ModularDataSpec("ordered", 0.6, 0), 10);
        return new ExperimentSpec(s.id(), s.title(), s.story(), s.paper(), s.figure(), s.model(), s.train(), s.test(),
                s.runs(), s.seed(), probes, s.view(), s.modularData());
    }

    /** The dense Hessian from d products with unit vectors, symmetrized, and its sorted eigenvalues. */
    private static double[] denseEigenvalues(LossSurface surface, double[] theta) {
        int d = surface.dimension();
        HessianProduct hv = new HessianProduct(surface);
        DMatrixRMaj h = new DMatrixRMaj(d, d);
        double[] e = new double[d], col = new double[d];
        for (int j = 0; j < d; j++) {
            Arrays.fill(e, 0);
            e[j] = 1;
            hv.apply(theta, e, col);
            for (int i = 0; i < d; i++) h.set(i, j, col[i]);
        }
        DMatrixRMaj sym = new DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) sym.set(i, j, 0.5 * (h.get(i, j) + h.get(j, i)));
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, false, true);
        assertTrue(eig.decompose(sym));
        double[] values = new double[d];
        for (int i = 0; i < d; i++) values[i] = eig.getEigenvalue(i).real;
        Arrays.sort(values);
        return values;
    }

    @Test
    void linearToyHessianIsTwiceTheOuterProductOfItsSample() {
        // Fig. 1: f = w1 + w2 on x = (1, 1), L = (w1 + w2 − 2)²: H = 2 x xᵀ, eigenvalues 4 and 0.
        Experiment e = Experiment.build(Specs.onePlusOne(0.01, 10, 0.0));
        LossSurface s = e.newLossSurface();
        HessianExtremes.Reading r = new HessianExtremes(s).measure(new double[]{0.3, -1.7});
        assertEquals(4.0, r.max(), 1e-8);
        assertEquals(0.0, r.min(), 1e-8);
        assertEquals(List.of(ParameterBlock.whole(2)), s.blocks());
    }

    @Test
    void lanczosExtremesMatchTheDenseEigendecompositionOfANetwork() {
        Experiment e = Experiment.build(smallNetwork(0, ProbeSpec.defaults()));
        LossSurface s = e.newLossSurface();
        double[] theta = e.newLearner(e.spec().runs().get(0)).initialParameters();
        double[] dense = denseEigenvalues(s, theta);
        double max = dense[dense.length - 1], min = dense[0];
        assertTrue(max > 0.05 && min < -1e-4, "a random network has curvature of both signs: " + min + " .. " + max);
        HessianExtremes.Reading full = new HessianExtremes(s, s.dimension(), 7).measure(theta);
        assertEquals(max, full.max(), 1e-6 * max);
        assertEquals(min, full.min(), 1e-6 * max);
        // With fewer iterations than d the Ritz values are inside [λ_min, λ_max] and within the residual bound.
        HessianExtremes.Reading cheap = new HessianExtremes(s, 25, 7).measure(theta);
        assertTrue(cheap.max() <= max + 1e-9 && max - cheap.max() <= cheap.maxResidual() + 1e-9,
                "λ_max " + max + " vs Ritz " + cheap.max() + " ± " + cheap.maxResidual());
        assertTrue(cheap.min() >= min - 1e-9 && cheap.min() - min <= cheap.minResidual() + 1e-9,
                "λ_min " + min + " vs Ritz " + cheap.min() + " ± " + cheap.minResidual());
        assertEquals(25, cheap.products(), "one product per Lanczos iteration (two gradients each)");
    }

    @Test
    void hessianProductOfANetworkIsSymmetricAndMatchesGradientDifferences() {
        Experiment e = Experiment.build(smallNetwork(0, ProbeSpec.defaults()));
        LossSurface s = e.newLossSurface();
        double[] theta = e.newLearner(e.spec().runs().get(0)).initialParameters();
        int d = s.dimension();
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        double[] u = new double[d], v = new double[d], hu = new double[d], hvv = new double[d];
        for (int i = 0; i < d; i++) { u[i] = rng.nextGaussian(); v[i] = rng.nextGaussian(); }
        HessianProduct hv = new HessianProduct(s);
        hv.apply(theta, u, hu);
        hv.apply(theta, v, hvv);
        double vHu = 0, uHv = 0;
        for (int i = 0; i < d; i++) { vHu += v[i] * hu[i]; uHv += u[i] * hvv[i]; }
        assertEquals(vHu, uHv, 1e-6 * Math.abs(vHu) + 1e-9, "H is symmetric");
        // vᵀHv against the second difference of the loss along v.
        double h = 1e-3, l0 = s.trainLoss(theta);
        double[] plus = theta.clone(), minus = theta.clone();
        for (int i = 0; i < d; i++) { plus[i] += h * v[i]; minus[i] -= h * v[i]; }
        double second = (s.trainLoss(plus) - 2 * l0 + s.trainLoss(minus)) / (h * h);
        double vHv = 0;
        for (int i = 0; i < d; i++) vHv += v[i] * hvv[i];
        assertEquals(second, vHv, 1e-4 * Math.abs(second) + 1e-7);
    }

    @Test
    void surfaceMeasuresWhatTheRunRecords() {
        ExperimentSpec spec = smallNetwork(50, new ProbeSpec(10, 20_000, 20));
        Experiment e = Experiment.build(spec);
        Snapshot end = new Run(e).runBlocking();
        assertEquals(RunStatus.FINISHED, end.status(), end.message());
        HistoryView h = end.trajectories().get(0).history();
        LossSurface s = e.newLossSurface();
        for (int row : new int[]{0, h.size() - 1}) {
            double[] theta = h.theta(row);
            assertEquals(h.metric(row, Metric.TRAIN_LOSS), s.trainLoss(theta), 1e-12);
            assertEquals(h.metric(row, Metric.TEST_LOSS), s.testLoss(theta), 1e-12);
            assertEquals(h.metric(row, Metric.TEST_ACC), s.testAccuracy(theta), 0);
            double[] g = new double[theta.length];
            s.trainGradient(theta, g);
            assertEquals(h.metric(row, Metric.GRAD_NORM_SQ), org.grokbench.math.VecOps.dot(g, g), 1e-12);
            assertEquals(org.grokbench.math.VecOps.cosine(theta, h.theta(0)), h.metric(row, Metric.COS_INIT), 1e-12);
        }
        double[][] act = s.hiddenActivations(h.theta(0), true);
        assertEquals(6, act[0].length);
        for (double[] a : act) for (double x : a) assertTrue(x >= 0, "ReLU activations are non-negative");
    }

    @Test
    void curvatureIsRecordedOnItsCadenceOnly() {
        Snapshot end = new Run(Experiment.build(smallNetwork(50, new ProbeSpec(10, 20_000, 20)))).runBlocking();
        HistoryView h = end.trajectories().get(0).history();
        for (int i = 0; i < h.size(); i++) {
            boolean probed = h.step(i) % 20 == 0;
            assertEquals(probed, Double.isFinite(h.metric(i, Metric.HESSIAN_MAX)), "step " + h.step(i));
            assertEquals(probed, Double.isFinite(h.metric(i, Metric.HESSIAN_MIN)), "step " + h.step(i));
            if (probed) assertTrue(h.metric(i, Metric.HESSIAN_MAX) >= h.metric(i, Metric.HESSIAN_MIN));
            assertEquals(h.step(i) > 0, Double.isFinite(h.metric(i, Metric.COS_STEP)), "cos(θ_{t−1}, θ_t) from step 1 on");
        }
        Snapshot off = new Run(Experiment.build(smallNetwork(20, new ProbeSpec(10, 20_000, 0)))).runBlocking();
        assertTrue(Double.isNaN(off.trajectories().get(0).history().metric(0, Metric.HESSIAN_MAX)), "curvatureEvery 0 = off");
    }

    @Test
    void simulatedDynamicsHasNoSurface() {
        ExperimentSpec s = ModularRunTest.spec("modular-eq20", 7, 16, "sum", 1e-2, 0, 1, 1,
                new ModularDataSpec("unordered", 0.7, 0), 1);
        assertNull(Experiment.build(s).newLossSurface());
    }
}
