package org.grokbench.representation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The theory sampled at network steps: the run kept beside the network, its conserved quantities, the comparison. */
class TheoryTrajectoryTest {
    private static ToySpec small(int d) {
        return ToySpec.paper().withHiddenWidths(new int[] {16, 16}).withOutputDim(6).withSeed(3).withEmbeddingDim(d)
                .withDecoder(OptimizerChoice.adamW(1e-3, 0));
    }

    @Test
    void sampledTheoryIsTheRunKeptBesideTheNetwork() {
        ToyTraining run = new ToyTraining(small(1));
        double[] e0 = run.embeddings();
        TheoryTrajectory flow = TheoryTrajectory.of(small(1));
        assertEquals(run.theoryTimePerStep(), flow.timePerStep(), 0);
        double[][] at = flow.at(e0, new long[] {0, 7, 40});
        assertArrayEquals(RepresentationQuality.normalized(e0, 10, 1), at[0], 0);
        for (int s = 0; s < 40; s++) {
            run.step();
            if (s + 1 == 7) assertArrayEquals(run.theoryRepresentation(), at[1], 1e-12);
        }
        assertArrayEquals(run.theoryRepresentation(), at[2], 1e-12);
    }

    @Test
    void flowConservesZ0AndC() {
        ToySpec spec = small(2);
        ToyTraining run = new ToyTraining(spec);
        double[][] at = TheoryTrajectory.of(spec).at(run.embeddings(), new long[] {0, 10, 100, 1000, 5000});
        double startLoss = Double.NaN;
        for (double[] r : at) {
            assertEquals(10, EffectiveTheory.z0(r), 1e-9, "Z0 = p");
            double[] c = EffectiveTheory.c(r, 2);
            assertEquals(0, c[0], 1e-9);
            assertEquals(0, c[1], 1e-9);
            double l = run.theory().effectiveLoss(r, 2);
            if (!Double.isNaN(startLoss)) assertTrue(l <= startLoss + 1e-15, "ℓ_eff never rises");
            startLoss = l;
        }
        // a long flow reaches the linear structure this training set forces (λ3 > 0): every parallelogram holds
        assertTrue(run.theory().grokkingRate() > 0);
        assertEquals(1.0, RepresentationQuality.rqi(run.allParallelograms(), at[4], 2, 0.01), 0);
    }

    @Test
    void modularFlowStaysCentredInsteadOfCollapsingOnRoundingErrors() {
        // modular addition has no ground state but the collapse: ℓ0 stays large and C = 0 is unstable
        ToySpec spec = small(2).withP(11).withModular(true).withTrainCount(60).withSeed(14)
                .withRepresentation(OptimizerChoice.adamW(0.01, 1));
        ToyTraining run = new ToyTraining(spec);
        double[][] at = TheoryTrajectory.of(spec).at(run.embeddings(), new long[] {0, 1000});
        double[] r = at[1];
        // RK4 keeps Z0 to 1e-8 relative over 1000 steps of time 1.36 while ℓ0 stays large
        assertEquals(11, EffectiveTheory.z0(r), 1e-6);
        double[] c = EffectiveTheory.c(r, 2);
        assertEquals(0, Math.hypot(c[0], c[1]), 1e-9);
        double spread = 0;
        for (int k = 1; k < 11; k++) spread = Math.max(spread, Math.hypot(r[2 * k] - r[0], r[2 * k + 1] - r[1]));
        assertTrue(spread > 0.5, "embeddings did not collapse to one point: spread " + spread);
    }

    @Test
    void rejectsStepsOutOfOrder() {
        TheoryTrajectory flow = TheoryTrajectory.of(small(1));
        assertThrows(IllegalArgumentException.class, () -> flow.at(new double[10], new long[] {5, 3}));
        assertThrows(IllegalArgumentException.class, () -> flow.at(new double[11], new long[] {0}));
    }

    @Test
    void comparisonNormalizesTheNetworkAndStartsBothTogether() {
        ToySpec spec = small(1);
        ToyTraining.ToyHistory h = new ToyTraining(spec).run(60, 20);
        long[] steps = h.steps();
        TheoryComparison c = TheoryComparison.of(spec, steps, h.embeddings().toArray(new double[0][]));
        assertArrayEquals(new long[] {0, 20, 40, 60}, c.steps());
        double[][] net = c.network(), th = c.theory();
        assertArrayEquals(net[0], th[0], 0, "same start");
        for (double[] r : net) assertEquals(10, EffectiveTheory.z0(r), 1e-9);
        assertEquals(c.networkRqi()[0], c.theoryRqi()[0], 0);
        for (int i = 0; i < steps.length; i++) assertEquals(h.readings().get(i).rqi(), c.networkRqi()[i], 0);
        assertEquals(1 / (c.lambda3() * 1e-3), c.predictedSteps(), 1e-6);
        assertEquals(c.predictedSteps() / c.parallelograms(), c.theoryTimeConstant(), 1e-6);
        assertEquals(0, c.indexAt(0));
        assertEquals(1, c.indexAt(39));
        assertEquals(3, c.indexAt(-1));
        assertEquals(3, c.indexAt(1000));
    }
}
