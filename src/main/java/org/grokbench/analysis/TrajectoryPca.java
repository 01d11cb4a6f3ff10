package org.grokbench.analysis;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.grokbench.math.VecOps;

/**
 * PCA of a training trajectory (predicting-grokking App. G.4, Fig. 12; Li et al. 2018 §7): the
 * matrix M = [θ_t − θ_T] of the recorded parameter rows minus the last one, centred column-wise
 * as PCA does, and its two leading principal directions v₁, v₂ with their explained-variance
 * ratios. Projecting θ_t − θ_T on them gives the path (α(t), β(t)); the paper reports > 98 % of
 * the variance in the first two modes.
 *
 * <p>d is large (thousands) and the rows are few (history keeps hundreds of parameter rows), so
 * the eigenproblem is solved on the n × n Gram matrix M Mᵀ and the directions recovered as
 * Mᵀu/‖Mᵀu‖. Rows beyond {@link #MAX_BASIS_ROWS} are subsampled evenly for the basis (the path
 * still projects every row): the cost is O(n²d) and stays well under a second.
 */
public final class TrajectoryPca {
    /** At most this many rows enter the Gram matrix. */
    public static final int MAX_BASIS_ROWS = 150;

    private final double[] last;
    private final double[] first;
    private final double[] second;
    private final double firstRatio;
    private final double secondRatio;
    private final double[] alpha;
    private final double[] beta;

    /**
     * @param rows parameter rows θ_0 … θ_T in step order (not modified); at least 2, equal lengths
     */
    public TrajectoryPca(double[][] rows) {
        int n = rows.length;
        if (n < 2) throw new IllegalArgumentException("trajectory PCA needs at least 2 parameter rows, got " + n);
        int d = rows[0].length;
        double[] last = rows[n - 1];
        this.last = last.clone();
        int[] pick = evenlySpaced(n, Math.min(n, MAX_BASIS_ROWS));
        int k = pick.length;
        double[][] m = new double[k][d];
        double[] mean = new double[d];
        for (int i = 0; i < k; i++) {
            double[] r = rows[pick[i]];
            if (r.length != d) throw new IllegalArgumentException("row " + pick[i] + " has length " + r.length + ", expected " + d);
            for (int j = 0; j < d; j++) {
                m[i][j] = r[j] - last[j];
                mean[j] += m[i][j] / k;
            }
        }
        for (double[] r : m) for (int j = 0; j < d; j++) r[j] -= mean[j];
        DMatrixRMaj gram = new DMatrixRMaj(k, k);
        double total = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double g = VecOps.dot(m[i], m[j]);
                gram.set(i, j, g);
                gram.set(j, i, g);
            }
            total += gram.get(i, i);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, true, true);
        if (!eig.decompose(gram)) throw new IllegalStateException("eigendecomposition of the trajectory Gram matrix failed");
        int[] order = twoLargest(eig, k);
        this.first = direction(m, eig.getEigenVector(order[0]), d);
        this.second = order[1] < 0 ? new double[d] : direction(m, eig.getEigenVector(order[1]), d);
        this.firstRatio = total > 0 ? Math.max(0, eig.getEigenvalue(order[0]).real) / total : 0;
        this.secondRatio = total > 0 && order[1] >= 0 ? Math.max(0, eig.getEigenvalue(order[1]).real) / total : 0;
        this.alpha = new double[n];
        this.beta = new double[n];
        for (int t = 0; t < n; t++) {
            double[] ab = project(rows[t]);
            alpha[t] = ab[0];
            beta[t] = ab[1];
        }
    }

    private static int[] evenlySpaced(int n, int k) {
        int[] idx = new int[k];
        for (int i = 0; i < k; i++) idx[i] = (int) Math.round((double) i * (n - 1) / Math.max(1, k - 1));
        return idx;
    }

    private static int[] twoLargest(EigenDecomposition_F64<DMatrixRMaj> eig, int k) {
        int a = -1, b = -1;
        for (int i = 0; i < k; i++) {
            double v = eig.getEigenvalue(i).real;
            if (a < 0 || v > eig.getEigenvalue(a).real) {
                b = a;
                a = i;
            } else if (b < 0 || v > eig.getEigenvalue(b).real) {
                b = i;
            }
        }
        return new int[]{a, b};
    }

    /** Mᵀu normalized; the zero vector when u spans no variance. */
    private static double[] direction(double[][] m, DMatrixRMaj u, int d) {
        double[] v = new double[d];
        for (int i = 0; i < m.length; i++) VecOps.axpy(u.get(i), m[i], v);
        double norm = VecOps.norm(v);
        if (norm > 0) for (int j = 0; j < d; j++) v[j] /= norm;
        return v;
    }

    /**
     * (α, β) = ((θ − θ_T)·v₁, (θ − θ_T)·v₂) of any point θ of the parameter space: how another path
     * (the predicted slow flow) is drawn in this trajectory's plane. A recorded row projects onto
     * its own (α(t), β(t)).
     */
    public double[] project(double[] theta) {
        if (theta.length != last.length)
            throw new IllegalArgumentException("θ has length " + theta.length + ", expected " + last.length);
        double a = 0, b = 0;
        for (int j = 0; j < last.length; j++) {
            double x = theta[j] - last[j];
            a += x * first[j];
            b += x * second[j];
        }
        return new double[] {a, b};
    }

    /** v₁, the leading principal direction (unit, new array). */
    public double[] firstDirection() { return first.clone(); }

    /** v₂ (unit, orthogonal to v₁; zero when the trajectory is a straight line). */
    public double[] secondDirection() { return second.clone(); }

    /** Fraction of the trajectory's variance along v₁. */
    public double firstRatio() { return firstRatio; }

    /** Fraction along v₂. */
    public double secondRatio() { return secondRatio; }

    /** α(t) = (θ_t − θ_T)·v₁ for every row (new array). */
    public double[] alpha() { return alpha.clone(); }

    /** β(t) = (θ_t − θ_T)·v₂ for every row (new array). */
    public double[] beta() { return beta.clone(); }
}
