package org.grokbench.experiment;

import org.grokbench.data.OperationTable;
import org.grokbench.representation.Composition;
import org.grokbench.representation.IdealRepresentation;
import org.grokbench.representation.Parallelograms;
import org.grokbench.representation.RepresentationQuality;
import org.grokbench.representation.ToyModel;
import org.grokbench.representation.ToySpec;
import org.grokbench.representation.ToyTraining;

import java.util.Arrays;

/**
 * The representation-learning part of an experiment (Liu et al. 2022, §2-4): the toy model
 * (a, b) ↦ Dec(E_a + E_b), or Dec(E_a·E_b) with d × d matrices for S₃ (App. H), its table and
 * seeded training/validation split, the parallelograms P₀ and (addition only) the ideal model's bounds. Immutable and shareable; what the window's
 * panels read.
 *
 * <p>θ of a representation run is {@link ToyModel#flatten [embeddings | decoder]}: the first
 * p·w entries are the embeddings E_0 … E_{p−1} (row k = E_k, w = {@link #embeddingWidth()}: d, or d²
 * for a d × d matrix stored row-major), the rest the decoder
 * ({@link #embeddings(double[])}, {@link #decoder(double[])}).
 */
public final class RepresentationProblem {
    private final ToySpec spec;
    private final OperationTable table;
    private final OperationTable.Split split;
    private final ToyModel model;
    private final Parallelograms all;
    private final IdealRepresentation ideal;
    private final double[] initial;

    RepresentationProblem(ToySpec spec) {
        // The same construction as the CLI's `repr` (split, targets, initialization from one seed).
        ToyTraining prototype = new ToyTraining(spec);
        this.spec = spec;
        this.table = prototype.table();
        this.split = prototype.split();
        this.model = prototype.model();
        this.all = prototype.allParallelograms();
        this.ideal = spec.composition() == Composition.SUM ? IdealRepresentation.of(table, split) : null;
        this.initial = new double[model.embeddingSize() + model.decoderSize()];
        prototype.copyParameters(initial);
    }

    /** The toy's settings, with the experiment's seed. */
    public ToySpec spec() { return spec; }

    /** The data set D₀. */
    public OperationTable table() { return table; }

    /** D and D′ (indices into {@link #table()}). */
    public OperationTable.Split split() { return split; }

    /** The model (its regression targets and layer shapes; shareable, workspaces are per call). */
    public ToyModel model() { return model; }

    /** P₀ of the full table (RQI's denominator). */
    public Parallelograms allParallelograms() { return all; }

    /** The ideal model of App. E for this training set: RQI-bar, Acc-bar, P(D); null for S₃ (no linear theory of a product). */
    public IdealRepresentation ideal() { return ideal; }

    /** RQI-bar of the ideal model, NaN for S₃ (no bound to draw). */
    public double rqiBar() { return ideal == null ? Double.NaN : ideal.rqiBar(); }

    /** Acc-bar of the ideal model, NaN for S₃. */
    public double accBar() { return ideal == null ? Double.NaN : ideal.accBar(); }

    /** p, the number of embeddings. */
    public int symbols() { return table.symbols(); }

    /** d, the embedding dimension (the matrix side for S₃). */
    public int embeddingDim() { return spec.embeddingDim(); }

    /** Numbers per embedding E_k: d, or d² for S₃'s d × d matrices (what a PCA of the embeddings sees). */
    public int embeddingWidth() { return model.embeddingWidth(); }

    /** The operation between the embeddings: a sum, or S₃'s matrix product. */
    public Composition composition() { return spec.composition(); }

    /** Length of θ. */
    public int parameterCount() { return initial.length; }

    /** θ₀ (a copy). */
    public double[] initialParameters() { return initial.clone(); }

    /** The embeddings inside θ (a copy, p·w row-major: row k = E_k, w = {@link #embeddingWidth()}). */
    public double[] embeddings(double[] theta) { return Arrays.copyOf(theta, model.embeddingSize()); }

    /** The decoder parameters inside θ (a copy, layout of {@link ToyModel}). */
    public double[] decoder(double[] theta) {
        return Arrays.copyOfRange(theta, model.embeddingSize(), model.embeddingSize() + model.decoderSize());
    }

    /** P(R, δ): the parallelograms of P₀ that hold in θ's embeddings, with the spec's δ. */
    public Parallelograms held(double[] theta) {
        return RepresentationQuality.held(all, embeddings(theta), spec.embeddingDim(), spec.delta(), spec.composition());
    }
}
