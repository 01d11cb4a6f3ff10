package org.grokbench.representation;

import org.grokbench.data.OperationTable;

/**
 * Everything that defines one training run of the toy model (Liu et al. 2022, §2 and §4.1). One
 * seed drives the split, the targets, the initialization and the minibatches: same spec, same numbers.
 *
 * <p>{@link #paper()} is the authors' addition setup ({@code train_add} defaults): p = 10 without
 * modulo, 1D embeddings, decoder 1-200-200-30 with tanh, regression, 45/10 split, full batch 45,
 * AdamW for both parts with representation lr 10⁻³ and decoder lr 10⁻⁴, no weight decay, init
 * scale 1, δ = 0.01.
 *
 * <p>{@link #s3Paper()} is the permutation group of App. H ({@link ToyTask#S3}): 3 × 3 matrix
 * embeddings multiplied before the decoder, 24/12 split, init scale 0.1 and δ = 0.5 as in the
 * authors' S₃ notebook (decision 0017). For S₃, p is the group order 6 and modular is false.
 *
 * @param trainCount |D| (the rest of the table's samples is the validation set)
 * @param batchSize  samples per step, drawn without replacement from D each step (≥ |D|: full batch)
 * @param initScale  embeddings start as U(−s/2, s/2)
 * @param decoderInitScale multiplies PyTorch's default decoder initialization
 * @param delta      parallelogram tolerance of RQI
 * @param task       addition (vector embeddings, summed) or S₃ (matrix embeddings, multiplied)
 */
