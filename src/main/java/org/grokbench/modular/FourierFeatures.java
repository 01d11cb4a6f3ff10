package org.grokbench.modular;

import org.grokbench.math.DenseKernels;

/**
 * Fourier features of an embedding matrix E ∈ ℝ^{p×d_h} (geometry-of-grokking §7.3.2, Fig. 6):
 * <pre>
 *   F_k = (1/p) Σ_{j=0}^{p−1} e^{−i2πjk/p} E_j,   k = 1, …, K = ⌊(p−1)/2⌋,
 *   Re F_k = (1/p) Σ_j cos(2πjk/p) E_j,   Im F_k = −(1/p) Σ_j sin(2πjk/p) E_j,
 * </pre>
 * E_j the j-th row of E (the embedding of residue j). Frequencies k and p − k describe the same
 * circle, so only k ≤ K are kept (for even p the Nyquist frequency p/2, a line not a circle, is
 * left out too).
 *
 * <p>Read-outs of Fig. 6: per frequency ‖Re F_k‖, ‖Im F_k‖ (equal for a round circle) and
 * cos(Re F_k, Im F_k) (0 when the circle's axes are orthogonal); the similarity matrix of the
 * absolute-value vectors ({@link #absoluteSimilarity}); the projection of the p embeddings on the
 * plane of (Re F_k, Im F_k), the position of each residue on that circle and the order
 * in which the residues appear around it.
 *
 * <p>Immutable; computed by a direct DFT in O(p²·d_h) (p ≤ a few hundred here).
 */
public final class FourierFeatures {
    private final int p;
    private final int dh;
    private final int kmax;
    private final double[][] re;   // [k-1][h]
    private final double[][] im;
    private final double[] e;      // copy of E
    private final double[] mean;   // Ē = F_0 (real), the mean embedding

    private FourierFeatures(int p, int dh, double[] e) {
        this.p = p;
        this.dh = dh;
        this.kmax = (p - 1) / 2;
        this.e = e.clone();
        this.re = new double[kmax][dh];
        this.im = new double[kmax][dh];
        this.mean = new double[dh];
        for (int j = 0; j < p; j++) for (int h = 0; h < dh; h++) mean[h] += e[j * dh + h] / p;
        for (int k = 1; k <= kmax; k++) {
            double[] r = re[k - 1], m = im[k - 1];
            for (int j = 0; j < p; j++) {
                // angle reduced mod p first so that it stays exact for large j·k
                double ang = 2 * Math.PI * ((long) j * k % p) / p;
                double cr = Math.cos(ang) / p, ci = -Math.sin(ang) / p;
                int o = j * dh;
                for (int h = 0; h < dh; h++) {
                    r[h] += cr * e[o + h];
                    m[h] += ci * e[o + h];
                }
            }
        }
    }

    /** Fourier features of E (p × d_h row-major; not modified, copied). */
    public static FourierFeatures of(double[] e, int p, int hidden) {
        if (p < 3) throw new IllegalArgumentException("need p ≥ 3 for a circle frequency");
        if (e.length != p * hidden) throw new IllegalArgumentException("E must have length p·d_h");
        return new FourierFeatures(p, hidden, e);
    }

    /** Fourier features of the embedding part of a {@link TwoLayerNetwork} parameter vector θ. */
    public static FourierFeatures ofNetwork(TwoLayerNetwork net, double[] theta) {
        int n = net.weightOffset();
        return of(java.util.Arrays.copyOf(theta, n), net.modulus(), net.hiddenWidth());
    }

    public int modulus() {
        return p;
    }

    /** K = ⌊(p−1)/2⌋, the number of frequencies 1..K. */
    public int frequencyCount() {
        return kmax;
    }

    private void check(int k) {
        if (k < 1 || k > kmax) throw new IllegalArgumentException("frequency must be in 1.." + kmax + ", got " + k);
    }

    /** Re F_k (new array, length d_h). */
    public double[] real(int k) {
        check(k);
        return re[k - 1].clone();
    }

