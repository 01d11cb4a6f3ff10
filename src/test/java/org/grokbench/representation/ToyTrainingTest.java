package org.grokbench.representation;

import org.grokbench.optim.Optimizer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Training the toy model: seeds, minibatches, the theory beside it, and the paper's claim in short form. */
class ToyTrainingTest {
    private static ToySpec small() {
        return ToySpec.paper().withHiddenWidths(new int[] {32, 32}).withOutputDim(8).withSeed(3)
                .withDecoder(OptimizerChoice.adamW(1e-3, 0));
    }

    @Test
    void sameSpecSameNumbersAndMinibatchesDiffer() {
        List<ToyTraining.Reading> a = new ToyTraining(small()).run(40, 10).readings();
        List<ToyTraining.Reading> b = new ToyTraining(small()).run(40, 10).readings();
        assertEquals(a, b);
        List<ToyTraining.Reading> mini = new ToyTraining(small().withBatchSize(9)).run(40, 10).readings();
        assertEquals(a.get(0), mini.get(0), "same start");
        assertNotEquals(a.get(4), mini.get(4));
        assertEquals(mini, new ToyTraining(small().withBatchSize(9)).run(40, 10).readings());
        assertEquals(List.of(0L, 10L, 20L, 30L, 40L), a.stream().map(ToyTraining.Reading::step).toList());
    }

    @Test
    void theoryBesideTheNetworkKeepsItsConservedQuantities() {
        ToyTraining t = new ToyTraining(small());
        t.run(30, 30);
        double[] r = t.theoryRepresentation();
        assertEquals(10, EffectiveTheory.z0(r), 1e-9);
        assertEquals(0, EffectiveTheory.c(r, 1)[0], 1e-9);
        assertEquals(1e-3 * t.permissibleParallelograms().size(), t.theoryTimePerStep(), 1e-15);
    }

    @Test
    void readingMatchesTheQualityFunctions() {
        ToyTraining t = new ToyTraining(small().withEmbeddingDim(2));
        t.run(5, 5);
        ToyTraining.Reading r = t.read();
        assertEquals(RepresentationQuality.rqi(t.allParallelograms(), t.embeddings(), 2, 0.01), r.rqi(), 0);
        assertEquals(t.model().accuracy(t.embeddings(), t.decoder(), t.table(), t.split().validation()), r.validationAccuracy(), 0);
        assertEquals(5, r.step());
    }

    @Test
    void representationLearnsTheLinearStructureAndValidationFollowsToItsIdealBound() {
        // §3: generalization follows the structured representation. This split leaves 2 of the 10
        // validation samples without a training sample of their label, so 0.8 is the most any model can reach.
        ToyTraining t = new ToyTraining(small());
        IdealRepresentation ideal = IdealRepresentation.of(t.table(), t.split());
        assertEquals(0.8, ideal.validationAccBar(), 1e-12);
        ToyTraining.ToyHistory h = t.run(1500, 50);
        long rqiStep = h.firstRqiAbove(0.95);
        assertTrue(rqiStep > 0 && rqiStep <= 600, "RQI > 0.95 at step " + rqiStep);
        ToyTraining.Reading end = h.last();
        assertEquals(1.0, end.rqi());
        assertEquals(ideal.accBar(), end.predictedAccuracy(), 1e-12);
        assertEquals(0.8, end.validationAccuracy(), 1e-12);
        assertEquals(1.0, end.theoryRqi(), "the effective theory also reaches the linear structure");
        PhaseCriteria.Reading phase = h.phase(PhaseCriteria.paper().withBudget(1500));
        assertTrue(phase.trainStep() > rqiStep, "the representation forms before the training set is fitted");
        assertEquals(LearningPhase.MEMORIZATION, phase.phase(), "0.8 < the 90 % threshold of Table 1");
    }

    @Test
    void optimizerChoiceUsesPyTorchWeightDecay() {
        OptimizerChoice c = OptimizerChoice.adamW(0.1, 0.5);
        Optimizer o = c.create();
        double[] theta = {2};
        o.step(theta, new double[] {0}, c.lr(), c.lambda());
        assertEquals(2 * (1 - 0.1 * 0.5), theta[0], 1e-12, "AdamW: θ ← θ − lr·wd·θ");
        assertEquals("adam", OptimizerChoice.adam(1e-3, 0).name());
        assertThrows(IllegalArgumentException.class, () -> OptimizerChoice.adamW(0, 0));
    }
}
