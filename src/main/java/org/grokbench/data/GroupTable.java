package org.grokbench.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The full operation table of a finite group G (Liu et al. 2022, App. H): every ordered pair
 * (a, b) ∈ G × G is a sample labelled c = a∘b, so |D₀| = |G|² and there are |G| classes. Ordered
 * pairs because a∘b ≠ b∘a in a non-abelian group; samples are listed a-major, s = a·|G| + b.
 *
 * <p>{@link #symmetric(int)} is the permutation group S_n, its elements the permutations of
 * {0, …, n−1} in lexicographic order (element 0 is the identity) and a∘b = "b first, then a",
 * (a∘b)(x) = a(b(x)), so that the permutation matrices P_g (P_g e_x = e_{g(x)}) satisfy
 * P_a·P_b = P_{a∘b}: a representation in the sense of the paper's Eq. (28). S₃ has 6 elements and
 * 36 samples; the paper trains on 24 of them.
 *
 * <p>The constructor checks the group axioms (closure, associativity, identity, inverses), so an
 * instance is a group. Immutable.
 */
public final class GroupTable implements OperationTable {
    private final String name;
    private final int n;
    private final int[][] product;
    private final int[][] permutations;   // element g as a permutation, or null
    private final int identity;
    private final int[] inverse;

    /**
     * A group from its Cayley table: {@code product[a][b]} = a∘b over elements 0..n−1.
     *
     * @throws IllegalArgumentException when the table is not a group
     */
    public GroupTable(String name, int[][] product) {
        this(name, product, null);
    }

    private GroupTable(String name, int[][] product, int[][] permutations) {
        int n = product.length;
        if (n < 1) throw new IllegalArgumentException("a group needs at least one element");
        this.name = name;
        this.n = n;
        this.product = new int[n][];
        for (int a = 0; a < n; a++) {
            if (product[a].length != n) throw new IllegalArgumentException("row " + a + " has " + product[a].length + " entries, expected " + n);
            this.product[a] = product[a].clone();
            for (int c : product[a]) if (c < 0 || c >= n) throw new IllegalArgumentException("not closed: product " + c + " outside [0, " + n + ")");
        }
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++)
                for (int c = 0; c < n; c++)
                    if (this.product[this.product[a][b]][c] != this.product[a][this.product[b][c]])
                        throw new IllegalArgumentException("not associative at (" + a + ", " + b + ", " + c + ")");
        int e = -1;
        for (int g = 0; g < n && e < 0; g++) {
            boolean neutral = true;
            for (int a = 0; a < n && neutral; a++) neutral = this.product[g][a] == a && this.product[a][g] == a;
            if (neutral) e = g;
        }
        if (e < 0) throw new IllegalArgumentException("no identity element");
        identity = e;
        inverse = new int[n];
        for (int a = 0; a < n; a++) {
            int inv = -1;
            for (int b = 0; b < n && inv < 0; b++) if (this.product[a][b] == e && this.product[b][a] == e) inv = b;
            if (inv < 0) throw new IllegalArgumentException("element " + a + " has no inverse");
            inverse[a] = inv;
        }
        this.permutations = permutations;
    }

    /** The symmetric group S_n (2 ≤ n ≤ 4): permutations of {0, …, n−1}, lexicographic, a∘b = a after b. */
    public static GroupTable symmetric(int n) {
        if (n < 2 || n > 4) throw new IllegalArgumentException("n must be in [2, 4], got " + n);
        List<int[]> perms = new ArrayList<>();
        permute(new int[n], new boolean[n], 0, perms);
        int m = perms.size();
        int[][] product = new int[m][m];
        for (int a = 0; a < m; a++)
            for (int b = 0; b < m; b++) {
                int[] c = new int[n];
                for (int x = 0; x < n; x++) c[x] = perms.get(a)[perms.get(b)[x]];
                product[a][b] = indexOf(perms, c);
            }
        return new GroupTable("S" + n, product, perms.toArray(new int[0][]));
    }

    /** The permutation group S₃ of App. H (6 elements, 36 samples). */
    public static GroupTable s3() { return symmetric(3); }

    /** The cyclic group Z_n (addition mod n on ordered pairs); abelian, for comparisons. */
    public static GroupTable cyclic(int n) {
        if (n < 1) throw new IllegalArgumentException("n must be at least 1, got " + n);
        int[][] product = new int[n][n];
        for (int a = 0; a < n; a++) for (int b = 0; b < n; b++) product[a][b] = (a + b) % n;
        return new GroupTable("Z" + n, product);
    }

    private static void permute(int[] cur, boolean[] used, int k, List<int[]> out) {
        if (k == cur.length) {
            out.add(cur.clone());
            return;
        }
        for (int v = 0; v < cur.length; v++) {
            if (used[v]) continue;
            used[v] = true;
            cur[k] = v;
            permute(cur, used, k + 1, out);
            used[v] = false;
        }
    }

    private static int indexOf(List<int[]> perms, int[] p) {
        for (int i = 0; i < perms.size(); i++) if (Arrays.equals(perms.get(i), p)) return i;
        throw new IllegalStateException("not a permutation: " + Arrays.toString(p));
    }

    public String name() { return name; }

    /** |G|. */
    public int order() { return n; }

    /** a∘b. */
    public int compose(int a, int b) { return product[a][b]; }

    public int identity() { return identity; }

    /** a⁻¹. */
    public int inverse(int a) { return inverse[a]; }

    /** True when a∘b = b∘a for all a, b. */
    public boolean isAbelian() {
        for (int a = 0; a < n; a++) for (int b = 0; b < n; b++) if (product[a][b] != product[b][a]) return false;
        return true;
    }

    /** Element g as a permutation of {0, …, k−1} (a copy); only for {@link #symmetric} groups. */
    public int[] permutation(int g) {
        if (permutations == null) throw new IllegalStateException(name + " is not given by permutations");
        return permutations[g].clone();
    }

    /** True for the groups of {@link #symmetric}, whose elements are permutations. */
    public boolean hasPermutations() { return permutations != null; }

    @Override public int symbols() { return n; }

    /** |D₀| = |G|². */
    @Override public int size() { return n * n; }

    @Override public int classes() { return n; }

    @Override public int first(int s) { return s / n; }

    @Override public int second(int s) { return s % n; }

    @Override public int label(int s) { return product[s / n][s % n]; }

    /** The index of the sample (a, b) (order matters). */
    public int indexOf(int a, int b) {
        if (a < 0 || b < 0 || a >= n || b >= n) throw new IllegalArgumentException("(" + a + ", " + b + ") outside [0, " + n + ")");
        return a * n + b;
    }

    @Override
    public String toString() { return "group " + name + " (" + n + " elements, " + size() + " samples)"; }
}
