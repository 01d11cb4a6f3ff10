package org.grokbench.representation;

import org.grokbench.data.AdditionTable;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The toy model of Liu et al. 2022 (§2): symbols a, b map to learnable embeddings E_a, E_b ∈ ℝ^d,
 * which are summed (the operation is hard-coded) and decoded by an MLP with tanh hidden layers:
 * (a, b) ↦ Dec(E_a + E_b). The authors' setup is d = 1 and a 1-200-200-30 decoder.
 *
 * <p>Parameters live in two flat arrays so that the representation and the decoder can have their
 * own optimizers (§4.1): {@code embeddings} (p·d, row k = E_k) and {@code decoder} (for each layer
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
        if (symbols < 2) throw new IllegalArgumentException("symbols must be at least 2, got " + symbols);
        if (embeddingDim < 1) throw new IllegalArgumentException("embedding dimension must be at least 1, got " + embeddingDim);
        if (classes < 2) throw new IllegalArgumentException("classes must be at least 2, got " + classes);
        for (int h : hiddenWidths) if (h < 1) throw new IllegalArgumentException("hidden widths must be at least 1, got " + h);
        this.p = symbols;
        this.d = embeddingDim;
        this.loss = loss;
        this.classes = classes;
        int out = loss == LossKind.CLASSIFICATION ? classes : outputDim;
        if (out < 1) throw new IllegalArgumentException("output dimension must be at least 1, got " + outputDim);
        widths = new int[hiddenWidths.length + 2];
        widths[0] = d;
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
    public static ToyModel forTable(AdditionTable table, int embeddingDim, int[] hiddenWidths, int outputDim,
                                    LossKind loss, long targetSeed) {
        return new ToyModel(table.symbols(), embeddingDim, hiddenWidths, outputDim, table.classes(), loss, targetSeed);
    }

    public int symbols() { return p; }

    public int embeddingDim() { return d; }

    public LossKind lossKind() { return loss; }

    public int classes() { return classes; }

    /** Layer widths d, h_1, …, h_L, out. */
    public int[] widths() { return widths.clone(); }

    public int embeddingSize() { return p * d; }

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

    /** Reusable activations and the decoder's weights as row arrays (see decision 0005: row arrays vectorize). */
    private final class Work {
        final double[][] act = new double[widths.length][];
        final double[][] delta = new double[widths.length][];
        final double[][][] w = new double[widths.length - 1][][];    // W_l[c][j], n_in × n_out
        final double[][][] wt;                                        // W_lᵀ[j][c], for the backward pass
        final double[][] bias = new double[widths.length - 1][];

        Work(double[] dec, boolean backward) {
            for (int l = 0; l < widths.length; l++) {
                act[l] = new double[widths[l]];
                delta[l] = new double[widths[l]];
            }
            wt = backward ? new double[widths.length - 1][][] : null;
            for (int l = 0; l < widths.length - 1; l++) {
                int nIn = widths[l], nOut = widths[l + 1];
                w[l] = new double[nIn][];
                for (int c = 0; c < nIn; c++) w[l][c] = Arrays.copyOfRange(dec, weightOffset[l] + c * nOut, weightOffset[l] + (c + 1) * nOut);
                bias[l] = Arrays.copyOfRange(dec, biasOffset[l], biasOffset[l] + nOut);
                if (backward) {
                    wt[l] = new double[nOut][nIn];
                    for (int c = 0; c < nIn; c++) for (int j = 0; j < nOut; j++) wt[l][j][c] = w[l][c][j];
                }
            }
        }
    }

    /** Decoder output at input x (length d) into {@code out} (length = output width). */
    public void decode(double[] decoder, double[] x, double[] out) {
        Work w = new Work(decoder, false);
        System.arraycopy(x, 0, w.act[0], 0, d);
        forward(w);
        System.arraycopy(w.act[widths.length - 1], 0, out, 0, out.length);
    }

    private void forward(Work w) {
        int layers = widths.length - 1;
        for (int l = 0; l < layers; l++) {
            double[] in = w.act[l], z = w.act[l + 1];
            double[][] wl = w.w[l];
            int nIn = widths[l], nOut = widths[l + 1];
            System.arraycopy(w.bias[l], 0, z, 0, nOut);
            for (int c = 0; c < nIn; c++) {
                double a = in[c];
                double[] row = wl[c];
                for (int j = 0; j < nOut; j++) z[j] += a * row[j];
            }
            if (l < layers - 1) for (int j = 0; j < nOut; j++) z[j] = Math.tanh(z[j]);
        }
    }

    private void input(double[] emb, AdditionTable table, int s, double[] x) {
        int a = table.first(s) * d, b = table.second(s) * d;
        for (int k = 0; k < d; k++) x[k] = emb[a + k] + emb[b + k];
    }

    /**
     * Mean loss over {@code samples} and, when the gradient arrays are non-null, its gradient with
     * respect to the embeddings and the decoder (both overwritten).
     */
    public double lossAndGradient(double[] emb, double[] dec, AdditionTable table, int[] samples,
                                  double[] gEmb, double[] gDec) {
        boolean grad = gEmb != null;
        if (grad) Arrays.fill(gEmb, 0);
        if (samples.length == 0) {
            if (grad) Arrays.fill(gDec, 0);
            return 0;
        }
        Work w = new Work(dec, grad);
        int layers = widths.length - 1, out = widths[layers];
        double[][][] gw = null;
        double[][] gb = null;
        if (grad) {
            gw = new double[layers][][];
            gb = new double[layers][];
            for (int l = 0; l < layers; l++) {
                gw[l] = new double[widths[l]][widths[l + 1]];
                gb[l] = new double[widths[l + 1]];
            }
        }
        double total = 0;
        double scale = loss == LossKind.REGRESSION ? 2.0 / (samples.length * (double) out) : 1.0 / samples.length;
        for (int s : samples) {
            input(emb, table, s, w.act[0]);
            forward(w);
            double[] o = w.act[layers], g = w.delta[layers];
            int c = table.label(s);
            if (loss == LossKind.REGRESSION) {
                double[] y = targets[c];
                for (int j = 0; j < out; j++) {
                    double r = o[j] - y[j];
                    total += r * r;
                    g[j] = scale * r;
                }
            } else {
                double max = Double.NEGATIVE_INFINITY;
                for (double v : o) max = Math.max(max, v);
                double z = 0;
                for (int j = 0; j < out; j++) z += Math.exp(o[j] - max);
                total += Math.log(z) + max - o[c];
                for (int j = 0; j < out; j++) g[j] = scale * (Math.exp(o[j] - max) / z - (j == c ? 1 : 0));
            }
            if (grad) backward(w, gw, gb, s, table, gEmb);
        }
        if (grad) {
            for (int l = 0; l < layers; l++) {
                int nOut = widths[l + 1];
                for (int c = 0; c < widths[l]; c++) System.arraycopy(gw[l][c], 0, gDec, weightOffset[l] + c * nOut, nOut);
                System.arraycopy(gb[l], 0, gDec, biasOffset[l], nOut);
            }
        }
        return loss == LossKind.REGRESSION ? total / (samples.length * (double) out) : total / samples.length;
    }

    private void backward(Work w, double[][][] gw, double[][] gb, int s, AdditionTable table, double[] gEmb) {
        for (int l = widths.length - 2; l >= 0; l--) {
            double[] in = w.act[l], delta = w.delta[l + 1], prev = w.delta[l];
            int nIn = widths[l], nOut = widths[l + 1];
            double[] gbl = gb[l];
            for (int j = 0; j < nOut; j++) gbl[j] += delta[j];
            double[][] gwl = gw[l];
            for (int c = 0; c < nIn; c++) {
                double a = in[c];
                double[] grow = gwl[c];
                for (int j = 0; j < nOut; j++) grow[j] += a * delta[j];
            }
            Arrays.fill(prev, 0);
            double[][] wt = w.wt[l];
            for (int j = 0; j < nOut; j++) {
                double dj = delta[j];
                double[] col = wt[j];
                for (int c = 0; c < nIn; c++) prev[c] += dj * col[c];
            }
            if (l > 0) for (int c = 0; c < nIn; c++) prev[c] *= 1 - in[c] * in[c];   // in = tanh(z) for hidden layers
        }
        int a = table.first(s) * d, b = table.second(s) * d;
        for (int k = 0; k < d; k++) {
            gEmb[a + k] += w.delta[0][k];
            gEmb[b + k] += w.delta[0][k];
        }
    }

    /** The predicted class of sample s: the nearest target (regression) or the largest logit. */
    public int predict(double[] emb, double[] dec, AdditionTable table, int s) {
        return predict(emb, new Work(dec, false), table, s);
    }

    private int predict(double[] emb, Work w, AdditionTable table, int s) {
        input(emb, table, s, w.act[0]);
        forward(w);
        return classOf(w.act[widths.length - 1]);
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
    public double accuracy(double[] emb, double[] dec, AdditionTable table, int[] samples) {
        if (samples.length == 0) return Double.NaN;
        Work w = new Work(dec, false);
        int right = 0;
        for (int s : samples) if (predict(emb, w, table, s) == table.label(s)) right++;
        return right / (double) samples.length;
    }
}
