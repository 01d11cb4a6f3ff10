package org.grokbench.modular;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.grokbench.math.DenseKernels;

/**
 * The two-layer modular-addition network of geometry-of-grokking §6-7 and App. D:
 * Ŷ = σ(X E) W, no biases, with embedding E ∈ ℝ^{p×d_h} and output weights W ∈ ℝ^{d_h×p}. The
 * input rows are X_i = e_{a_i} + e_{b_i}, so X E is a gather-add of two rows of E and Xᵀ G a
 * scatter-add: the kernels never form X.
 *
 * <p><b>Parameter vector.</b> θ ∈ ℝ^d, d = 2·p·d_h, is [E row-major, W row-major]:
 * θ[a·d_h + h] = E[a][h] and θ[p·d_h + h·p + c] = W[h][c]. Generic optimizers
 * ({@code org.grokbench.optim.Optimizer}) apply to it directly.
 *
 * <p><b>Loss and weight decay.</b> The data loss is L = s·‖Ŷ − Y‖²_F with s from the
 * {@link LossReduction} (SUM: Eq. (12); MEAN: PyTorch's {@code mse_loss}). Weight decay follows the
 * project-wide convention L_λ = L + λ‖θ‖² (gradient ∇L + 2λθ), the paper's Eq. (13). PyTorch's
 * {@code SGD(weight_decay = w)} adds w·θ to the gradient, so it corresponds to λ = w/2
 * ({@link #lambdaFromTorchWeightDecay}): App. D / {@code timing.py}'s weight_decay 1e-4 is λ = 5e-5
 * here, and then {@link #gradientDescentStep} performs exactly {@code timing.py}'s update.
 *
 * <p>An instance holds scratch buffers (sized to the largest batch seen) and is therefore not
 * thread-safe; use one instance per thread. No method allocates once the buffers have grown.
 */
public final class TwoLayerNetwork {
    private final int p;
    private final int dh;
    private final Activation activation;
    private final LossReduction reduction;

    // scratch as row arrays (C2 vectorizes row loops, see org.grokbench.math.GramKernels); grown to the largest batch
    private int capacity = -1;
    private double[][] z;        // k × dh pre-activations XE
    private double[][] hid;      // k × dh σ(XE)
    private double[][] hidT;     // dh × k σ(XE)ᵀ
    private double[][] outT;     // p × k  Ŷᵀ
    private double[] out;        // k × p  Ŷ (flat)
    private double[] gout;       // k × p  ∂L/∂Ŷ (flat)
    private final double[][] eRows;  // p × dh  E
    private final double[][] eT;     // dh × p  Eᵀ
    private final double[][] wt;     // p × dh  Wᵀ
    private final double[][] gwt;    // p × dh  ∂/∂Wᵀ
    private final double[][] gE;     // p × dh  ∂/∂E
    private final double[][] vwt;    // p × dh  a direction's W part, transposed
    private final double[] row;      // dh
    private final double[] row2;     // dh
    private final double[] grad;     // d
    private final double[] block;    // p × p

    /**
     * @param p          modulus: input and output dimension
     * @param hidden     d_h, hidden width
     * @param activation σ (ReLU in the paper)
     * @param reduction  loss reduction (SUM = Eq. (12), MEAN = PyTorch mse_loss as in App. D)
     */
    public TwoLayerNetwork(int p, int hidden, Activation activation, LossReduction reduction) {
        if (p < 2 || hidden < 1) throw new IllegalArgumentException("need p ≥ 2 and d_h ≥ 1");
        this.p = p;
        this.dh = hidden;
        this.activation = activation;
        this.reduction = reduction;
        this.eRows = new double[p][hidden];
        this.eT = new double[hidden][p];
        this.wt = new double[p][hidden];
        this.gwt = new double[p][hidden];
        this.gE = new double[p][hidden];
        this.vwt = new double[p][hidden];
        this.row = new double[hidden];
        this.row2 = new double[hidden];
        this.grad = new double[2 * p * hidden];
        this.block = new double[p * p];
    }

    /** ReLU network with the given reduction. */
    public TwoLayerNetwork(int p, int hidden, LossReduction reduction) {
        this(p, hidden, Activation.RELU, reduction);
    }

