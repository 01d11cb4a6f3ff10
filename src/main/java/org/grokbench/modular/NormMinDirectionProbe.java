package org.grokbench.modular;

import org.grokbench.math.DenseKernels;
import org.grokbench.math.PivotedCholesky;

/**
 * The measurement of geometry-of-grokking App. D (Fig. 5): how well a training update follows the
 * norm-minimizing direction on the zero-loss set Z.
 * <ol>
 *   <li>Δθ = θ_t − θ_{t−c} (c = 10 in the paper: averages out high-frequency oscillation);</li>
 *   <li>θ' ≈ proj_Z(θ_t): {@code projectionSteps} (100) heavy-ball gradient steps on the data loss L
 *       alone (λ = 0), learning rate 1, momentum 0.9, in PyTorch's form v ← βv + ∇L(θ), θ ← θ − ηv
 *       (the convention of {@code org.grokbench.optim.Momentum}), starting from v = 0;</li>
 *   <li>the Jacobian J = ∂Ŷ/∂θ of all k·p training outputs at θ' (the paper's text writes
 *       J = ∇L(θ_t) but means the output map 𝓕 at θ': T_{θ'}Z is its null space);</li>
 *   <li>Eq. (29): g̃ = (I − J⁺J)(−θ_t), the component of −θ_t tangent to Z at θ'.</li>
 * </ol>
 * Returned is cos(Δθ, g̃).
 *
 * <p><b>Projection.</b> J⁺J is the orthogonal projector on the row space of J. It is applied as
 * g̃ = −θ_t − Jᵀμ with (JJᵀ)μ = J(−θ_t), J Jᵀ formed from the network's structure
 * ({@link TwoLayerNetwork#jacobianGram}, no d-long rows) and solved by a rank-revealing
 * pivoted Cholesky ({@link PivotedCholesky}): rows of J that are numerically dependent on the others
 * (relative tolerance on the pivots) are dropped, which handles dead ReLU units and the rank
 * deficiency of the output map. Forming JJᵀ squares the condition number, so the projection is
 * applied a second time to the result (g̃ ← g̃ − Jᵀ(JJᵀ)⁻¹Jg̃, "twice is enough"), which brings
 * ‖Jg̃‖ back to rounding level. Jv and Jᵀu are computed matrix-free (forward / reverse mode).
 *
 * <p>Cost at App. D's size (p = 11, d_h = 128, 59 train pairs: J is 649 × 2816): 100 gradient steps,
 * one structured Gram and one 649 × 649 pivoted Cholesky (≈ 45 M multiply-adds): tens of
 * milliseconds. Not thread-safe (holds the Gram buffer and a network with its own scratch).
 */
public final class NormMinDirectionProbe {
    /**
     * Options.
     *
     * @param projectionSteps steps of heavy-ball descent to approach proj_Z(θ_t) (App. D: 100)
     * @param learningRate    η of those steps (App. D: 1)
     * @param momentum        β of those steps (App. D: 0.9)
     * @param rankTolerance   relative pivot tolerance of the rank decision on JJᵀ (negative: n·ε)
     * @param reorthogonalize apply the projection a second time (recommended)
     */
    public record Options(int projectionSteps, double learningRate, double momentum, double rankTolerance,
                          boolean reorthogonalize) {
        /** App. D: 100 steps, η = 1, β = 0.9; default rank tolerance; re-orthogonalized. */
        public static Options appendixD() {
            return new Options(100, 1.0, 0.9, -1, true);
        }
    }

    /**
     * Result of one measurement.
     *
     * @param cosine                cos(Δθ, g̃) (NaN when either vector is zero or Δθ was not given)
     * @param direction             g̃ = (I − J⁺J)(−θ_t) (length d)
     * @param projectedPoint        θ' ≈ proj_Z(θ_t)
     * @param lossAtProjection      L(θ')
     * @param jacobianRank          numerical rank of J at θ'
     * @param jacobianRows          k·p
     * @param orthogonalityResidual ‖J g̃‖ / ‖J θ_t‖ (≈ 0: g̃ is tangent to the level set at θ')
     */
    public record Result(double cosine, double[] direction, double[] projectedPoint, double lossAtProjection,
                         int jacobianRank, int jacobianRows, double orthogonalityResidual) {}

    private final TwoLayerNetwork net;
    private final PairBatch train;
    private final Options options;
    private final int d;
    private final int m;
    private final double[][] gram;
    private final double[] grad;
    private final double[] velocity;
    private final double[] outVec;
    private final double[] outVec2;
    private final double[] paramVec;
    private final PivotedCholesky pchol = new PivotedCholesky();

