package org.grokbench.representation;

/**
 * The network's representation beside the effective theory's at the same steps (Liu et al. 2022,
 * Fig. 4 c-d): both normalized (zero mean, Z₀ = p; the paper normalizes the network's "manually"),
 * with the RQI of each, the grokking rate λ₃ of the training set and the time the theory advances
 * per network step ({@link TheoryTrajectory}). Everything a figure needs, computed off the UI thread.
 *
 * @param p           symbols
 * @param d           embedding dimension
 * @param steps       network steps, ascending
 * @param network     the network's normalized embeddings at each step (p·d row-major)
 * @param theory      the theory's embeddings at each step
 * @param networkRqi  RQI of the network at each step
 * @param theoryRqi   RQI of the theory at each step
 * @param lambda3     the grokking rate of the training set (Eq. 8)
 * @param eta         the representation learning rate
 * @param parallelograms |P₀(D)|
 * @param timePerStep theory time per network step (η·|P₀(D)|, decision 0011 item 3)
 */
public record TheoryComparison(int p, int d, long[] steps, double[][] network, double[][] theory, double[] networkRqi,
                               double[] theoryRqi, double lambda3, double eta, int parallelograms, double timePerStep) {
    public TheoryComparison {
        steps = steps.clone();
        network = deep(network);
        theory = deep(theory);
        networkRqi = networkRqi.clone();
        theoryRqi = theoryRqi.clone();
    }

    private static double[][] deep(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }

    /**
     * The comparison for a run of {@code spec} whose raw embeddings at {@code steps} (ascending,
     * starting at step 0: the theory starts from the first row) are {@code embeddings}.
     */
    public static TheoryComparison of(ToySpec spec, long[] steps, double[][] embeddings) {
        if (steps.length == 0 || steps.length != embeddings.length)
            throw new IllegalArgumentException("need one embedding row per step (and at least one), got " + steps.length
                    + " steps and " + embeddings.length + " rows");
        if (steps[0] != 0) throw new IllegalArgumentException("the first row must be step 0, got step " + steps[0]);
        var table = spec.table();   // any operation table: AdditionTable here, OperationTable once groups land
        int p = table.symbols(), d = spec.embeddingDim();
        TheoryTrajectory flow = TheoryTrajectory.of(spec);
        double[][] theory = flow.at(embeddings[0], steps);
        Parallelograms all = Parallelograms.all(table);
        double[][] network = new double[steps.length][];
        double[] nRqi = new double[steps.length], tRqi = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            network[i] = RepresentationQuality.normalized(embeddings[i], p, d);
            nRqi[i] = RepresentationQuality.rqi(all, embeddings[i], d, spec.delta());
            tRqi[i] = RepresentationQuality.rqi(all, theory[i], d, spec.delta());
        }
        EffectiveTheory t = flow.theory();
        return new TheoryComparison(p, d, steps, network, theory, nRqi, tRqi, t.grokkingRate(), spec.representation().lr(),
                t.parallelogramCount(), flow.timePerStep());
    }

    @Override public long[] steps() { return steps.clone(); }
    @Override public double[][] network() { return deep(network); }
    @Override public double[][] theory() { return deep(theory); }
    @Override public double[] networkRqi() { return networkRqi.clone(); }
    @Override public double[] theoryRqi() { return theoryRqi.clone(); }

    /** Index of the last step ≤ {@code step} (0 when {@code step} precedes all; the last for a negative step). */
    public int indexAt(long step) {
        if (step < 0) return steps.length - 1;
        int lo = 0, hi = steps.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (steps[mid] <= step) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    /** n_h = 1/(λ₃η) network steps (Eq. 8 as printed; ∞ when λ₃ = 0). */
    public double predictedSteps() { return lambda3 > 0 ? 1 / (lambda3 * eta) : Double.POSITIVE_INFINITY; }

    /**
     * The e-folding time of the slowest structure-forming mode of the theory drawn here, in network
     * steps: 1/(λ₃·η·|P₀(D)|) (the authors' summed ℓ₀; ∞ when λ₃ = 0 or the theory does not move).
     */
    public double theoryTimeConstant() { return lambda3 > 0 && timePerStep > 0 ? 1 / (lambda3 * timePerStep) : Double.POSITIVE_INFINITY; }

    /** First step at which RQI exceeds {@code threshold} in the network or the theory series, −1 if never. */
    public long firstAbove(double[] rqi, double threshold) {
        for (int i = 0; i < rqi.length; i++) if (rqi[i] > threshold) return steps[i];
        return -1;
    }
}
