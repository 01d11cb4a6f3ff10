package org.grokbench.experiment;

import org.grokbench.data.AdditionTable;
import org.grokbench.representation.IdealRepresentation;
import org.grokbench.representation.Parallelograms;
import org.grokbench.representation.RepresentationQuality;
import org.grokbench.representation.ToyModel;
import org.grokbench.representation.ToySpec;
import org.grokbench.representation.ToyTraining;

import java.util.Arrays;

/**
 * The representation-learning part of an experiment (Liu et al. 2022, §2-4): the toy model
 * (a, b) ↦ Dec(E_a + E_b), its addition table and seeded training/validation split, the
 * parallelograms P₀ and the ideal model's bounds. Immutable and shareable; what the window's
 * panels read.
 *
 * <p>θ of a representation run is {@link ToyModel#flatten [embeddings | decoder]}: the first
 * p·d entries are the embeddings E_0 … E_{p−1} (row k = E_k), the rest the decoder
 * ({@link #embeddings(double[])}, {@link #decoder(double[])}).
 */
public final class RepresentationProblem {
    private final ToySpec spec;
    private final AdditionTable table;
    private final AdditionTable.Split split;
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
        this.ideal = IdealRepresentation.of(table, split);
        this.initial = new double[model.embeddingSize() + model.decoderSize()];
        prototype.copyParameters(initial);
    }

    /** The toy's settings, with the experiment's seed. */
    public ToySpec spec() { return spec; }

    /** The data set D₀. */
    public AdditionTable table() { return table; }

    /** D and D′ (indices into {@link #table()}). */
    public AdditionTable.Split split() { return split; }

    /** The model (its regression targets and layer shapes; shareable, workspaces are per call). */
    public ToyModel model() { return model; }

    /** P₀ of the full table (RQI's denominator). */
    public Parallelograms allParallelograms() { return all; }

    /** The ideal model of App. E for this training set: RQI-bar, Acc-bar, P(D). */
    public IdealRepresentation ideal() { return ideal; }

    /** p, the number of embeddings. */
    public int symbols() { return table.symbols(); }

    /** d, the embedding dimension. */
    public int embeddingDim() { return spec.embeddingDim(); }

    /** Length of θ. */
    public int parameterCount() { return initial.length; }

    /** θ₀ (a copy). */
    public double[] initialParameters() { return initial.clone(); }

    /** The embeddings inside θ (a copy, p·d row-major: row k = E_k). */
    public double[] embeddings(double[] theta) { return Arrays.copyOf(theta, model.embeddingSize()); }

    /** The decoder parameters inside θ (a copy, layout of {@link ToyModel}). */
    public double[] decoder(double[] theta) {
        return Arrays.copyOfRange(theta, model.embeddingSize(), model.embeddingSize() + model.decoderSize());
    }

    /** P(R, δ): the parallelograms of P₀ that hold in θ's embeddings, with the spec's δ. */
    public Parallelograms held(double[] theta) {
        return RepresentationQuality.held(all, embeddings(theta), spec.embeddingDim(), spec.delta());
    }
}
