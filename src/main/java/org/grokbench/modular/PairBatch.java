package org.grokbench.modular;

import java.util.Arrays;

/**
 * A batch of k modular-addition samples (a_i, b_i, c_i), c_i = (a_i + b_i) mod p, in the sparse form
 * the kernels use: the input row X_i = e_{a_i} + e_{b_i} is kept as the index pair (a_i, b_i) (so X E
 * is a gather-add of two rows of E and Xᵀ G a scatter-add), the target Y_i = e_{c_i} as the index
 * c_i. Immutable: the accessors return copies; the package-private fields are read directly by the
 * kernels of this package.
 */
public final class PairBatch {
    final int p;
    final int[] a;
    final int[] b;
    final int[] c;

    PairBatch(int p, int[] a, int[] b, int[] c) {
        if (a.length != b.length || a.length != c.length) throw new IllegalArgumentException("index arrays differ in length");
        this.p = p;
        this.a = a;
        this.b = b;
        this.c = c;
    }

    /**
     * A batch from explicit pairs; c_i = (a_i + b_i) mod p is computed here.
     *
     * @throws IllegalArgumentException when an index is outside [0, p)
     */
    public static PairBatch of(int p, int[] a, int[] b) {
        if (p < 2) throw new IllegalArgumentException("p must be at least 2, got " + p);
        if (a.length != b.length) throw new IllegalArgumentException("a and b differ in length");
        int[] c = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            if (a[i] < 0 || a[i] >= p || b[i] < 0 || b[i] >= p)
                throw new IllegalArgumentException("pair " + i + " = (" + a[i] + ", " + b[i] + ") outside [0, " + p + ")");
            c[i] = (a[i] + b[i]) % p;
        }
        return new PairBatch(p, a.clone(), b.clone(), c);
    }

    /** The modulus p (= input and output dimension). */
    public int modulus() {
        return p;
    }

    /** Number of samples k. */
    public int size() {
        return a.length;
    }

    public int a(int i) {
        return a[i];
    }

    public int b(int i) {
        return b[i];
    }

    /** Target class c_i = (a_i + b_i) mod p. */
    public int c(int i) {
        return c[i];
    }

    public int[] firstOperands() {
        return a.clone();
    }

    public int[] secondOperands() {
        return b.clone();
    }

    public int[] targets() {
        return c.clone();
    }

    /** The dense input X (k × p row-major, X_i = e_{a_i} + e_{b_i}; a diagonal pair a = b gives a 2). */
    public double[] denseInputs() {
        double[] x = new double[a.length * p];
        for (int i = 0; i < a.length; i++) {
            x[i * p + a[i]] += 1;
            x[i * p + b[i]] += 1;
        }
        return x;
    }

    /** The dense one-hot target Y (k × p row-major, Y_i = e_{c_i}). */
    public double[] denseTargets() {
        double[] y = new double[a.length * p];
        for (int i = 0; i < a.length; i++) y[i * p + c[i]] = 1;
        return y;
    }

    /** The sub-batch of the given rows (in that order). */
    public PairBatch select(int[] rows) {
        int[] sa = new int[rows.length], sb = new int[rows.length], sc = new int[rows.length];
        for (int t = 0; t < rows.length; t++) {
            sa[t] = a[rows[t]];
            sb[t] = b[rows[t]];
            sc[t] = c[rows[t]];
        }
        return new PairBatch(p, sa, sb, sc);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PairBatch other && p == other.p && Arrays.equals(a, other.a)
                && Arrays.equals(b, other.b) && Arrays.equals(c, other.c);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * p + Arrays.hashCode(a)) + Arrays.hashCode(b)) + Arrays.hashCode(c);
    }

    @Override
    public String toString() {
        return "PairBatch[p=" + p + ", k=" + a.length + "]";
    }
}