    public int modulus() {
        return p;
    }

    public int hiddenWidth() {
        return dh;
    }

    public Activation activation() {
        return activation;
    }

    public LossReduction reduction() {
        return reduction;
    }

    /** d = 2·p·d_h. */
    public int parameterCount() {
        return 2 * p * dh;
    }

    /** Offset of W in θ (E starts at 0). */
    public int weightOffset() {
        return p * dh;
    }

    /** λ of L + λ‖θ‖² equivalent to PyTorch's SGD {@code weight_decay = w}: λ = w/2. */
    public static double lambdaFromTorchWeightDecay(double torchWeightDecay) {
        return torchWeightDecay / 2;
    }

    // ---------------------------------------------------------------- parameters

    /**
     * Writes PyTorch's default initialization of {@code nn.Linear(bias=False)} into θ
     * (kaiming-uniform with a = √5, i.e. U(−1/√fan_in, 1/√fan_in)): E = W₁ᵀ with fan_in = p, W = W₂ᵀ
     * with fan_in = d_h. Draws from SplittableRandom(seed), all of E row-major first, then W. (Not
     * PyTorch's random stream; use {@link #fromTorchWeights} to import a PyTorch model.)
     */
    public void initPyTorchDefault(double[] theta, long seed) {
        checkTheta(theta);
        SplittableRandom rng = new SplittableRandom(seed);
        double be = 1 / Math.sqrt(p), bw = 1 / Math.sqrt(dh);
        int off = weightOffset();
        for (int i = 0; i < off; i++) theta[i] = rng.nextDouble(-be, be);
        for (int i = off; i < theta.length; i++) theta[i] = rng.nextDouble(-bw, bw);
    }

    /** A new θ with {@link #initPyTorchDefault}. */
    public double[] newParameters(long seed) {
        double[] theta = new double[parameterCount()];
        initPyTorchDefault(theta, seed);
        return theta;
    }

    /**
     * θ from PyTorch weights: {@code w1} = first layer weight (d_h × p row-major, i.e.
     * {@code nn.Linear(p, d_h).weight}), {@code w2} = second layer weight (p × d_h row-major). E = w1ᵀ, W = w2ᵀ.
     */
    public double[] fromTorchWeights(double[] w1, double[] w2) {
        if (w1.length != dh * p || w2.length != p * dh) throw new IllegalArgumentException("weight sizes");
        double[] theta = new double[parameterCount()];
        int off = weightOffset();
        for (int h = 0; h < dh; h++) {
            for (int a = 0; a < p; a++) theta[a * dh + h] = w1[h * p + a];
            for (int c = 0; c < p; c++) theta[off + h * p + c] = w2[c * dh + h];
        }
        return theta;
    }

    /** θ = [E, W] from E (p × d_h row-major) and W (d_h × p row-major). */
    public double[] assemble(double[] e, double[] w) {
        if (e.length != p * dh || w.length != dh * p) throw new IllegalArgumentException("E or W size");
        double[] theta = new double[parameterCount()];
        System.arraycopy(e, 0, theta, 0, e.length);
        System.arraycopy(w, 0, theta, e.length, w.length);
        return theta;
    }

    private void checkTheta(double[] theta) {
        if (theta.length != parameterCount())
            throw new IllegalArgumentException("θ has length " + theta.length + ", expected " + parameterCount());
    }

    private void checkBatch(PairBatch batch) {
        if (batch.p != p) throw new IllegalArgumentException("batch modulus " + batch.p + " != network modulus " + p);
        ensureCapacity(batch.size());
    }

    private void ensureCapacity(int k) {
        if (k <= capacity) return;
        capacity = k;
        z = new double[k][dh];
        hid = new double[k][dh];
        hidT = new double[dh][k];
        outT = new double[p][k];
        out = new double[k * p];
        gout = new double[k * p];
    }

    // ---------------------------------------------------------------- forward

