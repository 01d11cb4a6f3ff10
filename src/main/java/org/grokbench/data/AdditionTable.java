package org.grokbench.data;

/**
 * The symbolic addition data set of the effective-theory paper (Liu et al. 2022, §2): every
 * unordered pair (i, j), 0 ≤ i ≤ j &lt; p, labelled c = i + j (addition without modulo, 2p − 1
 * classes) or c = (i + j) mod p (modular addition, p classes). i + j and j + i are one sample, so
 * the full set D₀ has p(p+1)/2 samples, listed i-major: (0,0), (0,1), …, (0,p−1), (1,1), …
 *
 * <p>Splits are the seeded ones of {@link OperationTable#split} (the paper's default for p = 10:
 * 45 / 10); {@code AdditionTable.Split} is the inherited {@link OperationTable.Split}.
 */
public final class AdditionTable implements OperationTable {
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
    @Override
    public int symbols() { return p; }

    public boolean isModular() { return modular; }

    /** |D₀| = p(p+1)/2. */
    @Override
    public int size() { return label.length; }

    /** Number of distinct labels: 2p − 1 without modulo, p with. */
    @Override
    public int classes() { return modular ? p : 2 * p - 1; }

    /** First operand i of sample s (i ≤ j). */
    @Override
    public int first(int s) { return first[s]; }

    /** Second operand j of sample s. */
    @Override
    public int second(int s) { return second[s]; }

    /** Label c of sample s. */
    @Override
    public int label(int s) { return label[s]; }

    /** The index of the sample (i, j) (either order). */
    public int indexOf(int i, int j) {
        if (i < 0 || j < 0 || i >= p || j >= p) throw new IllegalArgumentException("(" + i + ", " + j + ") outside [0, " + p + ")");
        int a = Math.min(i, j), b = Math.max(i, j);
        return a * p - a * (a - 1) / 2 + (b - a);
    }

    @Override
    public String toString() {
        return (modular ? "addition mod " : "addition, p = ") + p + " (" + size() + " samples)";
    }
}
