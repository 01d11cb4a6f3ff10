package org.grokbench.experiment;

import org.grokbench.representation.Composition;
import org.grokbench.representation.OptimizerChoice;
import org.grokbench.representation.ToySpec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** S₃ (App. H) as an experiment: the window's run gives the CLI's numbers, with matrix embeddings. */
class S3RunTest {
    @Test
    void s3RunMatchesTheCliStepForStep() {
        ToySpec toy = ToySpec.s3Paper().withHiddenWidths(new int[] {24, 24}).withOutputDim(8).withSeed(2).withTrainCount(30)
                .withBatchSize(30).withRepresentation(OptimizerChoice.adamW(1e-3, 3)).withDecoder(OptimizerChoice.adamW(1e-3, 5));
        RepresentationRunTest.assertSameAsCli(toy);
        RepresentationProblem p = Experiment.build(RepresentationRunTest.spec(toy, 1)).representation();
        assertEquals(Composition.MATRIX_PRODUCT, p.composition());
        assertEquals(9, p.embeddingWidth());
        assertEquals(6 * 9, p.embeddings(p.initialParameters()).length);
        assertEquals(90, p.allParallelograms().size());
        assertNull(p.ideal());
    }
}
