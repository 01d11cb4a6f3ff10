package org.grokbench.representation;

import org.grokbench.data.OperationTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of permissible parallelograms (Liu et al. 2022, Eq. 1): unordered pairs of distinct samples
 * (i, j) and (m, n) with the same label (i + j = m + n, or ≡ mod p for modular addition). Each one
 * stands for the equation E_i + E_j = E_m + E_n of Eq. (7), whose coefficient row over the p
 * embeddings is {@link #row}. Pairs are listed by ascending (first sample, second sample) index.
 *
 * <p>{@link #of(OperationTable, int[])} gives P₀(D) for a training set D; {@link #all(OperationTable)}
 * gives P₀ = P₀(D₀). For p = 10 without modulo |P₀| = 70 (Σ over sums s of C(n_s, 2), n_s the pairs i ≤ j with sum s).
 *
 * <p>On a {@link org.grokbench.data.GroupTable} the same pairs are the generalized parallelograms of
 * App. H: ordered samples (a, b) and (c, d) with a∘b = c∘d, standing for E_a·E_b = E_c·E_d. For S₃
 * each of the 6 labels has 6 samples, so |P₀| = 6·C(6, 2) = 90. {@link #row} and
 * {@link #equations} are the linear equations of the additive case (Eq. 7) and mean nothing for
 * a matrix product.
 */
public final class Parallelograms {
    private final OperationTable table;
    private final int[] firstSample, secondSample;

    private Parallelograms(OperationTable table, int[] firstSample, int[] secondSample) {
        this.table = table;
        this.firstSample = firstSample;
        this.secondSample = secondSample;
    }

    /** P₀(D): every pair of distinct samples of {@code samples} with equal labels. */
    public static Parallelograms of(OperationTable table, int[] samples) {
        int[] s = samples.clone();
        Arrays.sort(s);
        List<int[]> pairs = new ArrayList<>();
        for (int x = 0; x < s.length; x++)
            for (int y = x + 1; y < s.length; y++)
                if (s[x] != s[y] && table.label(s[x]) == table.label(s[y])) pairs.add(new int[] {s[x], s[y]});
        return fromPairs(table, pairs);
    }

    /** P₀ = P₀(D₀), every permissible parallelogram of the full data set. */
    public static Parallelograms all(OperationTable table) {
        int[] every = new int[table.size()];
        for (int i = 0; i < every.length; i++) every[i] = i;
        return of(table, every);
    }

    private static Parallelograms fromPairs(OperationTable table, List<int[]> pairs) {
        int[] a = new int[pairs.size()], b = new int[pairs.size()];
        for (int q = 0; q < a.length; q++) {
            a[q] = pairs.get(q)[0];
            b[q] = pairs.get(q)[1];
        }
        return new Parallelograms(table, a, b);
    }

    /** The subset of these parallelograms for which {@code keep[q]} is true. */
    public Parallelograms subset(boolean[] keep) {
        if (keep.length != size()) throw new IllegalArgumentException("mask length " + keep.length + " != " + size());
        List<int[]> pairs = new ArrayList<>();
        for (int q = 0; q < size(); q++) if (keep[q]) pairs.add(new int[] {firstSample[q], secondSample[q]});
        return fromPairs(table, pairs);
    }

    public OperationTable table() { return table; }

    /** |P|. */
    public int size() { return firstSample.length; }

    /** The sample (i, j) of parallelogram q. */
    public int firstSample(int q) { return firstSample[q]; }

    /** The sample (m, n) of parallelogram q. */
    public int secondSample(int q) { return secondSample[q]; }

    /** The symbols (i, j, m, n) of parallelogram q. */
    public int[] symbols(int q) {
        return new int[] {table.first(firstSample[q]), table.second(firstSample[q]),
                table.first(secondSample[q]), table.second(secondSample[q])};
    }

    /**
     * The coefficient row of E_i + E_j − E_m − E_n = 0 (additive composition only) over (E_0, …, E_{p−1}), written into
     * {@code out} (length p, overwritten). A diagonal sample (i, i) gives a coefficient 2.
     */
    public void row(int q, double[] out) {
        Arrays.fill(out, 0);
        out[table.first(firstSample[q])] += 1;
        out[table.second(firstSample[q])] += 1;
        out[table.first(secondSample[q])] -= 1;
        out[table.second(secondSample[q])] -= 1;
    }

    /** The |P| × p matrix A(P) of Eq. (7), one {@link #row} per parallelogram. */
    public double[][] equations() {
        double[][] a = new double[size()][table.symbols()];
        for (int q = 0; q < size(); q++) row(q, a[q]);
        return a;
    }

    /** True when the unordered sample pair {s, t} is one of these parallelograms. */
    public boolean contains(int s, int t) {
        int lo = Math.min(s, t), hi = Math.max(s, t);
        for (int q = 0; q < size(); q++) if (firstSample[q] == lo && secondSample[q] == hi) return true;
        return false;
    }
}
