package org.grokbench.representation;

import org.grokbench.data.OperationTable;
import org.grokbench.math.DenseKernels;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The toy model of Liu et al. 2022 (§2): symbols a, b map to learnable embeddings E_a, E_b ∈ ℝ^d,
 * which are summed (the operation is hard-coded) and decoded by an MLP with tanh hidden layers:
 * (a, b) ↦ Dec(E_a + E_b). The authors' setup is d = 1 and a 1-200-200-30 decoder.
 *
 * <p>For general groups (App. H) the operation is {@link Composition#MATRIX_PRODUCT}: each E_k is a
 * d × d matrix (d² numbers, row-major) and the decoder sees the flattened product E_a·E_b:
 * (a, b) ↦ Dec(E_a·E_b). The default is {@link Composition#SUM}.
 *
 * <p>Parameters live in two flat arrays so that the representation and the decoder can have their
 * own optimizers (§4.1): {@code embeddings} (p·d, or p·d² for matrices; row k = E_k) and {@code decoder} (for each layer
 * l: W_l as n_in × n_out row-major, input-major, then b_l). {@link #flatten} / {@link #unflatten}
 * give the single flat vector [embeddings | decoder].
 *
 * <p>Regression: the target of class c is a fixed random vector Y_c ~ N(0, I) (one per class),
 * the loss is the mean of (Dec − Y_c)² over batch and output dimensions, and the prediction is
 * the nearest Y_c. Classification: the output width is the number of classes, the loss is the mean
 * cross-entropy and the prediction the largest logit.
 *
 * <p>Initialization follows the authors' script: E ~ U(−s/2, s/2)^d with s the init scale, each
 * decoder layer W, b ~ U(−1/√n_in, 1/√n_in) (PyTorch's {@code nn.Linear} default) times the decoder
 * init scale. Immutable; thread-safe.
 */
public final class ToyModel {
    private final int p, d;
    private final Composition op;
    private final int[] widths;        // d, h_1, …, h_L, out
    private final int[] weightOffset, biasOffset;
    private final int decoderSize;
    private final LossKind loss;
    private final double[][] targets;  // regression targets Y_c, or null
    private final int classes;

    /**
     * @param hiddenWidths decoder hidden widths (may be empty: a linear decoder)
     * @param outputDim    regression output width; ignored for classification (width = classes)
     * @param targetSeed   seed of the random targets Y_c
     */
    public ToyModel(int symbols, int embeddingDim, int[] hiddenWidths, int outputDim, int classes, LossKind loss,
                    long targetSeed) {
        this(symbols, embeddingDim, Composition.SUM, hiddenWidths, outputDim, classes, loss, targetSeed);
    }

    /** As above with the hard-coded operation {@code op} (E_k ∈ ℝ^d for SUM, ℝ^{d×d} for MATRIX_PRODUCT). */
    public ToyModel(int symbols, int embeddingDim, Composition op, int[] hiddenWidths, int outputDim, int classes,
                    LossKind loss, long targetSeed) {
        if (symbols < 2) throw new IllegalArgumentException("symbols must be at least 2, got " + symbols);
        if (embeddingDim < 1) throw new IllegalArgumentException("embedding dimension must be at least 1, got " + embeddingDim);
        if (classes < 2) throw new IllegalArgumentException("classes must be at least 2, got " + classes);
        for (int h : hiddenWidths) if (h < 1) throw new IllegalArgumentException("hidden widths must be at least 1, got " + h);
        this.p = symbols;
        this.d = embeddingDim;
        this.op = op;
        this.loss = loss;
        this.classes = classes;
        int out = loss == LossKind.CLASSIFICATION ? classes : outputDim;
        if (out < 1) throw new IllegalArgumentException("output dimension must be at least 1, got " + outputDim);
        widths = new int[hiddenWidths.length + 2];
        widths[0] = op.inputWidth(d);
        System.arraycopy(hiddenWidths, 0, widths, 1, hiddenWidths.length);
        widths[widths.length - 1] = out;
        int layers = widths.length - 1;
        weightOffset = new int[layers];
        biasOffset = new int[layers];
        int off = 0;
        for (int l = 0; l < layers; l++) {
            weightOffset[l] = off;
            off += widths[l] * widths[l + 1];
            biasOffset[l] = off;
            off += widths[l + 1];
        }
        decoderSize = off;
        if (loss == LossKind.REGRESSION) {
            SplittableRandom rng = new SplittableRandom(targetSeed);
            targets = new double[classes][out];
            for (double[] y : targets) for (int j = 0; j < out; j++) y[j] = rng.nextGaussian();
        } else {
            targets = null;
        }
    }

    /** The toy model for a data table: p symbols, its number of classes. */
    public static ToyModel forTable(OperationTable table, int embeddingDim, int[] hiddenWidths, int outputDim,
                                    LossKind loss, long targetSeed) {
        return forTable(table, embeddingDim, Composition.SUM, hiddenWidths, outputDim, loss, targetSeed);
    }

    /** The toy model for a data table with the hard-coded operation {@code op}. */
    public static ToyModel forTable(OperationTable table, int embeddingDim, Composition op, int[] hiddenWidths, int outputDim,
                                    LossKind loss, long targetSeed) {
        return new ToyModel(table.symbols(), embeddingDim, op, hiddenWidths, outputDim, table.classes(), loss, targetSeed);
    }

    public int symbols() { return p; }

    /** d: the embedding vector's length (SUM) or the embedding matrix's side (MATRIX_PRODUCT). */
    public int embeddingDim() { return d; }

    /** The hard-coded operation between the two embeddings. */
    public Composition composition() { return op; }

    /** Numbers per symbol embedding (d or d²). */
    public int embeddingWidth() { return op.embeddingWidth(d); }

    public LossKind lossKind() { return loss; }

    public int classes() { return classes; }

    /** Layer widths d, h_1, …, h_L, out. */
    public int[] widths() { return widths.clone(); }

    public int embeddingSize() { return p * op.embeddingWidth(d); }

    public int decoderSize() { return decoderSize; }

    /** Regression target Y_c (a copy). */
    public double[] target(int c) {
        if (targets == null) throw new IllegalStateException("classification has no target vectors");
        return targets[c].clone();
    }

    /** Fills {@code embeddings} with U(−s/2, s/2) and {@code decoder} with the scaled PyTorch default. */
    public void initialize(double[] embeddings, double[] decoder, double initScale, double decoderInitScale,
                           SplittableRandom rng) {
        for (int i = 0; i < embeddings.length; i++) embeddings[i] = (rng.nextDouble() - 0.5) * initScale;
        for (int l = 0; l < widths.length - 1; l++) {
            double k = 1 / Math.sqrt(widths[l]);
            for (int i = weightOffset[l]; i < biasOffset[l] + widths[l + 1]; i++)
                decoder[i] = (2 * rng.nextDouble() - 1) * k * decoderInitScale;
        }
    }

    /** [embeddings | decoder] as one new vector. */
    public double[] flatten(double[] embeddings, double[] decoder) {
        double[] theta = Arrays.copyOf(embeddings, embeddings.length + decoder.length);
        System.arraycopy(decoder, 0, theta, embeddings.length, decoder.length);
        return theta;
    }

    /** Splits {@code theta} into {@code embeddings} and {@code decoder} (both overwritten). */
    public void unflatten(double[] theta, double[] embeddings, double[] decoder) {
        System.arraycopy(theta, 0, embeddings, 0, embeddings.length);
        System.arraycopy(theta, embeddings.length, decoder, 0, decoder.length);
    }

    /**
     * Reusable buffers for one thread: the activations and back-propagated errors of a whole batch
     * as row arrays (row = sample), the decoder's weights as row arrays and transposed, and the
     * weight gradients. A batch is then three matrix products per layer ({@link DenseKernels}) and
     * nothing is allocated per step; row arrays because C2 vectorizes them (decision 0005). Not
     * thread-safe: one workspace per thread (a {@link ToyTraining} keeps its own).
     */
    public final class Workspace {
        private final int capacity;
        private final double[][][] act, delta;       // [layer][sample][unit]
        private final double[][][] w, wt;             // W_l[c][j] (n_in × n_out) and W_lᵀ[j][c]
        private final double[][] bias;
        private final double[][][] gw;                // ∂L/∂W_l, n_in × n_out
        private final double[][] gb;
        private final double[][] actT;                // scratch: A_lᵀ, n_in × batch
        private final int[] labels;

        /** Buffers for batches of up to {@code capacity} samples. */
        public Workspace(int capacity) {
            if (capacity < 1) throw new IllegalArgumentException("workspace capacity must be at least 1, got " + capacity);
            this.capacity = capacity;
            int n = widths.length, layers = n - 1;
            act = new double[n][][];
            delta = new double[n][][];
            int widest = 0;
            for (int l = 0; l < n; l++) {
                act[l] = new double[capacity][widths[l]];
                delta[l] = new double[capacity][widths[l]];
                widest = Math.max(widest, widths[l]);
            }
            w = new double[layers][][];
            wt = new double[layers][][];
            gw = new double[layers][][];
            bias = new double[layers][];
            gb = new double[layers][];
            for (int l = 0; l < layers; l++) {
                w[l] = new double[widths[l]][widths[l + 1]];
                wt[l] = new double[widths[l + 1]][widths[l]];
                gw[l] = new double[widths[l]][widths[l + 1]];
                bias[l] = new double[widths[l + 1]];
                gb[l] = new double[widths[l + 1]];
            }
            actT = new double[widest][capacity];
            labels = new int[capacity];
        }

        private void load(double[] dec, boolean backward) {
            for (int l = 0; l < widths.length - 1; l++) {
                int nIn = widths[l], nOut = widths[l + 1];
                for (int c = 0; c < nIn; c++) System.arraycopy(dec, weightOffset[l] + c * nOut, w[l][c], 0, nOut);
                System.arraycopy(dec, biasOffset[l], bias[l], 0, nOut);
                if (backward) DenseKernels.transpose(w[l], nIn, nOut, wt[l]);
            }
        }

        private void check(int m) {
            if (m > capacity) throw new IllegalArgumentException("batch of " + m + " exceeds the workspace capacity " + capacity);
        }
    }

    /** A workspace large enough for every sample of {@code table}. */
    public Workspace workspace(OperationTable table) {
        return new Workspace(Math.max(1, table.size()));
    }

    /** Decoder output at input x (length {@link Composition#inputWidth}) into {@code out} (length = output width). */
    public void decode(double[] decoder, double[] x, double[] out) {
        Workspace w = new Workspace(1);
        w.load(decoder, false);
        System.arraycopy(x, 0, w.act[0][0], 0, widths[0]);
        forward(w, 1);
        System.arraycopy(w.act[widths.length - 1][0], 0, out, 0, out.length);
    }

    /**
     * The class the decoder gives each input x (rows of length d; nearest target or largest logit,
     * as {@link #classOf}), batched through one workspace: a decoder map of tens of thousands of
     * points costs a few matrix products per chunk instead of one allocation per point.
     */
    public int[] classify(double[] decoder, double[][] inputs) {
        int[] out = new int[inputs.length];
        int chunk = Math.max(1, Math.min(256, inputs.length));
        Workspace w = new Workspace(chunk);
        w.load(decoder, false);
        double[][] o = w.act[widths.length - 1];
        for (int from = 0; from < inputs.length; from += chunk) {
            int m = Math.min(chunk, inputs.length - from);
            for (int r = 0; r < m; r++) {
                double[] x = inputs[from + r];
                if (x.length != d) throw new IllegalArgumentException("decoder input has length " + x.length + ", expected " + d);
                System.arraycopy(x, 0, w.act[0][r], 0, d);
            }
            forward(w, m);
            for (int r = 0; r < m; r++) out[from + r] = classOf(o[r]);
        }
        return out;
    }

    /** act[l+1] = tanh(act[l]·W_l + b_l) for the first m rows (no tanh on the output layer). */
    private void forward(Workspace w, int m) {
        int layers = widths.length - 1;
        for (int l = 0; l < layers; l++) {
            int nIn = widths[l], nOut = widths[l + 1];
            double[][] z = w.act[l + 1];
            for (int s = 0; s < m; s++) System.arraycopy(w.bias[l], 0, z[s], 0, nOut);
            DenseKernels.gemmAccumulate(w.act[l], w.w[l], z, m, nIn, 0, nOut);
            if (l < layers - 1)
                for (int s = 0; s < m; s++) {
                    double[] zs = z[s];
                    for (int j = 0; j < nOut; j++) zs[j] = tanh(zs[j]);
                }
        }
    }

    /**
     * tanh(x) = sign(x)·(1 − t)/(1 + t) with t = e^(−2|x|), through the {@link Math#exp} intrinsic:
     * JDK 17's {@link Math#tanh} is the pure-Java fdlibm routine and cost more than the matrix
     * products of a toy step (18 000 calls a step). Absolute error ≤ a few ulps of 1 (the
     * cancellation in 1 − t for small |x|), far below what the finite-difference tests resolve;
     * deterministic because HotSpot uses the same exp stub in the interpreter and compiled code.
     */
    static double tanh(double x) {
        double t = Math.exp(-2 * Math.abs(x));
        return Math.copySign((1 - t) / (1 + t), x);
    }

    /** Loads the inputs E_a + E_b (or E_a·E_b) of {@code samples} into the first rows of act[0] and their labels. */
    private void inputs(Workspace w, double[] emb, OperationTable table, int[] samples) {
        w.check(samples.length);
        for (int r = 0; r < samples.length; r++) {
            int s = samples[r];
            op.combine(emb, table.first(s), table.second(s), d, w.act[0][r]);
            w.labels[r] = table.label(s);
        }
    }

    /**
     * Mean loss over {@code samples} and, when the gradient arrays are non-null, its gradient with
     * respect to the embeddings and the decoder (both overwritten). Allocates a workspace; a
     * training loop passes its own to {@link #lossAndGradient(double[], double[], OperationTable, int[], double[], double[], Workspace)}.
     */
    public double lossAndGradient(double[] emb, double[] dec, OperationTable table, int[] samples,
                                  double[] gEmb, double[] gDec) {
        return lossAndGradient(emb, dec, table, samples, gEmb, gDec, new Workspace(Math.max(1, samples.length)));
    }

    /** As above with the caller's workspace (no allocation). Same inputs, same bits. */
    public double lossAndGradient(double[] emb, double[] dec, OperationTable table, int[] samples,
                                  double[] gEmb, double[] gDec, Workspace w) {
        boolean grad = gEmb != null;
        if (grad) Arrays.fill(gEmb, 0);
        int m = samples.length;
        if (m == 0) {
            if (grad) Arrays.fill(gDec, 0);
            return 0;
        }
        int layers = widths.length - 1, out = widths[layers];
        w.load(dec, grad);
        inputs(w, emb, table, samples);
        forward(w, m);
        double total = 0;
        double scale = loss == LossKind.REGRESSION ? 2.0 / (m * (double) out) : 1.0 / m;
        for (int r = 0; r < m; r++) {
            double[] o = w.act[layers][r], g = w.delta[layers][r];
            int c = w.labels[r];
            if (loss == LossKind.REGRESSION) {
                double[] y = targets[c];
                for (int j = 0; j < out; j++) {
                    double e = o[j] - y[j];
                    total += e * e;
                    g[j] = scale * e;
                }
            } else {
                double max = Double.NEGATIVE_INFINITY;
                for (double v : o) max = Math.max(max, v);
                double z = 0;
                for (int j = 0; j < out; j++) z += Math.exp(o[j] - max);
                total += Math.log(z) + max - o[c];
                for (int j = 0; j < out; j++) g[j] = scale * (Math.exp(o[j] - max) / z - (j == c ? 1 : 0));
            }
        }
        if (grad) {
            backward(w, m);
            for (int l = 0; l < layers; l++) {
                int nOut = widths[l + 1];
                for (int c = 0; c < widths[l]; c++) System.arraycopy(w.gw[l][c], 0, gDec, weightOffset[l] + c * nOut, nOut);
                System.arraycopy(w.gb[l], 0, gDec, biasOffset[l], nOut);
            }
            for (int r = 0; r < m; r++) {
                int s = samples[r];
                op.accumulateGradient(emb, table.first(s), table.second(s), d, w.delta[0][r], gEmb);
            }
        }
        return loss == LossKind.REGRESSION ? total / (m * (double) out) : total / m;
    }

    /**
     * Back-propagation over the batch: ∂b_l = Σ_s Δ_{l+1}[s], ∂W_l = A_lᵀ·Δ_{l+1},
     * Δ_l = (Δ_{l+1}·W_lᵀ) ⊙ (1 − A_l²) on hidden layers (A_l = tanh), Δ_0 unmasked (the input).
     */
    private void backward(Workspace w, int m) {
        for (int l = widths.length - 2; l >= 0; l--) {
            int nIn = widths[l], nOut = widths[l + 1];
            double[][] in = w.act[l], dl = w.delta[l + 1], prev = w.delta[l];
            double[] gbl = w.gb[l];
            Arrays.fill(gbl, 0);
            for (int s = 0; s < m; s++) {
                double[] ds = dl[s];
                for (int j = 0; j < nOut; j++) gbl[j] += ds[j];
            }
            double[][] gwl = w.gw[l];
            for (int c = 0; c < nIn; c++) Arrays.fill(gwl[c], 0);
            DenseKernels.transpose(in, m, nIn, w.actT);
            DenseKernels.gemmAccumulate(w.actT, dl, gwl, nIn, m, 0, nOut);
            for (int s = 0; s < m; s++) Arrays.fill(prev[s], 0, nIn, 0);
            DenseKernels.gemmAccumulate(dl, w.wt[l], prev, m, nOut, 0, nIn);
            if (l > 0)
                for (int s = 0; s < m; s++) {
                    double[] ps = prev[s], as = in[s];
                    for (int c = 0; c < nIn; c++) ps[c] *= 1 - as[c] * as[c];   // in = tanh(z) for hidden layers
                }
        }
    }

    /** The predicted class of sample s: the nearest target (regression) or the largest logit. */
    public int predict(double[] emb, double[] dec, OperationTable table, int s) {
        Workspace w = new Workspace(1);
        w.load(dec, false);
        inputs(w, emb, table, new int[] {s});
        forward(w, 1);
        return classOf(w.act[widths.length - 1][0]);
    }

    /** The class an output vector stands for: nearest Y_c (regression) or argmax (classification). */
    public int classOf(double[] o) {
        int best = 0;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            double score;
            if (loss == LossKind.REGRESSION) {
                score = 0;
                for (int j = 0; j < o.length; j++) {
                    double r = o[j] - targets[c][j];
                    score += r * r;
                }
            } else {
                score = -o[c];
            }
            if (score < bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }

    /** Fraction of {@code samples} predicted correctly (NaN for an empty set). */
    public double accuracy(double[] emb, double[] dec, OperationTable table, int[] samples) {
        return accuracy(emb, dec, table, samples, new Workspace(Math.max(1, samples.length)));
    }

    /** As above with the caller's workspace. */
    public double accuracy(double[] emb, double[] dec, OperationTable table, int[] samples, Workspace w) {
        if (samples.length == 0) return Double.NaN;
        w.load(dec, false);
        inputs(w, emb, table, samples);
        forward(w, samples.length);
        int right = 0;
        double[][] o = w.act[widths.length - 1];
        for (int r = 0; r < samples.length; r++) if (classOf(o[r]) == w.labels[r]) right++;
        return right / (double) samples.length;
    }
}
