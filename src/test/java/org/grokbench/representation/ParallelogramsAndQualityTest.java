package org.grokbench.representation;

import org.grokbench.data.AdditionTable;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** P₀, RQI, Acc-hat and the ideal bounds on cases checked by hand and on the paper's examples. */
class ParallelogramsAndQualityTest {
    private static final AdditionTable P4 = AdditionTable.addition(4);

    /** App. E, Eq. (21): D = {(0,2), (1,1), (0,3), (1,2), (1,3), (2,2)}. */
    private static AdditionTable.Split appendixESplit() {
        return P4.splitOf(new int[] {P4.indexOf(0, 2), P4.indexOf(1, 1), P4.indexOf(0, 3), P4.indexOf(1, 2),
                P4.indexOf(1, 3), P4.indexOf(2, 2)});
    }

    @Test
    void p4HasTheThreeParallelogramsOfEquation19() {
        Parallelograms all = Parallelograms.all(P4);
        assertEquals(3, all.size());
        // (0,2)~(1,1), (0,3)~(1,2), (1,3)~(2,2): rows E0+E2-2E1, E0+E3-E1-E2, E1+E3-2E2
        double[][] a = all.equations();
        assertArrayEquals(new double[] {1, -2, 1, 0}, a[0]);
        assertArrayEquals(new double[] {1, -1, -1, 1}, a[1]);
        assertArrayEquals(new double[] {0, 1, -2, 1}, a[2]);
    }

    @Test
    void p10CountMatchesABruteForceOverQuadruples() {
        AdditionTable t = AdditionTable.addition(10);
        int brute = 0;   // i < j <= m < n with i + n = j + m: the authors' enumeration of P0
        for (int i = 0; i < 10; i++)
            for (int j = i + 1; j < 10; j++)
                for (int m = j; m < 10; m++)
                    for (int n = m + 1; n < 10; n++) if (i + n == j + m) brute++;
        assertEquals(brute, Parallelograms.all(t).size());
        assertEquals(70, brute);
    }

    @Test
    void modularParallelogramsPairSamplesWithEqualResidues() {
        AdditionTable t = AdditionTable.modular(5);
        int brute = 0;
        for (int s = 0; s < t.size(); s++)
            for (int u = s + 1; u < t.size(); u++)
                if ((t.first(s) + t.second(s)) % 5 == (t.first(u) + t.second(u)) % 5) brute++;
        Parallelograms all = Parallelograms.all(t);
        assertEquals(brute, all.size());
        assertTrue(all.contains(t.indexOf(1, 4), t.indexOf(2, 3)));   // 5 ≡ 0 and 5 ≡ 0
        assertTrue(all.contains(t.indexOf(0, 0), t.indexOf(1, 4)));   // 0 ≡ 5: a wrap-around parallelogram
        // a linear representation does not satisfy the wrap-around ones
        double[] line = {0, 1, 2, 3, 4};
        double rqi = RepresentationQuality.rqi(all, line, 1, 0.01);
        assertTrue(rqi > 0 && rqi < 1, "RQI of a line under modular addition " + rqi);
    }

    @Test
    void normalizationCentresAndGivesZ0EqualP() {
        double[] e = {3, -1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8};   // p = 6, d = 2
        double[] n = RepresentationQuality.normalized(e, 6, 2);
        assertArrayEquals(new double[] {0, 0}, EffectiveTheory.c(n, 2), 1e-12);
        assertEquals(6, EffectiveTheory.z0(n), 1e-12);
    }

    @Test
    void linearRepresentationHasRqiOneInAnyDimension() {
        AdditionTable t = AdditionTable.addition(10);
        double[] e = new double[30];
        for (int k = 0; k < 10; k++) {
            e[3 * k] = 0.3 + 1.7 * k;
            e[3 * k + 1] = -2 + 0.2 * k;
            e[3 * k + 2] = 5 - 0.9 * k;
        }
        assertEquals(1.0, RepresentationQuality.rqi(Parallelograms.all(t), e, 3, 0.01), 0);
    }

