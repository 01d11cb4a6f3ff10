package org.grokbench.representation;

import org.grokbench.data.AdditionTable;

/**
 * Everything that defines one training run of the toy model (Liu et al. 2022, §2 and §4.1). One
 * seed drives the split, the targets, the initialization and the minibatches: same spec, same numbers.
 *
 * <p>{@link #paper()} is the authors' addition setup ({@code train_add} defaults): p = 10 without
 * modulo, 1D embeddings, decoder 1-200-200-30 with tanh, regression, 45/10 split, full batch 45,
 * AdamW for both parts with representation lr 10⁻³ and decoder lr 10⁻⁴, no weight decay, init
 * scale 1, δ = 0.01.
 *
 * @param trainCount |D| (the rest of the p(p+1)/2 samples is the validation set)
 * @param batchSize  samples per step, drawn without replacement from D each step (≥ |D|: full batch)
 * @param initScale  embeddings start as U(−s/2, s/2)
 * @param decoderInitScale multiplies PyTorch's default decoder initialization
 * @param delta      parallelogram tolerance of RQI
 */
public record ToySpec(int p, boolean modular, int embeddingDim, int[] hiddenWidths, int outputDim, LossKind loss,
                      int trainCount, long seed, OptimizerChoice representation, OptimizerChoice decoder,
                      double initScale, double decoderInitScale, int batchSize, double delta) {
    public ToySpec {
        hiddenWidths = hiddenWidths.clone();
        if (p < 2) throw new IllegalArgumentException("p must be at least 2, got " + p);
        int k = p * (p + 1) / 2;
        if (trainCount < 1 || trainCount > k) throw new IllegalArgumentException("train count must be in [1, " + k + "], got " + trainCount);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        if (!(initScale >= 0) || !(decoderInitScale >= 0)) throw new IllegalArgumentException("init scales must be >= 0");
        if (!(delta > 0)) throw new IllegalArgumentException("delta must be > 0, got " + delta);
    }

    @Override public int[] hiddenWidths() { return hiddenWidths.clone(); }

    public static ToySpec paper() {
        return new ToySpec(10, false, 1, new int[] {200, 200}, 30, LossKind.REGRESSION, 45, 58,
                OptimizerChoice.adamW(1e-3, 0), OptimizerChoice.adamW(1e-4, 0), 1, 1, 45, RepresentationQuality.DEFAULT_DELTA);
    }

    public AdditionTable table() { return modular ? AdditionTable.modular(p) : AdditionTable.addition(p); }

    public ToySpec withP(int v) { return new ToySpec(v, modular, embeddingDim, hiddenWidths, outputDim, loss, trainCount, seed, representation, decoder, initScale, decoderInitScale, batchSize, delta); }
    public ToySpec withModular(boolean v) { return new ToySpec(p, v, embeddingDim, hiddenWidths, outputDim, loss, trainCount, seed, representation, decoder, initScale, decoderInitScale, batchSize, delta); }
    public ToySpec withEmbeddingDim(int v) { return new ToySpec(p, modular, v, hiddenWidths, outputDim, loss, trainCount, seed, representation, decoder, initScale, decoderInitScale, batchSize, delta); }
    public ToySpec withHiddenWidths(int[] v) { return new ToySpec(p, modular, embeddingDim, v, outputDim, loss, trainCount, seed, representation, decoder, initScale, decoderInitScale, batchSize, delta); }
    public ToySpec withOutputDim(int v) { return new ToySpec(p, modular, embeddingDim, hiddenWidths, v, loss, trainCount, seed, representation, decoder, initScale, decoderInitScale, batchSize, delta); }
    public ToySpec withLoss(LossKind v) { return new ToySpec(p, modular, embeddingDim, hiddenWidths, outputDim, v, trainCount, seed, representation, decoder, initScale, decoderInitScale, batchSize, delta); }
    public ToySpec withTrainCount(int v) { return new ToySpec(p, modular, embeddingDim, hiddenWidths, outputDim, loss, v, seed, representation, decoder, initScale, decoderInitScale, batchSize, delta); }
    public ToySpec withSeed(long v) { return new ToySpec(p, modular, embeddingDim, hiddenWidths, outputDim, loss, trainCount, v, representation, decoder, initScale, decoderInitScale, batchSize, delta); }
    public ToySpec withRepresentation(OptimizerChoice v) { return new ToySpec(p, modular, embeddingDim, hiddenWidths, outputDim, loss, trainCount, seed, v, decoder, initScale, decoderInitScale, batchSize, delta); }
    public ToySpec withDecoder(OptimizerChoice v) { return new ToySpec(p, modular, embeddingDim, hiddenWidths, outputDim, loss, trainCount, seed, representation, v, initScale, decoderInitScale, batchSize, delta); }
    public ToySpec withInitScale(double v) { return new ToySpec(p, modular, embeddingDim, hiddenWidths, outputDim, loss, trainCount, seed, representation, decoder, v, decoderInitScale, batchSize, delta); }
    public ToySpec withDecoderInitScale(double v) { return new ToySpec(p, modular, embeddingDim, hiddenWidths, outputDim, loss, trainCount, seed, representation, decoder, initScale, v, batchSize, delta); }
    public ToySpec withBatchSize(int v) { return new ToySpec(p, modular, embeddingDim, hiddenWidths, outputDim, loss, trainCount, seed, representation, decoder, initScale, decoderInitScale, v, delta); }
    public ToySpec withDelta(double v) { return new ToySpec(p, modular, embeddingDim, hiddenWidths, outputDim, loss, trainCount, seed, representation, decoder, initScale, decoderInitScale, batchSize, v); }
}