    /**
     * Ŷ = σ(XE)W into out (k × p row-major). Fills eRows, eT, z, hid, hidT = hidᵀ, wt = Wᵀ, outT.
     * The product is formed as Ŷᵀ = Wᵀ σ(XE)ᵀ, rows of Ŷᵀ updated by four rows of σ(XE)ᵀ per pass,
     * so that the inner loop runs over samples and vectorizes.
     */
    private void forward(double[] theta, PairBatch batch) {
        final int k = batch.size(), dh = this.dh, p = this.p, off = weightOffset();
        final double[] th = theta;
        for (int a = 0; a < p; a++) System.arraycopy(th, a * dh, eRows[a], 0, dh);
        for (int h = 0; h < dh; h++) {
            final int o = off + h * p;
            final double[] eth = eT[h];
            for (int c = 0; c < p; c++) wt[c][h] = th[o + c];
            for (int a = 0; a < p; a++) eth[a] = th[a * dh + h];
        }
        final boolean relu = activation == Activation.RELU;
        for (int i = 0; i < k; i++) {
            final double[] ea = eRows[batch.a[i]], eb = eRows[batch.b[i]], zi = z[i], hi = hid[i];
            for (int j = 0; j < dh; j++) zi[j] = ea[j] + eb[j];
            if (relu) {
                for (int j = 0; j < dh; j++) hi[j] = Math.max(zi[j], 0.0);
            } else {
                for (int j = 0; j < dh; j++) hi[j] = activation.apply(zi[j]);
            }
        }
        // σ(XE)ᵀ gathered from the rows of Eᵀ (cheaper than transposing σ(XE))
        final int[] ba = batch.a, bb = batch.b;
        for (int h = 0; h < dh; h++) {
            final double[] eth = eT[h], r = hidT[h];
            if (relu) {
                for (int i = 0; i < k; i++) r[i] = eth[ba[i]] + eth[bb[i]];   // scalar gather ...
                for (int i = 0; i < k; i++) r[i] = Math.max(r[i], 0.0);       // ... then a vectorized max
            } else {
                for (int i = 0; i < k; i++) r[i] = activation.apply(eth[ba[i]] + eth[bb[i]]);
            }
        }
        for (int c = 0; c < p; c++) Arrays.fill(outT[c], 0, k, 0.0);
        int h = 0;
        for (; h + 4 <= dh; h += 4) {
            final double[] r0 = hidT[h], r1 = hidT[h + 1], r2 = hidT[h + 2], r3 = hidT[h + 3];
            final int w = off + h * p;
            for (int c = 0; c < p; c++) {
                final double w0 = th[w + c], w1 = th[w + p + c], w2 = th[w + 2 * p + c], w3 = th[w + 3 * p + c];
                final double[] oc = outT[c];
                for (int i = 0; i < k; i++) oc[i] += w0 * r0[i] + w1 * r1[i] + w2 * r2[i] + w3 * r3[i];
            }
        }
        for (; h < dh; h++) {
            final double[] r0 = hidT[h];
            final int w = off + h * p;
            for (int c = 0; c < p; c++) {
                final double w0 = th[w + c];
                final double[] oc = outT[c];
                for (int i = 0; i < k; i++) oc[i] += w0 * r0[i];
            }
        }
        for (int c = 0; c < p; c++) {
            final double[] oc = outT[c];
            for (int i = 0; i < k; i++) out[i * p + c] = oc[i];
        }
    }

    /** Writes Ŷ = σ(XE)W (k × p row-major) into {@code yhat}. */
    public void predict(double[] theta, PairBatch batch, double[] yhat) {
        checkTheta(theta);
        checkBatch(batch);
        forward(theta, batch);
        System.arraycopy(out, 0, yhat, 0, batch.size() * p);
    }

    /** A new array Ŷ (k × p row-major). */
    public double[] predict(double[] theta, PairBatch batch) {
        double[] y = new double[batch.size() * p];
        predict(theta, batch, y);
        return y;
    }

    /** The hidden activations σ(XE), one new row of d_h per sample of the batch. */
    public double[][] hiddenActivations(double[] theta, PairBatch batch) {
        checkTheta(theta);
        checkBatch(batch);
        forward(theta, batch);
        double[][] rows = new double[batch.size()][];
        for (int i = 0; i < rows.length; i++) rows[i] = hid[i].clone();
        return rows;
    }

