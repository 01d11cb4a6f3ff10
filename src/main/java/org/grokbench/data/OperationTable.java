package org.grokbench.data;

import org.grokbench.modular.ModularAdditionData;

import java.util.Arrays;

/**
 * A binary-operation table the toy model of the effective-theory paper trains on (Liu et al. 2022,
 * §2 and App. H): samples s = (first(s), second(s)) over {@link #symbols()} symbols, each labelled
 * with the result of the operation. {@link AdditionTable} is addition (unordered pairs, i + j);
 * {@link GroupTable} is a finite group (ordered pairs, a∘b), e.g. the permutation group S₃.
 *
 * <p>Splits are seeded and shared by every table: the sample indices are shuffled by
 * {@link ModularAdditionData#shuffledIndices} (Fisher–Yates on SplittableRandom) and the first
 * {@code trainCount} form the training set D, the rest the validation set D′.
 */
public interface OperationTable {
    /** A training/validation split: indices into the table's samples, each sorted ascending. */
    record Split(int[] train, int[] validation) {
        public Split {
            train = train.clone();
            validation = validation.clone();
        }

        @Override public int[] train() { return train.clone(); }

        @Override public int[] validation() { return validation.clone(); }

        /** Training data fraction |D| / |D₀|. */
        public double trainFraction() { return train.length / (double) (train.length + validation.length); }
    }

    /** Number of symbols (= number of embeddings). */
    int symbols();

    /** |D₀|, the number of samples. */
    int size();

    /** Number of distinct labels. */
    int classes();

    /** First operand of sample s. */
    int first(int s);

    /** Second operand of sample s. */
    int second(int s);

    /** Label (result of the operation) of sample s. */
    int label(int s);

    /** A seeded split with {@code trainCount} training samples (0 ≤ trainCount ≤ |D₀|). */
    default Split split(int trainCount, long seed) {
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
    default Split splitOf(int[] train) {
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
}
