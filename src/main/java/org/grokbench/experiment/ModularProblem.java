package org.grokbench.experiment;

import org.grokbench.modular.Activation;
import org.grokbench.modular.LossReduction;
import org.grokbench.modular.ModularAdditionData;
import org.grokbench.modular.PairBatch;
import org.grokbench.modular.TwoLayerNetwork;

import java.util.Locale;

/**
 * The modular-addition part of an experiment (geometry-of-grokking §7): the pairs, their seeded
 * train/test split and the network shape. Immutable and shareable.
 */
public final class ModularProblem {
    private final int modulus;
    private final int hidden;
    private final Activation activation;
    private final LossReduction reduction;
    private final ModularAdditionData.Split split;

    ModularProblem(ModelSpec model, ModularDataSpec data, long seed) {
        this.modulus = model.modulus();
        this.hidden = model.hidden();
        // Presets say "linear" for σ(z) = z, the engine's IDENTITY.
        String sigma = model.activation().toUpperCase(Locale.ROOT);
        this.activation = Activation.valueOf("LINEAR".equals(sigma) ? "IDENTITY" : sigma);
        this.reduction = LossReduction.valueOf(model.reduction().toUpperCase(Locale.ROOT));
        ModularAdditionData all = ModularAdditionData.create(modulus,
                "ordered".equals(data.pairs()) ? ModularAdditionData.PairSet.ORDERED : ModularAdditionData.PairSet.UNORDERED);
        this.split = data.testCount() > 0 ? all.splitByTestCount(data.testCount(), seed)
                : all.splitByTrainFraction(data.trainFraction(), seed);
    }

    public int modulus() { return modulus; }
    public int hidden() { return hidden; }
    public Activation activation() { return activation; }
    public LossReduction reduction() { return reduction; }
    public PairBatch train() { return split.train(); }
    public PairBatch test() { return split.test(); }

    /** A network of this shape (it owns scratch buffers: one per user). */
    public TwoLayerNetwork newNetwork() {
        return new TwoLayerNetwork(modulus, hidden, activation, reduction);
    }
}