    /** Im F_k (new array, length d_h). */
    public double[] imag(int k) {
        check(k);
        return im[k - 1].clone();
    }

    public double realNorm(int k) {
        check(k);
        return norm(re[k - 1]);
    }

    public double imagNorm(int k) {
        check(k);
        return norm(im[k - 1]);
    }

    /** |F_k| = √(‖Re F_k‖² + ‖Im F_k‖²). */
    public double norm(int k) {
        check(k);
        return Math.hypot(norm(re[k - 1]), norm(im[k - 1]));
    }

    /** cos∠(Re F_k, Im F_k); 0 when either part vanishes. */
    public double realImagCosine(int k) {
        check(k);
        return cosine(re[k - 1], im[k - 1]);
    }

    /** |F_k| for k = 1..K (index k − 1). */
    public double[] norms() {
        double[] n = new double[kmax];
        for (int k = 1; k <= kmax; k++) n[k - 1] = norm(k);
        return n;
    }

    /** The frequency k with the largest |F_k| (smallest k on ties). */
    public int dominantFrequency() {
        int best = 1;
        double bv = -1;
        for (int k = 1; k <= kmax; k++) {
            double v = norm(k);
            if (v > bv) {
                bv = v;
                best = k;
            }
        }
        return best;
    }

    /**
     * The 2K × 2K cosine-similarity matrix of the absolute-value vectors of Fig. 6 (bottom right):
     * with v_{2(k−1)} = |Re F_k| and v_{2(k−1)+1} = |Im F_k| (absolute value taken entry by entry over
     * the d_h hidden units), S[s][t] = ⟨v_s, v_t⟩ / (‖v_s‖‖v_t‖), 0 when a vector is zero. Entries are
     * in [0, 1] since the vectors are nonnegative; a circle that uses its own subset of hidden units
     * shows as a bright 2 × 2 block on the diagonal and dark elsewhere.
     */
    public double[][] absoluteSimilarity() {
        int n = 2 * kmax;
        double[][] v = new double[n][dh];
        for (int k = 0; k < kmax; k++) {
            for (int h = 0; h < dh; h++) {
                v[2 * k][h] = Math.abs(re[k][h]);
                v[2 * k + 1][h] = Math.abs(im[k][h]);
            }
        }
        double[][] s = new double[n][n];
        for (int a = 0; a < n; a++) for (int b = a; b < n; b++) s[a][b] = s[b][a] = cosine(v[a], v[b]);
        return s;
    }

    /**
     * Projection of the centred embeddings E_j − Ē on the plane of (Re F_k, Im F_k): returns p × 2
     * coordinates (x_j, y_j) = (⟨E_j − Ē, u⟩, ⟨E_j − Ē, v⟩) with u = Re F_k/‖Re F_k‖ and v the unit
     * vector of Im F_k orthogonalized against u (Gram–Schmidt; v = Im F_k/‖Im F_k‖ when the two are
     * already orthogonal). Ē = F_0 is the mean embedding. A degenerate plane gives zero coordinates
     * on the missing axis.
     */
    public double[][] circleProjection(int k) {
        check(k);
        double[] u = re[k - 1].clone(), v = im[k - 1].clone();
        double nu = norm(u);
        if (nu > 0) for (int h = 0; h < dh; h++) u[h] /= nu;
        double d = nu > 0 ? DenseKernels.dot(v, 0, u, 0, dh) : 0;
        for (int h = 0; h < dh; h++) v[h] -= d * u[h];
        double nv = norm(v);
        if (nv > 0) for (int h = 0; h < dh; h++) v[h] /= nv;
        double[][] xy = new double[p][2];
        double[] c = new double[dh];
        for (int j = 0; j < p; j++) {
            for (int h = 0; h < dh; h++) c[h] = e[j * dh + h] - mean[h];
            xy[j][0] = nu > 0 ? DenseKernels.dot(c, 0, u, 0, dh) : 0;
            xy[j][1] = nv > 0 ? DenseKernels.dot(c, 0, v, 0, dh) : 0;
        }
        return xy;
    }