    /** Data loss L = s·‖Ŷ − Y‖²_F (s from the reduction). */
    public double loss(double[] theta, PairBatch batch) {
        checkTheta(theta);
        checkBatch(batch);
        forward(theta, batch);
        return residualLoss(batch, false);
    }

    /** L + λ‖θ‖² (Eq. (13) with the reduction's L). */
    public double regularizedLoss(double[] theta, PairBatch batch, double lambda) {
        double l = loss(theta, batch);
        return l + lambda * DenseKernels.dot(theta, 0, theta, 0, theta.length);
    }

    /** s·Σ(Ŷ−Y)²; when {@code withGradient} also gout = 2s(Ŷ − Y). */
    private double residualLoss(PairBatch batch, boolean withGradient) {
        final int k = batch.size(), p = this.p;
        final double s = reduction.scale(k, p), g2 = 2 * s;
        double sum = 0;
        for (int i = 0; i < k; i++) {
            int o = i * p, ci = batch.c[i];
            for (int c = 0; c < p; c++) {
                double r = out[o + c] - (c == ci ? 1.0 : 0.0);
                sum += r * r;
                if (withGradient) gout[o + c] = g2 * r;
            }
        }
        return s * sum;
    }

    /** Fraction of samples whose argmax_c Ŷ_ic (first index on ties) equals c_i; 0 for an empty batch. */
    public double accuracy(double[] theta, PairBatch batch) {
        checkTheta(theta);
        checkBatch(batch);
        int k = batch.size();
        if (k == 0) return 0;
        forward(theta, batch);
        int correct = 0;
        for (int i = 0; i < k; i++) if (argmax(out, i * p, p) == batch.c[i]) correct++;
        return (double) correct / k;
    }

    /**
     * The data loss and the accuracy from one forward pass (what {@link #loss} and {@link #accuracy}
     * give with two): {@code out[0]} = L, {@code out[1]} = accuracy (0 for an empty batch).
     */
    public void lossAndAccuracy(double[] theta, PairBatch batch, double[] out) {
        checkTheta(theta);
        checkBatch(batch);
        int k = batch.size();
        if (k == 0) {
            out[0] = loss(theta, batch);
            out[1] = 0;
            return;
        }
        forward(theta, batch);
        out[0] = residualLoss(batch, false);
        int correct = 0;
        for (int i = 0; i < k; i++) if (argmax(this.out, i * p, p) == batch.c[i]) correct++;
        out[1] = (double) correct / k;
    }

    /** The predicted classes argmax_c Ŷ_ic (first index on ties). */
    public int[] predictClasses(double[] theta, PairBatch batch) {
        checkTheta(theta);
        checkBatch(batch);
        forward(theta, batch);
        int[] cls = new int[batch.size()];
        for (int i = 0; i < cls.length; i++) cls[i] = argmax(out, i * p, p);
        return cls;
    }

    static int argmax(double[] v, int o, int len) {
        int best = 0;
        double bv = v[o];
        for (int c = 1; c < len; c++) {
            if (v[o + c] > bv) {
                bv = v[o + c];
                best = c;
            }
        }
        return best;
    }

    // ---------------------------------------------------------------- backward

    /**
     * Writes ∇L(θ) (length d, without weight decay) into {@code gradient} and returns L.
     * Backward pass: G = ∂L/∂Ŷ = 2s(Ŷ − Y); ∂L/∂W = σ(XE)ᵀG; ∂L/∂E = Xᵀ((G Wᵀ) ⊙ σ'(XE)), the last
     * product as a scatter-add of each row into rows a_i and b_i of the gradient.
     */
    public double lossAndGradient(double[] theta, PairBatch batch, double[] gradient) {
        checkTheta(theta);
        checkBatch(batch);
        if (gradient.length != parameterCount()) throw new IllegalArgumentException("gradient length");
        forward(theta, batch);
        double l = residualLoss(batch, true);
        backward(batch, gout, gradient);
        return l;
    }