public record ToySpec(int p, boolean modular, int embeddingDim, int[] hiddenWidths, int outputDim, LossKind loss,
                      int trainCount, long seed, OptimizerChoice representation, OptimizerChoice decoder,
                      double initScale, double decoderInitScale, int batchSize, double delta, ToyTask task) {
    public ToySpec {
        hiddenWidths = hiddenWidths.clone();
        if (task == null) throw new IllegalArgumentException("task must be given");
        if (p < 2) throw new IllegalArgumentException("p must be at least 2, got " + p);
        if (task == ToyTask.S3 && (p != ToyTask.S3_ORDER || modular))
            throw new IllegalArgumentException("S3 has p = " + ToyTask.S3_ORDER + " symbols and no modulus, got p = " + p
                    + (modular ? ", modular" : ""));
        if (embeddingDim < 1) throw new IllegalArgumentException("embedding dimension must be at least 1, got " + embeddingDim);
        int k = task.tableSize(p);
        if (trainCount < 1 || trainCount > k) throw new IllegalArgumentException("train count must be in [1, " + k + "], got " + trainCount);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        if (!(initScale >= 0) || !(decoderInitScale >= 0)) throw new IllegalArgumentException("init scales must be >= 0");
        if (!(delta > 0)) throw new IllegalArgumentException("delta must be > 0, got " + delta);
    }

    /** An addition spec (the components before {@code task}). */
    public ToySpec(int p, boolean modular, int embeddingDim, int[] hiddenWidths, int outputDim, LossKind loss,
                   int trainCount, long seed, OptimizerChoice representation, OptimizerChoice decoder,
                   double initScale, double decoderInitScale, int batchSize, double delta) {
        this(p, modular, embeddingDim, hiddenWidths, outputDim, loss, trainCount, seed, representation, decoder, initScale,
                decoderInitScale, batchSize, delta, ToyTask.ADDITION);
    }

    @Override public int[] hiddenWidths() { return hiddenWidths.clone(); }

    public static ToySpec paper() {
        return new ToySpec(10, false, 1, new int[] {200, 200}, 30, LossKind.REGRESSION, 45, 58,
                OptimizerChoice.adamW(1e-3, 0), OptimizerChoice.adamW(1e-4, 0), 1, 1, 45, RepresentationQuality.DEFAULT_DELTA);
    }

    /**
     * The permutation group S₃ of App. H as the authors' notebook trains it: 3 × 3 matrices, decoder
     * 9-200-200-30 tanh, regression, 24 of 36 samples, full batch, AdamW representation lr 10⁻³ and
     * decoder lr 10⁻³ without weight decay, init U(−0.05, 0.05), δ = 0.5.
     */
    public static ToySpec s3Paper() {
        return new ToySpec(ToyTask.S3_ORDER, false, 3, new int[] {200, 200}, 30, LossKind.REGRESSION, 24, 0,
                OptimizerChoice.adamW(1e-3, 0), OptimizerChoice.adamW(1e-3, 0), 0.1, 1, 24,
                RepresentationQuality.DEFAULT_GROUP_DELTA, ToyTask.S3);
    }

    public OperationTable table() { return task.table(p, modular); }

    /** The hard-coded operation between the embeddings. */
    public Composition composition() { return task.composition(); }

    public ToySpec withP(int v) { return new ToySpec(v, modular, embeddingDim, hiddenWidths, outputDim, loss, trainCount, seed, representation, decoder, initScale, decoderInitScale, batchSize, delta, task); }
    public ToySpec withModular(boolean v) { return new ToySpec(p, v, embeddingDim, hiddenWidths, outputDim, loss, trainCount, seed, representation, decoder, initScale, decoderInitScale, batchSize, delta, task); }
    public ToySpec withEmbeddingDim(int v) { return new ToySpec(p, modular, v, hiddenWidths, outputDim, loss, trainCount, seed, representation, decoder, initScale, decoderInitScale, batchSize, delta, task); }
    public ToySpec withHiddenWidths(int[] v) { return new ToySpec(p, modular, embeddingDim, v, outputDim, loss, trainCount, seed, representation, decoder, initScale, decoderInitScale, batchSize, delta, task); }
    public ToySpec withOutputDim(int v) { return new ToySpec(p, modular, embeddingDim, hiddenWidths, v, loss, trainCount, seed, representation, decoder, initScale, decoderInitScale, batchSize, delta, task); }
    public ToySpec withLoss(LossKind v) { return new ToySpec(p, modular, embeddingDim, hiddenWidths, outputDim, v, trainCount, seed, representation, decoder, initScale, decoderInitScale, batchSize, delta, task); }
    public ToySpec withTrainCount(int v) { return new ToySpec(p, modular, embeddingDim, hiddenWidths, outputDim, loss, v, seed, representation, decoder, initScale, decoderInitScale, batchSize, delta, task); }
    public ToySpec withSeed(long v) { return new ToySpec(p, modular, embeddingDim, hiddenWidths, outputDim, loss, trainCount, v, representation, decoder, initScale, decoderInitScale, batchSize, delta, task); }
    public ToySpec withRepresentation(OptimizerChoice v) { return new ToySpec(p, modular, embeddingDim, hiddenWidths, outputDim, loss, trainCount, seed, v, decoder, initScale, decoderInitScale, batchSize, delta, task); }
    public ToySpec withDecoder(OptimizerChoice v) { return new ToySpec(p, modular, embeddingDim, hiddenWidths, outputDim, loss, trainCount, seed, representation, v, initScale, decoderInitScale, batchSize, delta, task); }
    public ToySpec withInitScale(double v) { return new ToySpec(p, modular, embeddingDim, hiddenWidths, outputDim, loss, trainCount, seed, representation, decoder, v, decoderInitScale, batchSize, delta, task); }
    public ToySpec withDecoderInitScale(double v) { return new ToySpec(p, modular, embeddingDim, hiddenWidths, outputDim, loss, trainCount, seed, representation, decoder, initScale, v, batchSize, delta, task); }
    public ToySpec withBatchSize(int v) { return new ToySpec(p, modular, embeddingDim, hiddenWidths, outputDim, loss, trainCount, seed, representation, decoder, initScale, decoderInitScale, v, delta, task); }
    public ToySpec withDelta(double v) { return new ToySpec(p, modular, embeddingDim, hiddenWidths, outputDim, loss, trainCount, seed, representation, decoder, initScale, decoderInitScale, batchSize, v, task); }
    public ToySpec withTask(ToyTask v) { return new ToySpec(p, modular, embeddingDim, hiddenWidths, outputDim, loss, trainCount, seed, representation, decoder, initScale, decoderInitScale, batchSize, delta, v); }
}
