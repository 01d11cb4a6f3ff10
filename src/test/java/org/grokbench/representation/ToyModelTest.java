package org.grokbench.representation;

import org.grokbench.data.AdditionTable;
import org.grokbench.data.OperationTable;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** The toy model's analytic gradient against central differences, and its predictions. */
class ToyModelTest {
    private static final AdditionTable T = AdditionTable.addition(6);

    private static void checkGradient(ToyModel m, long seed) {
        checkGradient(m, T, new int[] {0, 3, 7, 8, 12, 20}, seed);
    }

    /** Analytic gradient of the mean loss over {@code samples} of {@code table} against central differences. */
    static void checkGradient(ToyModel m, OperationTable table, int[] samples, long seed) {
        double[] emb = new double[m.embeddingSize()], dec = new double[m.decoderSize()];
        m.initialize(emb, dec, 1, 1, new SplittableRandom(seed));
        double[] ge = new double[emb.length], gd = new double[dec.length];
        m.lossAndGradient(emb, dec, table, samples, ge, gd);
        double[] theta = m.flatten(emb, dec), g = m.flatten(ge, gd);
        double[] e2 = emb.clone(), d2 = dec.clone();
        for (int i = 0; i < theta.length; i++) {
            double h = 1e-5, keep = theta[i];
            theta[i] = keep + h;
            m.unflatten(theta, e2, d2);
            double up = m.lossAndGradient(e2, d2, table, samples, null, null);
            theta[i] = keep - h;
            m.unflatten(theta, e2, d2);
            double down = m.lossAndGradient(e2, d2, table, samples, null, null);
            theta[i] = keep;
            assertEquals((up - down) / (2 * h), g[i], 1e-7 + 1e-5 * Math.abs(g[i]), "parameter " + i);
        }
    }

    @Test
    void regressionGradientMatchesFiniteDifferences() {
        checkGradient(ToyModel.forTable(T, 2, new int[] {5, 4}, 3, LossKind.REGRESSION, 1), 2);
    }

    @Test
    void classificationGradientMatchesFiniteDifferences() {
        checkGradient(ToyModel.forTable(T, 1, new int[] {6}, 0, LossKind.CLASSIFICATION, 1), 3);
    }

    @Test
    void linearDecoderGradientMatchesFiniteDifferences() {
        checkGradient(ToyModel.forTable(T, 3, new int[0], 4, LossKind.REGRESSION, 1), 4);
    }

    @Test
    void shapesFollowTheAuthorsDecoder() {
        ToyModel m = ToyModel.forTable(AdditionTable.addition(10), 1, new int[] {200, 200}, 30, LossKind.REGRESSION, 1);
        assertArrayEquals(new int[] {1, 200, 200, 30}, m.widths());
        assertEquals(10, m.embeddingSize());
        assertEquals(1 * 200 + 200 + 200 * 200 + 200 + 200 * 30 + 30, m.decoderSize());
        assertEquals(19, m.classes());
        ToyModel ce = ToyModel.forTable(AdditionTable.addition(10), 1, new int[] {200, 200}, 30, LossKind.CLASSIFICATION, 1);
        assertEquals(19, ce.widths()[3]);
    }

    @Test
    void regressionPredictsTheNearestTarget() {
        ToyModel m = ToyModel.forTable(T, 1, new int[] {3}, 4, LossKind.REGRESSION, 9);
        for (int c = 0; c < m.classes(); c++) {
            double[] y = m.target(c);
            y[0] += 1e-3;
            assertEquals(c, m.classOf(y));
        }
        ToyModel ce = ToyModel.forTable(T, 1, new int[] {3}, 0, LossKind.CLASSIFICATION, 9);
        double[] logits = new double[ce.classes()];
        logits[4] = 2;
        assertEquals(4, ce.classOf(logits));
    }

    @Test
    void initializationHasTheStatedRanges() {
        ToyModel m = ToyModel.forTable(AdditionTable.addition(10), 1, new int[] {200}, 30, LossKind.REGRESSION, 1);
        double[] emb = new double[m.embeddingSize()], dec = new double[m.decoderSize()];
        m.initialize(emb, dec, 0.4, 2, new SplittableRandom(1));
        for (double e : emb) assertTrue(Math.abs(e) <= 0.2);
        double maxFirst = 0, maxSecond = 0;
        for (int i = 0; i < 400; i++) maxFirst = Math.max(maxFirst, Math.abs(dec[i]));   // W1, b1: 1/√1 · 2
        for (int i = 400; i < dec.length; i++) maxSecond = Math.max(maxSecond, Math.abs(dec[i]));   // 1/√200 · 2
        assertTrue(maxFirst <= 2 && maxFirst > 1.5, "" + maxFirst);
        assertTrue(maxSecond <= 2 / Math.sqrt(200) && maxSecond > 0.1, "" + maxSecond);
    }

    /**
     * The decoder's tanh, (1 − e^(−2|x|))/(1 + e^(−2|x|)) with the sign of x (decision 0015): absolute
     * error at most 2⁻⁵¹ against {@link Math#tanh} (measured maximum 2⁻⁵², one ulp of 1), odd, exact
     * at 0 and in the limits. The bound is absolute, not relative: for |x| ≪ 1 the cancellation in
     * 1 − e^(−2|x|) leaves an absolute error of an ulp of 1, which is what a matrix product of
     * activations in [−1, 1] sees.
     */
    @Test
    void tanhIsWithinTwoUlpsOfOneOfMathTanh() {
        SplittableRandom r = new SplittableRandom(3);
        double bound = 0x1p-51, worst = 0;
        for (int i = 0; i < 200_000; i++) {
            double x = i % 2 == 0 ? -25 + 50 * r.nextDouble() : Math.copySign(Math.pow(10, -300 * r.nextDouble()), r.nextDouble() - 0.5);
            double t = ToyModel.tanh(x);
            worst = Math.max(worst, Math.abs(t - Math.tanh(x)));
            assertEquals(-t, ToyModel.tanh(-x));
        }
        assertTrue(worst <= bound, "max |tanh error| " + worst);
        assertEquals(0.0, ToyModel.tanh(0.0));
        assertEquals(1.0, ToyModel.tanh(40));
        assertEquals(-1.0, ToyModel.tanh(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(ToyModel.tanh(Double.NaN)));
    }
}
