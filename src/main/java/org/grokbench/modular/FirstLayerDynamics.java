package org.grokbench.modular;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

import org.grokbench.math.CholeskyFactorization;
import org.grokbench.math.DenseKernels;
import org.grokbench.math.GramKernels;
import org.grokbench.math.RangeParallel;

/**
 * The isolated first-layer dynamics of geometry-of-grokking Eq. (20), in the overparametrized
 * zero-loss approximation (second layer W = H⁺Y always optimal, λ → 0):
 * <pre>
 *   ΔE = Xᵀ((A Y Yᵀ A H) ⊙ σ'(X E)) − E,   H = σ(X E),   A = (H Hᵀ)⁻¹,
 *   E ← E + η ΔE                                        (§7.3, η = 10⁻³ in the paper)
 * </pre>
 * with X, Y the training inputs and targets (k × p). ΔE is the negative gradient of the cost
 * R(E) = λ‖E‖²_F + λ Tr(Yᵀ(HHᵀ)⁻¹Y) of Eq. (19), rescaled: App. E gives
 * ∇R = 2λE − 2λ Xᵀ[(AYYᵀAH) ⊙ σ'(XE)], hence <b>ΔE = −∇R / (2λ)</b> for every λ &gt; 0, and the
 * Euler step above is gradient descent on R with learning rate η/(2λ).
 *
 * <p><b>How it is computed</b> (nothing is inverted):
 * <ol>
 *   <li>H = σ(XE) by gathering rows: H_i = σ(E_{a_i} + E_{b_i}); Hᵀ likewise from the rows of Eᵀ;</li>
 *   <li>G = HHᵀ, upper triangle only (SYRK, {@link GramKernels});</li>
 *   <li>G = UᵀU by a blocked Cholesky ({@link CholeskyFactorization}); a breakdown or a tiny pivot is
 *       reported as {@link Status#NOT_POSITIVE_DEFINITE};</li>
 *   <li>B = A Y = G⁻¹Y by forward and backward substitution on the p columns of Y;</li>
 *   <li>C = BᵀH (p × d_h); note C = Wᵀ where W = H⁺Y = HᵀAY is the zero-loss second layer;</li>
 *   <li>A Y Yᵀ A H = B C; each row (B C)_i ⊙ σ'(z_i) is scatter-added to rows a_i and b_i of Xᵀ(·).</li>
 * </ol>
 * Steps 2-6 are split over a {@link ForkJoinPool} when the options carry one (row blocks of G,
 * columns of Y, column blocks of H); every output entry is then still computed by one thread in
 * one order, so the result does not depend on the number of threads.
 *
 * <p>E is passed as a p × d_h row-major array (E[a][h] at a·d_h + h), the layout of
 * {@link TwoLayerNetwork}'s θ. Not thread-safe (one instance holds the work arrays, ≈ 8 MB at
 * p = 37, d_h = 512, 492 train pairs); a step allocates nothing but a few fork/join tasks and one
 * small index buffer per task.
 */
public final class FirstLayerDynamics {
    /** Outcome of one evaluation of the dynamics. */
    public enum Status {
        /** HHᵀ positive definite and (if estimated) well conditioned: ΔE is valid. */
        OK,
        /** The condition estimate of HHᵀ exceeded {@link Options#maxConditionNumber()}: ΔE would be unreliable. */
        ILL_CONDITIONED,
        /** Cholesky of HHᵀ broke down or met a pivot below the tolerance: HHᵀ is (numerically) singular, e.g. k &gt; d_h or dead rows. */
        NOT_POSITIVE_DEFINITE,
        /** E or H holds NaN or ±∞. */
        NOT_FINITE;

        public boolean ok() {
            return this == OK;
        }
    }

    /**
     * Options.
     *
     * @param pivotTolerance       τ of the Cholesky breakdown test d_j ≤ τ·g_jj (NaN: 16·k·ε)
     * @param conditionIterations  power/inverse iterations of the κ(HHᵀ) estimate per evaluation (0: no estimate)
     * @param maxConditionNumber   κ estimates above this give {@link Status#ILL_CONDITIONED}
     * @param pool                 null: single-threaded; otherwise the pool to split the work over
     */
    public record Options(double pivotTolerance, int conditionIterations, double maxConditionNumber, ForkJoinPool pool) {
        /** τ = 16·k·ε, a 4-iteration κ estimate flagged above 10¹², single-threaded. */
        public static Options defaults() {
            return new Options(Double.NaN, 4, 1e12, null);
        }

        public Options withPool(ForkJoinPool p) {
            return new Options(pivotTolerance, conditionIterations, maxConditionNumber, p);
        }