    @Test
    void randomRepresentationsHaveSmallRqi() {
        AdditionTable t = AdditionTable.addition(10);
        Parallelograms all = Parallelograms.all(t);
        Random rng = new Random(7);
        double sum = 0;
        for (int trial = 0; trial < 50; trial++) {
            double[] e = new double[10];
            for (int k = 0; k < 10; k++) e[k] = rng.nextGaussian();
            sum += RepresentationQuality.rqi(all, e, 1, 0.01);
        }
        assertTrue(sum / 50 < 0.1, "mean RQI of random 1D embeddings " + sum / 50);
    }

    @Test
    void handCheckedP4Representation() {
        // E = (0, 1, 2, 5): only E0 + E2 = 2 E1 holds
        double[] e = {0, 1, 2, 5};
        Parallelograms held = RepresentationQuality.held(Parallelograms.all(P4), e, 1, 0.01);
        assertEquals(1, held.size());
        assertArrayEquals(new int[] {0, 2, 1, 1}, held.symbols(0));
        assertEquals(1 / 3.0, RepresentationQuality.rqi(Parallelograms.all(P4), e, 1, 0.01), 1e-15);
        // training set {(0,2)}: the parallelogram adds (1,1) -> 2 of 10 samples
        AdditionTable.Split s = P4.splitOf(new int[] {P4.indexOf(0, 2)});
        assertEquals(0.2, RepresentationQuality.predictedAccuracy(s, held), 1e-15);
        // training set {(0,3)}: (0,3)~(1,2) does not hold -> only the training sample
        AdditionTable.Split s2 = P4.splitOf(new int[] {P4.indexOf(0, 3)});
        assertEquals(0.1, RepresentationQuality.predictedAccuracy(s2, held), 1e-15);
    }

    @Test
    void appendixEExampleForcesTheLinearStructure() {
        AdditionTable.Split s = appendixESplit();
        IdealRepresentation ideal = IdealRepresentation.of(P4, s);
        assertEquals(3, ideal.permissible().size());
        assertEquals(2, ideal.nullity());
        assertEquals(1.0, ideal.rqiBar(), 0);
        // no validation sample (0,0), (0,1), (2,3), (3,3) shares a label with D: Acc-bar = 6/10
        assertEquals(0.6, ideal.accBar(), 1e-15);
        assertEquals(0.0, ideal.validationAccBar(), 0);
    }

    @Test
    void rankTestAddsImpliedParallelograms() {
        // App. C: (0,4)~(1,3) and (1,5)~(2,4) imply (0,5)~(2,3)
        AdditionTable t = AdditionTable.addition(6);
        AdditionTable.Split s = t.splitOf(new int[] {t.indexOf(0, 4), t.indexOf(1, 3), t.indexOf(1, 5), t.indexOf(2, 4),
                t.indexOf(0, 5)});
        IdealRepresentation ideal = IdealRepresentation.of(t, s);
        assertEquals(2, ideal.permissible().size());
        assertTrue(ideal.implied().contains(t.indexOf(0, 5), t.indexOf(2, 3)));
        assertFalse(ideal.implied().contains(t.indexOf(0, 2), t.indexOf(1, 1)));
        // (2,3) becomes predictable from the training sample (0,5)
        boolean[] bar = RepresentationQuality.augmentedTrainingSet(s, ideal.implied());
        assertTrue(bar[t.indexOf(2, 3)]);
        assertEquals(6 / 21.0, ideal.accBar(), 1e-15);
        assertTrue(ideal.nullity() > 2);
    }

    @Test
    void fullTrainingSetHasIdealBoundsOneAndNoParallelogramsHasNone() {
        AdditionTable t = AdditionTable.addition(10);
        IdealRepresentation full = IdealRepresentation.of(t, t.split(55, 1));
        assertEquals(2, full.nullity());
        assertEquals(1.0, full.rqiBar(), 0);
        assertEquals(1.0, full.accBar(), 0);
        IdealRepresentation lone = IdealRepresentation.of(t, t.splitOf(new int[] {0}));
        assertEquals(10, lone.nullity());
        assertEquals(0.0, lone.rqiBar(), 0);
        assertEquals(1 / 55.0, lone.accBar(), 1e-15);
    }
}