    /**
     * Backpropagates an output cotangent u (k × p) through the last forward pass: writes Jᵀu into
     * {@code g} (length d). Uses z, hid, wt of the last forward; writes gwt, gE, row, g.
     */
    private void backward(PairBatch batch, double[] u, double[] g) {
        final int k = batch.size(), dh = this.dh, p = this.p, off = weightOffset();
        // ∂/∂Wᵀ[c] = Σ_i u[i][c]·hid_i, four samples per pass
        for (int c = 0; c < p; c++) Arrays.fill(gwt[c], 0.0);
        int i = 0;
        for (; i + 4 <= k; i += 4) {
            final double[] h0 = hid[i], h1 = hid[i + 1], h2 = hid[i + 2], h3 = hid[i + 3];
            for (int c = 0; c < p; c++) {
                final double g0 = u[i * p + c], g1 = u[(i + 1) * p + c], g2 = u[(i + 2) * p + c], g3 = u[(i + 3) * p + c];
                final double[] gc = gwt[c];
                for (int j = 0; j < dh; j++) gc[j] += g0 * h0[j] + g1 * h1[j] + g2 * h2[j] + g3 * h3[j];
            }
        }
        for (; i < k; i++) {
            final double[] h0 = hid[i];
            for (int c = 0; c < p; c++) {
                final double g0 = u[i * p + c];
                final double[] gc = gwt[c];
                for (int j = 0; j < dh; j++) gc[j] += g0 * h0[j];
            }
        }
        for (int c = 0; c < p; c++) {
            final double[] gc = gwt[c];
            for (int h = 0; h < dh; h++) g[off + h * p + c] = gc[h];
        }
        // ∂/∂E: rows (u_i Wᵀ) ⊙ σ'(z_i) scattered to a_i and b_i
        for (int a = 0; a < p; a++) Arrays.fill(gE[a], 0.0);
        final boolean relu = activation == Activation.RELU;
        for (i = 0; i < k; i++) {
            DenseKernels.combineRows(u, i * p, wt, p, 0, dh, row);
            final double[] zi = z[i];
            if (relu) {
                final double[] hi = hid[i];
                for (int j = 0; j < dh; j++) row[j] *= DenseKernels.positiveMask(hi[j]);
            } else {
                for (int j = 0; j < dh; j++) row[j] *= activation.derivative(zi[j]);
            }
            final double[] ga = gE[batch.a[i]], gb = gE[batch.b[i]];
            for (int j = 0; j < dh; j++) ga[j] += row[j];
            for (int j = 0; j < dh; j++) gb[j] += row[j];
        }
        for (int a = 0; a < p; a++) System.arraycopy(gE[a], 0, g, a * dh, dh);
    }

    /**
     * One full-batch gradient-descent step on L_λ = L + λ‖θ‖²: θ ← θ − η(∇L(θ) + 2λθ), written
     * exactly as {@code org.grokbench.optim.GradientDescent} does (same result bit for bit).
     * Modifies θ; returns L at the θ before the step.
     */
    public double gradientDescentStep(double[] theta, PairBatch batch, double lr, double lambda) {
        double l = lossAndGradient(theta, batch, grad);
        final double[] g = grad;
        for (int i = 0; i < theta.length; i++) theta[i] -= lr * (g[i] + 2 * lambda * theta[i]);
        return l;
    }

    // ---------------------------------------------------------------- Jacobian of the outputs

    /**
     * Writes the Jacobian of all train outputs J = ∂Ŷ/∂θ ((k·p) × d row-major, row i·p + c holds
     * ∂Ŷ_ic/∂θ) into {@code jac}, which must have length ≥ k·p·d. At a ReLU kink the derivative 0 of
     * the training step is used.
     */
    public void jacobian(double[] theta, PairBatch batch, double[] jac) {
        checkTheta(theta);
        checkBatch(batch);
        final int k = batch.size(), d = parameterCount(), off = weightOffset();
        if (jac.length < (long) k * p * d) throw new IllegalArgumentException("jacobian array too short");
        forward(theta, batch);
        Arrays.fill(jac, 0, k * p * d, 0.0);
        for (int i = 0; i < k; i++) {
            for (int c = 0; c < p; c++) {
                final int r = (i * p + c) * d;
                final int ea = batch.a[i] * dh, eb = batch.b[i] * dh;
                for (int h = 0; h < dh; h++) {
                    double v = wt[c][h] * sigmaPrime(z[i][h]);
                    jac[r + ea + h] += v;
                    jac[r + eb + h] += v;
                    jac[r + off + h * p + c] = hid[i][h];
                }
            }
        }
    }