    /** ψ_j = atan2(−y_j, x_j) − ψ_0 in [0, 2π) for the projection of {@link #circleProjection}. */
    private double[] angles(int k) {
        double[][] xy = circleProjection(k);
        double[] ang = new double[p];
        double a0 = Math.atan2(-xy[0][1], xy[0][0]);
        for (int j = 1; j < p; j++) {
            double a = (Math.atan2(-xy[j][1], xy[j][0]) - a0) % (2 * Math.PI);
            ang[j] = a < 0 ? a + 2 * Math.PI : a;
        }
        return ang;
    }

    /**
     * Where each residue sits on the circle of frequency k, in units of 2π/p: slot_j =
     * round(ψ_j·p/2π) mod p, with ψ_j = atan2(−y_j, x_j) − ψ_0 the angle of the projection
     * ({@link #circleProjection}) measured from residue 0. The sign of y follows the e^{−i2πjk/p} of
     * F_k: for a perfect circle E_j = cos(2πjk/p)a + sin(2πjk/p)b one gets Re F_k = a/2,
     * Im F_k = −b/2 and ψ_j = 2πjk/p, so slot_j = j·k mod p — residue j at position jk, the paper's
     * "order {0, k, 2k, …} mod p" ({@link #expectedSlots}).
     */
    public int[] circleSlots(int k) {
        double[] ang = angles(k);
        int[] slot = new int[p];
        for (int j = 0; j < p; j++) slot[j] = (int) (Math.round(ang[j] * p / (2 * Math.PI)) % p);
        return slot;
    }

    /**
     * The residues in the order met when walking around the circle of frequency k from residue 0
     * (increasing ψ_j, see {@link #circleSlots}; ties by residue). For a perfect circle this is
     * 0, k⁻¹, 2k⁻¹, … mod p ({@link #expectedCircleOrder}): the neighbours of residue j on the circle
     * are j ± k⁻¹.
     */
    public int[] circleOrder(int k) {
        double[] ang = angles(k);
        Integer[] idx = new Integer[p];
        for (int j = 0; j < p; j++) idx[j] = j;
        java.util.Arrays.sort(idx, (x, y) -> {
            int cmp = Double.compare(ang[x], ang[y]);
            return cmp != 0 ? cmp : Integer.compare(x, y);
        });
        int[] order = new int[p];
        for (int j = 0; j < p; j++) order[j] = idx[j];
        return order;
    }

    /** slot_j = j·k mod p of a perfect circle of frequency k. */
    public static int[] expectedSlots(int p, int k) {
        int[] o = new int[p];
        for (int j = 0; j < p; j++) o[j] = (int) ((long) j * k % p);
        return o;
    }

    /**
     * The walk 0, k⁻¹, 2k⁻¹, … mod p around a perfect circle of frequency k.
     *
     * @throws IllegalArgumentException when gcd(k, p) ≠ 1 (the circle then has fewer than p points)
     */
    public static int[] expectedCircleOrder(int p, int k) {
        int inv = -1;
        for (int x = 1; x < p; x++) {
            if ((long) x * k % p == 1) {
                inv = x;
                break;
            }
        }
        if (inv < 0) throw new IllegalArgumentException("k = " + k + " has no inverse mod " + p);
        int[] o = new int[p];
        for (int t = 0; t < p; t++) o[t] = (int) ((long) t * inv % p);
        return o;
    }

    private static double norm(double[] v) {
        return Math.sqrt(DenseKernels.dot(v, 0, v, 0, v.length));
    }

    private static double cosine(double[] a, double[] b) {
        double na = norm(a), nb = norm(b);
        if (na == 0 || nb == 0) return 0;
        return DenseKernels.dot(a, 0, b, 0, a.length) / (na * nb);
    }
}
