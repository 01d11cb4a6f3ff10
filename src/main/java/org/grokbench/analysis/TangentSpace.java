package org.grokbench.analysis;

import org.grokbench.math.VecOps;

/**
 * The orthogonal projector P_T onto the tangent space T_p of Z at a point p (Def. 4.12; by
 * Lemma C.1 the null space of J = ∇𝓕(p)), so that P_T = I − J⁺J, the operator of App. D eq. (29).
 *
 * <p>It is stored through whichever orthonormal basis is smaller: the tangent basis t_1..t_s,
 * P_T v = Σ t_i (t_iᵀv), or the normal basis n_1..n_r of N_p = T_p^⊥ (Def. C.3),
 * P_T v = v − Σ n_i (n_iᵀv). For a network with d parameters and km ≪ d constraints the normal
 * basis (r ≤ km rows) is the cheap one; for the 2-D and 3-D toys it does not matter.
 *
 * <p>Immutable. {@link #project(double[], double[])} allocates at most a coefficient array of
 * length dim T (only in the tangent-basis form, which is chosen when that basis is the small one).
 */
public final class TangentSpace {
    private final int d;
    private final double[][] rows;
    private final boolean rowsAreTangent;

    private TangentSpace(int d, double[][] rows, boolean rowsAreTangent) {
        this.d = d;
        this.rows = rows;
        this.rowsAreTangent = rowsAreTangent;
    }

    /** T = span of the given orthonormal rows (each of length d; not copied, not modified later). */
    public static TangentSpace spannedBy(double[][] tangentRows, int d) {
        return new TangentSpace(d, tangentRows, true);
    }

    /** T = orthogonal complement of the span of the given orthonormal rows (the normal space). */
    public static TangentSpace complementOf(double[][] normalRows, int d) {
        return new TangentSpace(d, normalRows, false);
    }

    /** Ambient dimension d. */
    public int ambientDimension() {
        return d;
    }

    /** dim T_p. */
    public int dimension() {
        return rowsAreTangent ? rows.length : d - rows.length;
    }

    /** Writes P_T v into {@code out} (length d; may be the same array as v). */
    public void project(double[] v, double[] out) {
        if (rowsAreTangent) {
            double[] coef = new double[rows.length]; // first, so that out may alias v
            for (int k = 0; k < rows.length; k++) coef[k] = VecOps.dot(rows[k], v);
            java.util.Arrays.fill(out, 0, d, 0);
            for (int k = 0; k < rows.length; k++) VecOps.axpy(coef[k], rows[k], out);
        } else {
            if (out != v) System.arraycopy(v, 0, out, 0, d);
            // Modified Gram-Schmidt style removal: same result for orthonormal rows, more stable.
            for (double[] n : rows) VecOps.axpy(-VecOps.dot(n, out), n, out);
        }
    }

    /** Returns P_T v as a new array. */
    public double[] project(double[] v) {
        double[] out = new double[d];
        project(v, out);
        return out;
    }

    /** Returns the normal part v − P_T v as a new array. */
    public double[] normalPart(double[] v) {
        double[] out = project(v);
        for (int i = 0; i < d; i++) out[i] = v[i] - out[i];
        return out;
    }
}