        public Options withConditionIterations(int iterations) {
            return new Options(pivotTolerance, iterations, maxConditionNumber, pool);
        }

        public Options withMaxConditionNumber(double max) {
            return new Options(pivotTolerance, conditionIterations, max, pool);
        }

        public Options withPivotTolerance(double tau) {
            return new Options(tau, conditionIterations, maxConditionNumber, pool);
        }
    }

    private final PairBatch train;
    private final int p;
    private final int dh;
    private final int k;
    private final Activation sigma;
    private final Options options;
    private final double pivotTolerance;

    private final double[][] eRows;   // p × dh   E
    private final double[][] eT;      // dh × p   Eᵀ
    private final double[][] hRows;   // k × dh   H = σ(XE)
    private final double[][] zRows;   // k × dh   XE (only for σ ≠ ReLU)
    private final double[][] ht;      // dh × k   Hᵀ
    private final double[][] gram;    // k × k    HHᵀ, then U
    private final double[][] bt;      // p × k    Bᵀ = (G⁻¹Y)ᵀ
    private final double[][] cmat;    // p × dh   C = BᵀH = Wᵀ
    private final double[][] scat;    // p × dh   Xᵀ((BC) ⊙ σ')
    private final double[] rowBuf;    // dh
    private final double[] weights;   // k × p    B as rows (B[i][·] at i·p), the weights of the scatter step
    private final double[] work1;
    private final double[] work2;
    private final CholeskyFactorization chol = new CholeskyFactorization();

    private final int[] sampleBounds;
    private final int[] featureBounds;
    private final int[] gramBounds;

    private double lastCondition = Double.NaN;
    private double lastMinPivotRatio = Double.NaN;
    private int lastFailedPivot = -1;
    private double lastTrace = Double.NaN;

    /**
     * @param train  training pairs (X_train, Y_train), k samples
     * @param hidden d_h
     * @param sigma  σ (ReLU in the paper)
     */
    public FirstLayerDynamics(PairBatch train, int hidden, Activation sigma, Options options) {
        if (hidden < 1) throw new IllegalArgumentException("d_h must be positive");
        if (train.size() == 0) throw new IllegalArgumentException("empty training set");
        this.train = train;
        this.p = train.p;
        this.dh = hidden;
        this.k = train.size();
        this.sigma = sigma;
        this.options = options;
        this.pivotTolerance = Double.isNaN(options.pivotTolerance())
                ? CholeskyFactorization.defaultPivotTolerance(k) : options.pivotTolerance();
        eRows = new double[p][dh];
        eT = new double[dh][p];
        hRows = new double[k][dh];
        zRows = sigma == Activation.RELU ? null : new double[k][dh];
        ht = new double[dh][k];
        gram = new double[k][k];
        bt = new double[p][k];
        cmat = new double[p][dh];
        scat = new double[p][dh];
        rowBuf = new double[dh];
        weights = new double[k * p];
        work1 = new double[k];
        work2 = new double[k];
        int parts = RangeParallel.parts(options.pool());
        sampleBounds = RangeParallel.uniformBounds(0, k, parts);
        featureBounds = RangeParallel.uniformBounds(0, dh, parts);
        gramBounds = RangeParallel.triangularBounds(0, k, k, parts);
    }

    /** ReLU dynamics with default options. */
    public FirstLayerDynamics(PairBatch train, int hidden) {
        this(train, hidden, Activation.RELU, Options.defaults());
    }

    public int modulus() {
        return p;
    }

    public int hiddenWidth() {
        return dh;
    }

    public PairBatch train() {
        return train;
    }

    public Options options() {
        return options;
    }

    /** κ(HHᵀ) estimate of the last evaluation (a lower bound; NaN when not estimated or not PD). */
    public double lastConditionEstimate() {
        return lastCondition;
    }

    /** min_j pivot_j / g_jj of the last Cholesky (see {@link CholeskyFactorization#minPivotRatio()}). */
    public double lastMinPivotRatio() {
        return lastMinPivotRatio;
    }

    /** Pivot index at which the last Cholesky broke down, or −1. */
    public int lastFailedPivot() {
        return lastFailedPivot;
    }

    /** Tr(Yᵀ(HHᵀ)⁻¹Y) = ‖H⁺Y‖²_F of the last successful evaluation (NaN otherwise). */
    public double lastTraceTerm() {
        return lastTrace;
    }

    // ------------------------------------------------------------------ public operations

