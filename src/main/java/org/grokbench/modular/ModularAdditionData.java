package org.grokbench.modular;

import java.util.SplittableRandom;

/**
 * The modular-addition data set of geometry-of-grokking §7.1: samples (a, b, c) with
 * c = (a + b) mod p, input X_i = e_{a_i} + e_{b_i} ∈ ℝ^p and target Y_i = e_{c_i} ∈ ℝ^p.
 *
 * <p>Two pair sets:
 * <ul>
 *   <li>{@link PairSet#UNORDERED} — the paper's D = {(a, b, c) | 0 ≤ a ≤ b &lt; p}, k = p(p+1)/2
 *       pairs, listed a-major: (0,0), (0,1), …, (0,p−1), (1,1), … (the order of the reference
 *       script {@code timing.py});</li>
 *   <li>{@link PairSet#ORDERED} — all p² ordered pairs (a, b), a-major.</li>
 * </ul>
 *
 * <p>Splits are seeded and reproducible: the k sample indices are shuffled by Fisher–Yates with
 * {@link SplittableRandom}(seed) — for i = k−1 down to 1, swap positions i and
 * {@code rng.nextInt(i + 1)} — and the shuffled list is cut in two. {@link #splitByTrainFraction}
 * takes the first round(f_s·k) shuffled samples for training (as {@code timing.py}: 492 of 703 at
 * p = 37, f_s = 0.7); {@link #splitByTestCount} takes the first m for testing and the rest for
 * training (as App. D / {@code timing.py}: 7 test pairs). Both keep the shuffled order inside each
 * part. The generator differs from numpy's and torch's, so the same seed does not give their split;
 * {@link #splitByPermutation} accepts an external permutation for that.
 */
public final class ModularAdditionData {
    /** Which (a, b) pairs the data set holds. */
    public enum PairSet {
        /** 0 ≤ a ≤ b &lt; p: k = p(p+1)/2 pairs (the paper's data set). */
        UNORDERED,
        /** All 0 ≤ a, b &lt; p: k = p² pairs. */
        ORDERED
    }

    /** A train/test split: the two batches and the indices (into {@link #all()}) they were taken from. */
    public record Split(PairBatch train, PairBatch test, int[] trainIndices, int[] testIndices) {
        @Override
        public int[] trainIndices() {
            return trainIndices.clone();
        }

        @Override
        public int[] testIndices() {
            return testIndices.clone();
        }
    }

    private final int p;
    private final PairSet pairSet;
    private final PairBatch all;

    private ModularAdditionData(int p, PairSet pairSet, PairBatch all) {
        this.p = p;
        this.pairSet = pairSet;
        this.all = all;
    }

    /** All pairs of the given set for modulus p ≥ 2. */
    public static ModularAdditionData create(int p, PairSet pairSet) {
        if (p < 2) throw new IllegalArgumentException("p must be at least 2, got " + p);
        int k = pairSet == PairSet.UNORDERED ? p * (p + 1) / 2 : p * p;
        int[] a = new int[k], b = new int[k], c = new int[k];
        int i = 0;
        for (int x = 0; x < p; x++) {
            for (int y = pairSet == PairSet.UNORDERED ? x : 0; y < p; y++) {
                a[i] = x;
                b[i] = y;
                c[i] = (x + y) % p;
                i++;
            }
        }
        return new ModularAdditionData(p, pairSet, new PairBatch(p, a, b, c));
    }

    public int modulus() {
        return p;
    }

    public PairSet pairSet() {
        return pairSet;
    }

    /** Number of samples k. */
    public int size() {
        return all.size();
    }

    /** Every sample, in the listing order of the class comment. */
    public PairBatch all() {
        return all;
    }

    /** A Fisher–Yates shuffle of 0..k−1 driven by SplittableRandom(seed) (see the class comment). */
    public static int[] shuffledIndices(int k, long seed) {
        int[] perm = new int[k];
        for (int i = 0; i < k; i++) perm[i] = i;
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = k - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
    }

    /**
     * Training set of the first round(f_s·k) shuffled samples, test set of the rest.
     *
     * @param trainFraction f_s ∈ [0, 1]
     */
    public Split splitByTrainFraction(double trainFraction, long seed) {
        if (!(trainFraction >= 0 && trainFraction <= 1))
            throw new IllegalArgumentException("train fraction must be in [0, 1], got " + trainFraction);
        int k = size();
        int trainCount = (int) Math.round(trainFraction * k);
        int[] perm = shuffledIndices(k, seed);
        return splitByPermutation(perm, trainCount, true);
    }

    /** Test set of the first {@code testCount} shuffled samples, training set of the rest (App. D: 7 test pairs). */
    public Split splitByTestCount(int testCount, long seed) {
        if (testCount < 0 || testCount > size())
            throw new IllegalArgumentException("test count must be in [0, " + size() + "], got " + testCount);
        return splitByPermutation(shuffledIndices(size(), seed), testCount, false);
    }

    /**
     * Cuts the permutation {@code perm} of 0..k−1 after {@code count} entries: the first part is the
     * training set when {@code firstIsTrain}, the test set otherwise.
     */
    public Split splitByPermutation(int[] perm, int count, boolean firstIsTrain) {
        int k = size();
        if (perm.length != k) throw new IllegalArgumentException("permutation length " + perm.length + " != k = " + k);
        boolean[] seen = new boolean[k];
        for (int v : perm) {
            if (v < 0 || v >= k || seen[v]) throw new IllegalArgumentException("not a permutation of 0.." + (k - 1));
            seen[v] = true;
        }
        if (count < 0 || count > k) throw new IllegalArgumentException("count must be in [0, " + k + "]");
        int[] first = java.util.Arrays.copyOfRange(perm, 0, count);
        int[] rest = java.util.Arrays.copyOfRange(perm, count, k);
        int[] train = firstIsTrain ? first : rest;
        int[] test = firstIsTrain ? rest : first;
        return new Split(all.select(train), all.select(test), train, test);
    }
}
