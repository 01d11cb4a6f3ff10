package org.grokbench.experiment;

import org.grokbench.analysis.GeometryReading;

/**
 * What one trajectory trains, behind one interface so the run loop, history and viewers are the
 * same for every model: a parameter vector θ, how it is measured, how it moves, and the
 * geometry probe. Implementations own scratch buffers and the optimizer state; a learner is used
 * by one thread only.
 */
public interface Learner {
    /** d, the length of θ. */
    int dimension();

    /**
     * Length of θ's leading block that viewers read over time (the embeddings), kept by the history
     * at full resolution even when whole θ rows are thinned; 0 when θ has no such block.
     */
    default int embeddingLength() {
        return 0;
    }

    /** θ₀ (new array). */
    double[] initialParameters();

    /**
     * Writes the loss, accuracy and norm metrics of θ into {@code row} (indexed by
     * {@link Metric#ordinal()}; geometry entries are left alone) and whatever {@link #update}
     * needs (for gradient methods ∇L(θ)) into {@code gradient}. Returns the training loss; a
     * non-finite value means the run diverged.
     */
    double measure(double[] theta, double[] gradient, double[] row);

    /** Moves θ one step in place, given what {@link #measure} left in {@code gradient}. */
    void update(double[] theta, double[] gradient, double lr, double lambda);

    /** Geometry of the update Δθ taken from θ (θ and Δθ untouched); {@link GeometryReading#NONE} if undefined. */
    GeometryReading probe(double[] theta, double[] update);

    /**
     * Why the last {@link #measure} returned a non-finite loss when the reason is not simply a
     * too-large step (e.g. "H Hᵀ is not positive definite"); null otherwise.
     */
    default String problem() {
        return null;
    }
}
