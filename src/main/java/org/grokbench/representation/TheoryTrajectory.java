package org.grokbench.representation;

/**
 * The effective theory's representation at chosen network steps, for drawing it beside the network
 * (Liu et al. 2022, Fig. 4 c-d) after the fact: the network's recorded θ rows give its embeddings
 * at some steps, and this gives the theory's at the same steps without rerunning the network.
 *
 * <p>It is the run {@link ToyTraining} keeps beside the network: the theory starts at the
 * normalized initial embeddings and each network step advances it by time η·|P₀(D)| (decision 0011,
 * item 3), integrated one network step at a time as there ({@link EffectiveTheory#flow}). Z₀ = p
 * is conserved, and so is C = 0. Immutable; thread-safe.
 */
public final class TheoryTrajectory {
    private final EffectiveTheory theory;
    private final int d;
    private final double timePerStep;

    /**
     * @param timePerStep theory time per network step (η·|P₀(D)| for the authors' comparison), ≥ 0
     */
    public TheoryTrajectory(EffectiveTheory theory, int embeddingDim, double timePerStep) {
        if (embeddingDim < 1) throw new IllegalArgumentException("embedding dimension must be at least 1, got " + embeddingDim);
        if (!(timePerStep >= 0) || Double.isInfinite(timePerStep))
            throw new IllegalArgumentException("time per step must be finite and >= 0, got " + timePerStep);
        this.theory = theory;
        this.d = embeddingDim;
        this.timePerStep = timePerStep;
    }

    /** The theory of a run's training set, advanced η·|P₀(D)| per step as in {@link ToyTraining}. */
    public static TheoryTrajectory of(ToySpec spec) {
        var table = spec.table();   // any operation table: AdditionTable here, OperationTable once groups land
        Parallelograms permissible = Parallelograms.of(table, table.split(spec.trainCount(), spec.seed()).train());
        return new TheoryTrajectory(EffectiveTheory.forTrainingSet(permissible), spec.embeddingDim(),
                spec.representation().lr() * permissible.size());
    }

    public EffectiveTheory theory() { return theory; }

    public double timePerStep() { return timePerStep; }

    /**
     * The theory's (normalized) representation at each of {@code steps} (ascending, ≥ 0), starting
     * from the raw initial embeddings E at step 0 (p·d row-major, not modified).
     */
    public double[][] at(double[] initialEmbeddings, long[] steps) {
        int p = theory.symbols();
        if (initialEmbeddings.length != p * d)
            throw new IllegalArgumentException("embeddings have length " + initialEmbeddings.length + ", expected p·d = " + p * d);
        double[] r = RepresentationQuality.normalized(initialEmbeddings, p, d);
        double[][] out = new double[steps.length][];
        long at = 0;
        for (int i = 0; i < steps.length; i++) {
            long s = steps[i];
            if (s < at) throw new IllegalArgumentException("steps must be ascending and >= 0, got " + s + " after " + at);
            // one flow call per network step, as ToyTraining makes them: the same numbers
            if (timePerStep > 0) for (long k = at; k < s; k++) theory.flow(r, d, timePerStep, timePerStep);
            at = s;
            out[i] = r.clone();
        }
        return out;
    }
}
