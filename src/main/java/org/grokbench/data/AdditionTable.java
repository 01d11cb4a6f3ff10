package org.grokbench.data;

import org.grokbench.modular.ModularAdditionData;

import java.util.Arrays;

/**
 * The symbolic addition data set of the effective-theory paper (Liu et al. 2022, §2): every
 * unordered pair (i, j), 0 ≤ i ≤ j &lt; p, labelled c = i + j (addition without modulo, 2p − 1
 * classes) or c = (i + j) mod p (modular addition, p classes). i + j and j + i are one sample, so
 * the full set D₀ has p(p+1)/2 samples, listed i-major: (0,0), (0,1), …, (0,p−1), (1,1), …
 *
 * <p>Splits are seeded: the sample indices are shuffled by {@link ModularAdditionData#shuffledIndices}
 * (Fisher–Yates on SplittableRandom) and the first {@code trainCount} form the training set D, the
 * rest the validation set D′ (the paper's default for p = 10: 45 / 10).
 */
public final class AdditionTable {
    /** A training/validation split: indices into the table's samples, each sorted ascending. */
    public record Split(int[] train, int[] validation) {
        public Split {
            train = train.clone();
            validation = validation.clone();
        }

        @Override public int[] train() { return train.clone(); }

        @Override public int[] validation() { return validation.clone(); }

        /** Training data fraction |D| / |D₀|. */
        public double trainFraction() { return train.length / (double) (train.length + validation.length); }
    }

    private final int p;
    private final boolean modular;
    private final int[] first, second, label;

    private AdditionTable(int p, boolean modular) {
        this.p = p;
        this.modular = modular;
        int k = p * (p + 1) / 2;
        first = new int[k];
        second = new int[k];
        label = new int[k];
        int s = 0;
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                first[s] = i;
                second[s] = j;
                label[s] = modular ? (i + j) % p : i + j;
                s++;
            }
        }
    }

    /** Addition without modulo over {0, …, p−1}; p ≥ 2. */
    public static AdditionTable addition(int p) {
        if (p < 2) throw new IllegalArgumentException("p must be at least 2, got " + p);
        return new AdditionTable(p, false);
    }

    /** Addition modulo p over {0, …, p−1}; p ≥ 2. */
    public static AdditionTable modular(int p) {
        if (p < 2) throw new IllegalArgumentException("p must be at least 2, got " + p);
        return new AdditionTable(p, true);
    }

    /** Number of symbols p (= number of embeddings). */
    public int symbols() { return p; }

    public boolean isModular() { return modular; }

    /** |D₀| = p(p+1)/2. */
    public int size() { return label.length; }

    /** Number of distinct labels: 2p − 1 without modulo, p with. */
    public int classes() { return modular ? p : 2 * p - 1; }

    /** First operand i of sample s (i ≤ j). */
    public int first(int s) { return first[s]; }

    /** Second operand j of sample s. */
    public int second(int s) { return second[s]; }

    /** Label c of sample s. */
    public int label(int s) { return label[s]; }

    /** The index of the sample (i, j) (either order). */
    public int indexOf(int i, int j) {
        if (i < 0 || j < 0 || i >= p || j >= p) throw new IllegalArgumentException("(" + i + ", " + j + ") outside [0, " + p + ")");
        int a = Math.min(i, j), b = Math.max(i, j);
        return a * p - a * (a - 1) / 2 + (b - a);
    }

    /** A seeded split with {@code trainCount} training samples (0 ≤ trainCount ≤ |D₀|). */
    public Split split(int trainCount, long seed) {
        if (trainCount < 0 || trainCount > size())
            throw new IllegalArgumentException("train count must be in [0, " + size() + "], got " + trainCount);
        int[] perm = ModularAdditionData.shuffledIndices(size(), seed);
        int[] train = Arrays.copyOfRange(perm, 0, trainCount);
        int[] val = Arrays.copyOfRange(perm, trainCount, perm.length);
        Arrays.sort(train);
        Arrays.sort(val);
        return new Split(train, val);
    }

    /** The split whose training set is exactly {@code train} (indices into the table). */
    public Split splitOf(int[] train) {
        boolean[] in = new boolean[size()];
        for (int s : train) {
            if (s < 0 || s >= size() || in[s]) throw new IllegalArgumentException("bad or repeated sample index " + s);
            in[s] = true;
        }
        int[] t = train.clone();
        Arrays.sort(t);
        int[] v = new int[size() - t.length];
        int n = 0;
        for (int s = 0; s < size(); s++) if (!in[s]) v[n++] = s;
        return new Split(t, v);
    }

    @Override
    public String toString() {
        return (modular ? "addition mod " : "addition, p = ") + p + " (" + size() + " samples)";
    }
}
