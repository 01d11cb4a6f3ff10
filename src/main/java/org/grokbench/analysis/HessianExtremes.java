package org.grokbench.analysis;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.grokbench.math.VecOps;

import java.util.SplittableRandom;

/**
 * λ_max and λ_min of the Hessian of the training loss (predicting-grokking §4, App. G.3, Fig. 11)
 * by the Lanczos method on Hessian-vector products: m products build a Krylov basis Q and the
 * tridiagonal T = QᵀHQ, whose extreme eigenvalues (Ritz values) converge to the extreme
 * eigenvalues of H from the inside, fastest of all the spectrum. No dense Hessian is formed, so the
 * cost is 2m gradients and O(m·d) memory whatever d is.
 *
 * <p>Every new Lanczos vector is orthogonalized again against the whole basis (twice): plain
 * Lanczos loses orthogonality once a Ritz value converges and then reports it twice ("ghosts").
 * The residual ‖HQs − θQs‖ = β_m |s_m| of each extreme Ritz pair is returned, so a reader can see how
 * far a value may be from the truth. The start vector is drawn from a fixed seed: same θ, same
 * numbers.
 *
 * <p>Owns its buffers: one instance per thread.
 */
public final class HessianExtremes {
    /** Default Krylov dimension: enough for the extremes of the networks here to ~1e-6 relative. */
    public static final int DEFAULT_ITERATIONS = 40;

    /**
     * @param max          largest Ritz value (≈ λ_max of H)
     * @param min          smallest Ritz value (≈ λ_min of H)
     * @param maxResidual  ‖Hy − λy‖ for the Ritz vector y of {@code max}: |λ_max − max| ≤ this
     * @param minResidual  the same for {@code min}
     * @param iterations   the Krylov dimension reached (less than asked when an invariant subspace closed)
     * @param products     Hessian-vector products used
     */
    public record Reading(double max, double min, double maxResidual, double minResidual, int iterations, int products) {
        /** λ_min / λ_max: the paper's "condition number" (Li et al. 2018): near 0 for a convex-looking region, negative with negative curvature. */
        public double ratio() {
            return min / max;
        }
    }

    private final HessianProduct hv;
    private final int maxIterations;
    private final long seed;
    private final double[][] basis;
    private final double[] w;

    public HessianExtremes(LossSurface surface) {
        this(surface, DEFAULT_ITERATIONS, 1);
    }

    /**
     * @param iterations Krylov dimension m (capped at d), at least 2
     * @param seed       seed of the start vector
     */
    public HessianExtremes(LossSurface surface, int iterations, long seed) {
        if (iterations < 2) throw new IllegalArgumentException("iterations must be at least 2, got " + iterations);
        this.hv = new HessianProduct(surface);
        int d = surface.dimension();
        this.maxIterations = Math.min(iterations, d);
        this.seed = seed;
        this.basis = new double[maxIterations + 1][];
        this.w = new double[d];
    }

    /** Reads the extremes of H(θ); θ unchanged. */
    public Reading measure(double[] theta) {
        int d = theta.length;
        int before = hv.products();
        double[] q = vector(0, d);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < d; i++) q[i] = rng.nextGaussian();
        scale(q, 1 / VecOps.norm(q));
        double[] alpha = new double[maxIterations];
        double[] beta = new double[maxIterations];
        int m = 0;
        double lastBeta = 0;
        for (int j = 0; j < maxIterations; j++) {
            hv.apply(theta, basis[j], w);
            alpha[j] = VecOps.dot(basis[j], w);
            m = j + 1;
            for (int pass = 0; pass < 2; pass++) {
                for (int k = 0; k <= j; k++) VecOps.axpy(-VecOps.dot(basis[k], w), basis[k], w);
            }
            lastBeta = VecOps.norm(w);
            // An invariant subspace: T's eigenvalues are exact eigenvalues of H; stop.
            if (lastBeta <= 1e-12 * Math.max(1, Math.abs(alpha[j]))) {
                lastBeta = 0;
                break;
            }
            if (j + 1 < maxIterations) {
                beta[j] = lastBeta;
                double[] next = vector(j + 1, d);
                for (int i = 0; i < d; i++) next[i] = w[i] / lastBeta;
            }
        }
        return ritzExtremes(alpha, beta, m, lastBeta, hv.products() - before);
    }

    private static Reading ritzExtremes(double[] alpha, double[] beta, int m, double lastBeta, int products) {
        DMatrixRMaj t = new DMatrixRMaj(m, m);
        for (int i = 0; i < m; i++) {
            t.set(i, i, alpha[i]);
            if (i + 1 < m) {
                t.set(i, i + 1, beta[i]);
                t.set(i + 1, i, beta[i]);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, true, true);
        if (!eig.decompose(t)) throw new IllegalStateException("eigendecomposition of the " + m + "×" + m + " Lanczos matrix failed");
        int hi = 0, lo = 0;
        for (int i = 1; i < m; i++) {
            if (eig.getEigenvalue(i).real > eig.getEigenvalue(hi).real) hi = i;
            if (eig.getEigenvalue(i).real < eig.getEigenvalue(lo).real) lo = i;
        }
        return new Reading(eig.getEigenvalue(hi).real, eig.getEigenvalue(lo).real,
                residual(eig.getEigenVector(hi), m, lastBeta), residual(eig.getEigenVector(lo), m, lastBeta), m, products);
    }

    /** β_m |s_m|: the residual norm of a Ritz pair with unit eigenvector s of T. */
    private static double residual(DMatrixRMaj s, int m, double lastBeta) {
        double norm = 0;
        for (int i = 0; i < m; i++) norm += s.get(i) * s.get(i);
        return lastBeta * Math.abs(s.get(m - 1)) / Math.sqrt(norm);
    }

    private double[] vector(int j, int d) {
        if (basis[j] == null) basis[j] = new double[d];
        return basis[j];
    }

    private static void scale(double[] a, double s) {
        for (int i = 0; i < a.length; i++) a[i] *= s;
    }
}
