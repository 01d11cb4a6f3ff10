package org.grokbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.grokbench.data.Dataset;
import org.grokbench.model.LeakyReluUnit;
import org.grokbench.model.LinearModel;
import org.grokbench.model.Model;
import org.grokbench.model.ParabolaModel;
import org.grokbench.model.SquaredLoss;
import org.grokbench.model.TwoLayerLinearScalar;
import org.junit.jupiter.api.Test;

/** The factory picks the exact set by model kind and falls back to the numeric one. */
class ZeroLossManifoldsTest {
    static Dataset single(double[] x, double y) {
        return Dataset.single(x, new double[] {y});
    }

    @Test
    void picksTheExactSetForEachToy() {
        assertTrue(ZeroLossManifolds.of(new LinearModel(2), single(new double[] {1, 1}, 2)) instanceof AffineZeroLoss);
        assertTrue(ZeroLossManifolds.of(new LeakyReluUnit(2), single(new double[] {1, 1}, 2)) instanceof AffineZeroLoss);
        ZeroLossManifold h = ZeroLossManifolds.of(new TwoLayerLinearScalar(), single(new double[] {2}, 3));
        assertEquals(1.5, ((HyperbolaZeroLoss) h).c(), 0);
        assertTrue(ZeroLossManifolds.of(new TwoLayerLinearScalar(), single(new double[] {2}, 0)) instanceof AxesZeroLoss);
        assertTrue(ZeroLossManifolds.of(new ParabolaModel(), single(new double[] {1, 1}, 0)) instanceof ParabolaZeroLoss);
    }

    @Test
    void fallsBackToNumericOtherwise() {
        Dataset two = new Dataset(new double[][] {{1}, {2}}, new double[][] {{1}, {3}});
        assertTrue(ZeroLossManifolds.of(new TwoLayerLinearScalar(), two) instanceof NumericZeroLoss);
        assertTrue(ZeroLossManifolds.of(new TwoLayerLinearScalar(), single(new double[] {0}, 1)) instanceof NumericZeroLoss);
        assertTrue(ZeroLossManifolds.of(new ParabolaModel(), single(new double[] {1, 0}, 1)) instanceof NumericZeroLoss);
    }

    /** σ⁻¹ for both signs and zero: the projection has zero leaky-ReLU loss. */
    @Test
    void leakyReluTargetsAreInvertedPerSign() {
        for (double y : new double[] {2, 0, -0.5, -1e-3}) {
            Dataset data = single(new double[] {1, -2}, y);
            Model m = new LeakyReluUnit(2);
            double[] p = ZeroLossManifolds.of(m, data).project(new double[] {0.3, 0.7});
            assertTrue(new SquaredLoss(m, data).value(p) < 1e-24, "target " + y);
        }
    }
}