    /**
     * Computes ΔE of Eq. (20) at E. Reads {@code e} (p × d_h); writes {@code deltaE} (p × d_h) when the
     * status is OK (left untouched otherwise) and, if {@code w} is not null, the zero-loss second
     * layer W = H⁺Y = HᵀAY (d_h × p row-major) at E.
     */
    public Status direction(double[] e, double[] deltaE, double[] w) {
        checkE(e);
        if (deltaE.length != p * dh) throw new IllegalArgumentException("ΔE must have length p·d_h");
        Status s = evaluate(e, true);
        if (s != Status.OK) return s;
        for (int a = 0; a < p; a++) {
            final double[] sa = scat[a];
            final int o = a * dh;
            for (int j = 0; j < dh; j++) deltaE[o + j] = sa[j] - e[o + j];
        }
        if (w != null) writeW(w);
        return s;
    }

    /**
     * One Euler step E ← E + η ΔE (modifies {@code e} only when the status is OK).
     */
    public Status step(double[] e, double eta) {
        checkE(e);
        Status s = evaluate(e, true);
        if (s != Status.OK) return s;
        for (int a = 0; a < p; a++) {
            final double[] sa = scat[a];
            final int o = a * dh;
            for (int j = 0; j < dh; j++) e[o + j] += eta * (sa[j] - e[o + j]);
        }
        return s;
    }

    /** Writes the zero-loss second layer W = H⁺Y = HᵀAY (d_h × p row-major) at E into {@code w}. */
    public Status secondLayer(double[] e, double[] w) {
        checkE(e);
        if (w.length != dh * p) throw new IllegalArgumentException("W must have length d_h·p");
        Status s = evaluate(e, false);
        if (s == Status.OK) writeW(w);
        return s;
    }

    /**
     * R(E) = λ‖E‖²_F + λ Tr(Yᵀ(HHᵀ)⁻¹Y), Eq. (19); NaN when HHᵀ is not positive definite.
     */
    public double cost(double[] e, double lambda) {
        checkE(e);
        Status s = evaluate(e, false);
        if (s == Status.NOT_POSITIVE_DEFINITE || s == Status.NOT_FINITE) return Double.NaN;
        return lambda * (DenseKernels.dot(e, 0, e, 0, e.length) + lastTrace);
    }

    /**
     * Accuracy on {@code batch} of the network σ(XE)W with the zero-loss W = H⁺Y fitted on the
     * training set (the test accuracy of §7.3 when {@code batch} is the test set); NaN when HHᵀ is
     * not positive definite.
     */
    public double accuracy(double[] e, PairBatch batch) {
        double[] w = new double[dh * p];
        Status s = secondLayer(e, w);
        if (s == Status.NOT_POSITIVE_DEFINITE || s == Status.NOT_FINITE) return Double.NaN;
        TwoLayerNetwork net = new TwoLayerNetwork(p, dh, sigma, LossReduction.SUM);
        return net.accuracy(net.assemble(e, w), batch);
    }