    private double sigmaPrime(double v) {
        return activation == Activation.RELU ? (v > 0 ? 1 : 0) : activation.derivative(v);
    }

    /** Writes J v (length k·p, forward mode) at θ into {@code jv}; v has length d. */
    public void jacobianTimes(double[] theta, PairBatch batch, double[] v, double[] jv) {
        checkTheta(theta);
        checkBatch(batch);
        forward(theta, batch);
        final int k = batch.size(), off = weightOffset();
        for (int h = 0; h < dh; h++) {
            for (int c = 0; c < p; c++) vwt[c][h] = v[off + h * p + c];
        }
        for (int i = 0; i < k; i++) {
            final int ea = batch.a[i] * dh, eb = batch.b[i] * dh;
            final double[] zi = z[i], hi = hid[i];
            for (int j = 0; j < dh; j++) row2[j] = (v[ea + j] + v[eb + j]) * sigmaPrime(zi[j]);
            for (int c = 0; c < p; c++) {
                jv[i * p + c] = DenseKernels.dot(row2, 0, wt[c], 0, dh) + DenseKernels.dot(hi, 0, vwt[c], 0, dh);
            }
        }
    }

    /** Writes Jᵀ u (length d, reverse mode) at θ into {@code jtu}; u has length k·p. */
    public void jacobianTransposeTimes(double[] theta, PairBatch batch, double[] u, double[] jtu) {
        checkTheta(theta);
        checkBatch(batch);
        forward(theta, batch);
        backward(batch, u, jtu);
    }

    /**
     * Writes the Gram matrix J Jᵀ of the output Jacobian ((k·p) × (k·p), both triangles) into the rows
     * of {@code gram}, from its structure instead of the d-long rows:
     * (JJᵀ)[(i,c),(j,c')] = δ_cc'·⟨σ(z_i), σ(z_j)⟩ + ⟨X_i, X_j⟩·Σ_h W_hc W_hc' σ'(z_ih) σ'(z_jh),
     * where ⟨X_i, X_j⟩ counts shared operands (0 for most pairs, so their second term is skipped).
     */
    public void jacobianGram(double[] theta, PairBatch batch, double[][] gram) {
        checkTheta(theta);
        checkBatch(batch);
        forward(theta, batch);
        final int k = batch.size(), m = k * p;
        if (gram.length < m) throw new IllegalArgumentException("gram needs k·p rows");
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double hh = DenseKernels.dot(hid[i], 0, hid[j], 0, dh);
                int shared = (batch.a[i] == batch.a[j] ? 1 : 0) + (batch.a[i] == batch.b[j] ? 1 : 0)
                        + (batch.b[i] == batch.a[j] ? 1 : 0) + (batch.b[i] == batch.b[j] ? 1 : 0);
                if (shared != 0) {
                    final double[] zi = z[i], zj = z[j];
                    for (int h = 0; h < dh; h++) row[h] = sigmaPrime(zi[h]) * sigmaPrime(zj[h]);
                    for (int c = 0; c < p; c++) {
                        final double[] wc = wt[c];
                        for (int h = 0; h < dh; h++) row2[h] = row[h] * wc[h];
                        for (int c2 = 0; c2 <= c; c2++) {
                            double v = shared * DenseKernels.dot(row2, 0, wt[c2], 0, dh);
                            block[c * p + c2] = v;
                            block[c2 * p + c] = v;
                        }
                    }
                } else {
                    Arrays.fill(block, 0.0);
                }
                for (int c = 0; c < p; c++) {
                    for (int c2 = 0; c2 < p; c2++) {
                        double v = block[c * p + c2] + (c == c2 ? hh : 0);
                        gram[i * p + c][j * p + c2] = v;
                        gram[j * p + c2][i * p + c] = v;
                    }
                }
            }
        }
    }
}
