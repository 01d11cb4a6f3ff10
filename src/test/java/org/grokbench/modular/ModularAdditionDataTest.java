package org.grokbench.modular;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ModularAdditionDataTest {

    @Test
    void unorderedPairsAreThePapersDataSet() {
        ModularAdditionData d = ModularAdditionData.create(37, ModularAdditionData.PairSet.UNORDERED);
        assertEquals(37 * 38 / 2, d.size());
        PairBatch all = d.all();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            assertTrue(all.a(i) <= all.b(i));
            assertEquals((all.a(i) + all.b(i)) % 37, all.c(i));
            assertTrue(seen.add(all.a(i) * 100L + all.b(i)));
        }
        // a-major listing, as timing.py
        assertEquals(0, all.a(0));
        assertEquals(0, all.b(0));
        assertEquals(1, all.b(1));
        assertEquals(1, all.a(37));
        assertEquals(1, all.b(37));
    }

    @Test
    void orderedPairsHoldAllSquares() {
        ModularAdditionData d = ModularAdditionData.create(11, ModularAdditionData.PairSet.ORDERED);
        assertEquals(121, d.size());
        assertEquals(3, d.all().a(3 * 11 + 5));
        assertEquals(5, d.all().b(3 * 11 + 5));
        assertEquals(8, d.all().c(3 * 11 + 5));
    }

    @Test
    void denseFormHasTwoOnesOrADoubleTwoPerRow() {
        PairBatch all = ModularAdditionData.create(5, ModularAdditionData.PairSet.UNORDERED).all();
        double[] x = all.denseInputs(), y = all.denseTargets();
        for (int i = 0; i < all.size(); i++) {
            double sum = 0;
            for (int j = 0; j < 5; j++) sum += x[i * 5 + j];
            assertEquals(2, sum);
            assertEquals(all.a(i) == all.b(i) ? 2 : 1, x[i * 5 + all.a(i)]);
            assertEquals(1, y[i * 5 + all.c(i)]);
        }
    }

    @Test
    void trainFractionSplitOfTimingPyHas492TrainPairs() {
        ModularAdditionData d = ModularAdditionData.create(37, ModularAdditionData.PairSet.UNORDERED);
        ModularAdditionData.Split s = d.splitByTrainFraction(0.7, 0);
        assertEquals(492, s.train().size());
        assertEquals(211, s.test().size());
        Set<Integer> union = new HashSet<>();
        for (int i : s.trainIndices()) assertTrue(union.add(i));
        for (int i : s.testIndices()) assertTrue(union.add(i), "train and test are disjoint");
        assertEquals(703, union.size());
        int[] idx = s.trainIndices();
        for (int t = 0; t < idx.length; t++) {
            assertEquals(d.all().a(idx[t]), s.train().a(t));
            assertEquals(d.all().c(idx[t]), s.train().c(t));
        }
    }

    @Test
    void appendixDSplitHoldsOutSevenOf66Pairs() {
        ModularAdditionData d = ModularAdditionData.create(11, ModularAdditionData.PairSet.UNORDERED);
        assertEquals(66, d.size(), "n(n+1)/2 for n = 11 (the paper's '77' is a typo)");
        ModularAdditionData.Split s = d.splitByTestCount(7, 3);
        assertEquals(59, s.train().size());
        assertEquals(7, s.test().size());
        int[] perm = ModularAdditionData.shuffledIndices(66, 3);
        assertArrayEquals(Arrays.copyOf(perm, 7), s.testIndices(), "the test set is the head of the shuffle");
    }

    @Test
    void shuffleIsAReproducibleFisherYatesPermutation() {
        int[] a = ModularAdditionData.shuffledIndices(100, 42), b = ModularAdditionData.shuffledIndices(100, 42);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, ModularAdditionData.shuffledIndices(100, 43)));
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 100; i++) assertEquals(i, sorted[i]);
        // the documented algorithm, replayed
        java.util.SplittableRandom rng = new java.util.SplittableRandom(42);
        int[] p = new int[100];
        for (int i = 0; i < 100; i++) p[i] = i;
        for (int i = 99; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        assertArrayEquals(p, a);
        assertFalse(Arrays.equals(a, sorted), "not the identity");
    }

    @Test
    void badArgumentsAreRejected() {
        ModularAdditionData d = ModularAdditionData.create(5, ModularAdditionData.PairSet.UNORDERED);
        assertThrows(IllegalArgumentException.class, () -> d.splitByTrainFraction(1.5, 0));
        assertThrows(IllegalArgumentException.class, () -> d.splitByTestCount(16, 0));
        assertThrows(IllegalArgumentException.class, () -> d.splitByPermutation(new int[] {0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}, 3, true));
        assertThrows(IllegalArgumentException.class, () -> ModularAdditionData.create(1, ModularAdditionData.PairSet.ORDERED));
        assertThrows(IllegalArgumentException.class, () -> PairBatch.of(5, new int[] {5}, new int[] {0}));
    }
}