    /** Draws E ~ N(0, std²) entrywise from SplittableRandom(seed) (§7.3: std = p^(−1/2)); writes e. */
    public static void initGaussian(double[] e, double std, long seed) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        for (int i = 0; i < e.length; i++) e[i] = std * gaussian(rng);
    }

    /** Standard normal by the Marsaglia polar method (deterministic for a given generator state). */
    static double gaussian(java.util.SplittableRandom rng) {
        double u, v, s;
        do {
            u = 2 * rng.nextDouble() - 1;
            v = 2 * rng.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }

    // ------------------------------------------------------------------ the computation

    private void checkE(double[] e) {
        if (e.length != p * dh) throw new IllegalArgumentException("E must have length p·d_h = " + p * dh);
    }

    private void writeW(double[] w) {
        for (int c = 0; c < p; c++) {
            final double[] cc = cmat[c];
            for (int h = 0; h < dh; h++) w[h * p + c] = cc[h];
        }
    }

    /** Steps 1-5 (and 6 when {@code withScatter}); leaves C in cmat and Xᵀ(...) in scat. */
    private Status evaluate(double[] e, boolean withScatter) {
        ForkJoinPool pool = options.pool();
        lastCondition = Double.NaN;
        lastMinPivotRatio = Double.NaN;
        lastFailedPivot = -1;
        lastTrace = Double.NaN;
        for (int a = 0; a < p; a++) System.arraycopy(e, a * dh, eRows[a], 0, dh);
        for (int a = 0; a < p; a++) for (int h = 0; h < dh; h++) eT[h][a] = e[a * dh + h];
        // 1. H = σ(XE), rows gathered; Hᵀ
        RangeParallel.forRanges(pool, sampleBounds, this::buildHiddenRows);
        RangeParallel.forRanges(pool, featureBounds, this::transposeRows);
        // 2. G = HHᵀ (upper)
        GramKernels.upperGram(ht, dh, k, gram, pool, gramBounds);
        for (int i = 0; i < k; i++) {
            if (!Double.isFinite(gram[i][i])) return Status.NOT_FINITE;
        }
        // 3. Cholesky
        if (!chol.factor(gram, k, pivotTolerance, pool)) {
            lastFailedPivot = chol.failedPivot();
            lastMinPivotRatio = chol.minPivotRatio();
            return Status.NOT_POSITIVE_DEFINITE;
        }
        lastMinPivotRatio = chol.minPivotRatio();
        if (options.conditionIterations() > 0) {
            lastCondition = chol.estimateConditionNumber(options.conditionIterations(), work1, work2);
            if (!(lastCondition <= options.maxConditionNumber())) return Status.ILL_CONDITIONED;
        }
        // 4. Bᵀ = (G⁻¹Y)ᵀ: rows are the class indicator vectors, solved in place
        for (int c = 0; c < p; c++) Arrays.fill(bt[c], 0.0);
        for (int i = 0; i < k; i++) bt[train.c[i]][i] = 1.0;
        chol.solveRows(bt, p, pool);
        double trace = 0;
        for (int i = 0; i < k; i++) trace += bt[train.c[i]][i];
        lastTrace = trace;
        if (withScatter) {
            for (int c = 0; c < p; c++) {
                final double[] bc = bt[c];
                for (int i = 0; i < k; i++) weights[i * p + c] = bc[i];
            }
        }
        // 5. C = BᵀH (= Wᵀ), 6. Xᵀ((BC) ⊙ σ'(XE)) — column blocks of H in parallel
        RangeParallel.forRanges(pool, featureBounds, (j0, j1) -> productColumns(j0, j1, withScatter));
        return Status.OK;
    }

    private void buildHiddenRows(int i0, int i1) {
        final int dh = this.dh;
        for (int i = i0; i < i1; i++) {
            final double[] ea = eRows[train.a[i]], eb = eRows[train.b[i]], h = hRows[i];
            if (zRows == null) {
                for (int j = 0; j < dh; j++) h[j] = Math.max(ea[j] + eb[j], 0.0);
            } else {
                final double[] z = zRows[i];
                for (int j = 0; j < dh; j++) z[j] = ea[j] + eb[j];
                for (int j = 0; j < dh; j++) h[j] = sigma.apply(z[j]);
            }
        }
    }

    /**
     * Rows [h0, h1) of Hᵀ, gathered straight from Eᵀ: ht[h][i] = σ(Eᵀ[h][a_i] + Eᵀ[h][b_i]) (the same
     * values as H[i][h], computed again rather than transposed: two loads from a p-long row in L1
     * beat a strided write across d_h rows).
     */
    private void transposeRows(int h0, int h1) {
        final int k = this.k;
        final int[] a = train.a, b = train.b;
        for (int h = h0; h < h1; h++) {
            final double[] et = eT[h], row = ht[h];
            if (zRows == null) {
                for (int i = 0; i < k; i++) row[i] = et[a[i]] + et[b[i]];   // scalar gather ...
                for (int i = 0; i < k; i++) row[i] = Math.max(row[i], 0.0);  // ... then a vectorized max
            } else {
                for (int i = 0; i < k; i++) row[i] = sigma.apply(et[a[i]] + et[b[i]]);
            }
        }
    }

    /** Columns [j0, j1) of C = BᵀH and of Xᵀ((BC) ⊙ σ'(XE)). */
    private void productColumns(int j0, int j1, boolean withScatter) {
        final int k = this.k, p = this.p;
        for (int c = 0; c < p; c++) Arrays.fill(cmat[c], j0, j1, 0.0);
        DenseKernels.gemmAccumulate(bt, hRows, cmat, p, k, j0, j1);
        if (!withScatter) return;
        for (int c = 0; c < p; c++) Arrays.fill(scat[c], j0, j1, 0.0);
        final double[] d = rowBuf;
        for (int i = 0; i < k; i++) {
            DenseKernels.combineRows(weights, i * p, cmat, p, j0, j1, d);
            if (zRows == null) {
                final double[] h = hRows[i];
                for (int j = j0; j < j1; j++) d[j] *= DenseKernels.positiveMask(h[j]);
            } else {
                final double[] z = zRows[i];
                for (int j = j0; j < j1; j++) d[j] *= sigma.derivative(z[j]);
            }
            final double[] sa = scat[train.a[i]], sb = scat[train.b[i]];
            for (int j = j0; j < j1; j++) sa[j] += d[j];
            for (int j = j0; j < j1; j++) sb[j] += d[j];
        }
    }
}
