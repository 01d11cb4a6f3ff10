package org.grokbench.modular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.grokbench.math.DenseKernels;
import org.grokbench.math.ReferenceProjection;
import org.junit.jupiter.api.Test;

/** The App. D measurement: g̃ = (I − J⁺J)(−θ_t) at θ' ≈ proj_Z(θ_t). */
class NormMinDirectionProbeTest {

    @Test
    void directionIsTheNullSpaceProjectionOfMinusTheta() {
        int p = 5, dh = 16;
        TwoLayerNetwork net = new TwoLayerNetwork(p, dh, LossReduction.MEAN);
        PairBatch train = ModularAdditionData.create(p, ModularAdditionData.PairSet.UNORDERED).splitByTestCount(3, 1).train();
        double[] theta = net.newParameters(2);
        for (int s = 0; s < 200; s++) net.gradientDescentStep(theta, train, 1.0, 5e-5);
        NormMinDirectionProbe probe = new NormMinDirectionProbe(net, train);
        NormMinDirectionProbe.Result r = probe.normMinimizingDirection(theta);
        int d = net.parameterCount(), m = train.size() * p;
        double[] jac = new double[m * d];
        net.jacobian(r.projectedPoint(), train, jac);
        double[] minus = new double[d];
        for (int i = 0; i < d; i++) minus[i] = -theta[i];
        double[] ref = ReferenceProjection.nullSpaceComponent(jac, m, d, minus);
        double scale = Math.sqrt(DenseKernels.dot(theta, 0, theta, 0, d));
        for (int i = 0; i < d; i++) assertEquals(ref[i], r.direction()[i], 1e-7 * scale, "entry " + i);
        assertEquals(m, r.jacobianRows());
        assertTrue(r.orthogonalityResidual() < 1e-10, "tangent: " + r.orthogonalityResidual());
        assertTrue(r.lossAtProjection() < net.loss(theta, train), "the projection lowers the loss");
    }

    /** App. D's size: J is 649 × 2816; g̃ ⟂ rows of J, −θ − g̃ = Jᵀμ in the row space, cos in [−1, 1]. */
    @Test
    void appendixDSettingGivesATangentDirection() {
        int n = 11, h = 128;
        TwoLayerNetwork net = new TwoLayerNetwork(n, h, LossReduction.MEAN);
        PairBatch train = ModularAdditionData.create(n, ModularAdditionData.PairSet.UNORDERED).splitByTestCount(7, 0).train();
        double[] theta = net.newParameters(0);
        double[] before = null;
        for (int s = 0; s < 300; s++) {
            if (s == 290) before = theta.clone();
            net.gradientDescentStep(theta, train, 1.0, TwoLayerNetwork.lambdaFromTorchWeightDecay(1e-4));
        }
        NormMinDirectionProbe probe = new NormMinDirectionProbe(net, train);
        NormMinDirectionProbe.Result r = probe.measure(theta, before);
        assertEquals(59 * 11, r.jacobianRows());
        assertTrue(r.jacobianRank() > 0 && r.jacobianRank() <= 649);
        assertTrue(r.orthogonalityResidual() < 1e-9, "tangent: " + r.orthogonalityResidual());
        assertTrue(Math.abs(r.cosine()) <= 1 + 1e-12);
        // −θ − g̃ lies in the row space: projecting it on the tangent space leaves ~0
        double[] rest = new double[theta.length], tangentPart = new double[theta.length];
        for (int i = 0; i < theta.length; i++) rest[i] = -theta[i] - r.direction()[i];
        probe.tangentProjection(r.projectedPoint(), rest, tangentPart);
        double nr = Math.sqrt(DenseKernels.dot(tangentPart, 0, tangentPart, 0, theta.length));
        assertTrue(nr < 1e-8 * Math.sqrt(DenseKernels.dot(theta, 0, theta, 0, theta.length)), "row-space part: " + nr);
        // and g̃ is the closest tangent vector to −θ: ⟨−θ − g̃, g̃⟩ = 0
        double cross = DenseKernels.dot(rest, 0, r.direction(), 0, theta.length);
        assertEquals(0, cross, 1e-8 * DenseKernels.dot(theta, 0, theta, 0, theta.length));
        // an update along g̃ itself has cosine 1
        double[] along = theta.clone();
        for (int i = 0; i < along.length; i++) along[i] -= 1e-3 * r.direction()[i];
        assertEquals(1, probe.measure(theta, along).cosine(), 1e-9);
    }
}