    /**
     * @param network the model whose loss (with its reduction) defines Z; a private copy with the same
     *                shape is used, so the caller's instance and its scratch are not touched
     * @param train   the training pairs
     */
    public NormMinDirectionProbe(TwoLayerNetwork network, PairBatch train, Options options) {
        this.net = new TwoLayerNetwork(network.modulus(), network.hiddenWidth(), network.activation(), network.reduction());
        this.train = train;
        this.options = options;
        this.d = net.parameterCount();
        this.m = train.size() * net.modulus();
        this.gram = new double[m][m];
        this.grad = new double[d];
        this.velocity = new double[d];
        this.outVec = new double[m];
        this.outVec2 = new double[m];
        this.paramVec = new double[d];
    }

    public NormMinDirectionProbe(TwoLayerNetwork network, PairBatch train) {
        this(network, train, Options.appendixD());
    }

    /**
     * θ' ≈ proj_Z(θ) by the heavy-ball descent of step 2 (new array; θ not modified).
     */
    public double[] projectToZeroLoss(double[] theta) {
        double[] t = theta.clone();
        java.util.Arrays.fill(velocity, 0.0);
        double lr = options.learningRate(), beta = options.momentum();
        for (int s = 0; s < options.projectionSteps(); s++) {
            net.lossAndGradient(t, train, grad);
            for (int i = 0; i < d; i++) {
                velocity[i] = beta * velocity[i] + grad[i];
                t[i] -= lr * velocity[i];
            }
        }
        return t;
    }

    /**
     * Measures cos(Δθ, g̃) with Δθ = θ_t − θ_{t−c} (neither array is modified).
     */
    public Result measure(double[] thetaT, double[] thetaBefore) {
        Result r = normMinimizingDirection(thetaT);
        double[] delta = new double[d];
        for (int i = 0; i < d; i++) delta[i] = thetaT[i] - thetaBefore[i];
        double cos = cosine(delta, r.direction());
        return new Result(cos, r.direction(), r.projectedPoint(), r.lossAtProjection(), r.jacobianRank(),
                r.jacobianRows(), r.orthogonalityResidual());
    }

    /** Steps 2-4 only: g̃ at θ_t (cosine NaN). */
    public Result normMinimizingDirection(double[] thetaT) {
        if (thetaT.length != d) throw new IllegalArgumentException("θ has length " + thetaT.length + ", expected " + d);
        double[] thetaPrime = projectToZeroLoss(thetaT);
        double lossPrime = net.loss(thetaPrime, train);
        int rank = factorGram(thetaPrime);
        double[] g = new double[d];
        for (int i = 0; i < d; i++) g[i] = -thetaT[i];
        projectOut(thetaPrime, g);
        if (options.reorthogonalize()) projectOut(thetaPrime, g);
        // residual ‖J g̃‖ / ‖J θ_t‖
        net.jacobianTimes(thetaPrime, train, g, outVec);
        double num = Math.sqrt(DenseKernels.dot(outVec, 0, outVec, 0, m));
        net.jacobianTimes(thetaPrime, train, thetaT, outVec);
        double den = Math.sqrt(DenseKernels.dot(outVec, 0, outVec, 0, m));
        double residual = den > 0 ? num / den : 0;
        return new Result(Double.NaN, g, thetaPrime, lossPrime, rank, m, residual);
    }

    /**
     * Writes (I − J⁺J)v at θ' into {@code out} (length d): the orthogonal projection of v on the
     * tangent space of the level set of the outputs through θ' (null space of J). v is not modified.
     */
    public void tangentProjection(double[] thetaPrime, double[] v, double[] out) {
        factorGram(thetaPrime);
        System.arraycopy(v, 0, out, 0, d);
        projectOut(thetaPrime, out);
        if (options.reorthogonalize()) projectOut(thetaPrime, out);
    }

    private int factorGram(double[] thetaPrime) {
        net.jacobianGram(thetaPrime, train, gram);
        return pchol.factor(gram, m, options.rankTolerance());
    }

    /** g ← g − J_Sᵀ (J_S J_Sᵀ)⁻¹ J_S g at θ' (uses the last factorization). */
    private void projectOut(double[] thetaPrime, double[] g) {
        net.jacobianTimes(thetaPrime, train, g, outVec);
        pchol.solveOnPivots(outVec, outVec2);
        net.jacobianTransposeTimes(thetaPrime, train, outVec2, paramVec);
        for (int i = 0; i < d; i++) g[i] -= paramVec[i];
    }

    private static double cosine(double[] a, double[] b) {
        double na = Math.sqrt(DenseKernels.dot(a, 0, a, 0, a.length));
        double nb = Math.sqrt(DenseKernels.dot(b, 0, b, 0, b.length));
        if (na == 0 || nb == 0) return Double.NaN;
        return DenseKernels.dot(a, 0, b, 0, a.length) / (na * nb);
    }
}
