package org.grokbench.representation;

import org.grokbench.data.GroupTable;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** The toy model of App. H: Dec(E_a·E_b) with d × d matrix embeddings, its gradient and training on S₃. */
class S3ToyTest {
    private static final GroupTable S3 = GroupTable.s3();
    private static final int[] SAMPLES = {0, 5, 7, 13, 20, 22, 29, 35};

    @Test
    void matrixProductGradientMatchesFiniteDifferences() {
        ToyModelTest.checkGradient(ToyModel.forTable(S3, 3, Composition.MATRIX_PRODUCT, new int[] {5, 4}, 3,
                LossKind.REGRESSION, 1), S3, SAMPLES, 2);
        ToyModelTest.checkGradient(ToyModel.forTable(S3, 2, Composition.MATRIX_PRODUCT, new int[] {6}, 0,
                LossKind.CLASSIFICATION, 1), S3, SAMPLES, 3);
        // a repeated symbol: E_a·E_a, both factors are the same parameters
        ToyModelTest.checkGradient(ToyModel.forTable(S3, 3, Composition.MATRIX_PRODUCT, new int[0], 4,
                LossKind.REGRESSION, 1), S3, new int[] {0, 7, 14, 21}, 4);
    }

    @Test
    void modelFeedsTheFlattenedProductToTheDecoder() {
        ToyModel m = ToyModel.forTable(S3, 3, Composition.MATRIX_PRODUCT, new int[] {4}, 2, LossKind.REGRESSION, 1);
        assertEquals(9, m.widths()[0]);
        assertEquals(6 * 9, m.embeddingSize());
        double[] emb = new double[m.embeddingSize()], dec = new double[m.decoderSize()];
        m.initialize(emb, dec, 1, 1, new SplittableRandom(4));
        // loss of sample (a, b) = loss of the decoder at E_a·E_b
        int s = S3.indexOf(2, 4);
        double[] x = new double[9], out = new double[2];
        Composition.MATRIX_PRODUCT.combine(emb, 2, 4, 3, x);
        m.decode(dec, x, out);
        double[] y = m.target(S3.label(s));
        double expected = ((out[0] - y[0]) * (out[0] - y[0]) + (out[1] - y[1]) * (out[1] - y[1])) / 2;
        assertEquals(expected, m.lossAndGradient(emb, dec, S3, new int[] {s}, null, null), 1e-14);
        // x is E_2 E_4 entrywise
        assertEquals(emb[18] * emb[36] + emb[19] * emb[39] + emb[20] * emb[42], x[0], 1e-15);
    }

    @Test
    void s3SpecRejectsAdditionSettings() {
        ToySpec s = ToySpec.s3Paper();
        assertEquals(ToyTask.S3, s.task());
        assertEquals(36, s.table().size());
        assertThrows(IllegalArgumentException.class, () -> s.withP(10));
        assertThrows(IllegalArgumentException.class, () -> s.withModular(true));
        assertThrows(IllegalArgumentException.class, () -> s.withTrainCount(37));
        assertEquals(ToyTask.ADDITION, ToySpec.paper().task());
    }

    @Test
    void trainingIsReproducibleAndReadsGeneralizedRqi() {
        ToySpec spec = ToySpec.s3Paper().withHiddenWidths(new int[] {16, 16}).withOutputDim(8).withSeed(3);
        ToyTraining a = new ToyTraining(spec), b = new ToyTraining(spec);
        ToyTraining.ToyHistory ha = a.run(60, 20), hb = b.run(60, 20);
        assertEquals(ha.readings(), hb.readings());
        assertNull(a.theory());
        ToyTraining.Reading r = ha.last();
        assertTrue(Double.isNaN(r.theoryRqi()));
        assertEquals(RepresentationQuality.rqi(a.allParallelograms(), a.embeddings(), 3, spec.delta(), Composition.MATRIX_PRODUCT),
                r.rqi(), 0);
        assertEquals(90, a.allParallelograms().size());
        assertEquals(24, a.split().train().length);
        assertTrue(ha.readings().get(0).trainLoss() > r.trainLoss(), "training lowers the loss");
    }
}
