package org.grokbench.analysis;

import java.util.List;

/**
 * The training problem of one experiment seen as functions of a free parameter vector θ: what
 * landscape slices, Hessian probes and trajectory measures evaluate away from the path the
 * optimizer took (predicting-grokking §3-4, App. G). The losses are the data losses the model
 * trains on, without the weight-decay term: the paper's landscapes and Hessians are of the
 * training loss (the λ‖θ‖² term only shifts every Hessian eigenvalue by 2λ).
 *
 * <p>An instance holds scratch buffers: one per thread ({@code Experiment.newLossSurface()}
 * makes a fresh one). No method modifies θ.
 */
public interface LossSurface {
    /** d, the length of θ. */
    int dimension();

    /** L_train(θ). */
    double trainLoss(double[] theta);

    /** Writes ∇L_train(θ) into {@code gradient} (overwritten) and returns L_train(θ). */
    double trainGradient(double[] theta, double[] gradient);

    /** L_test(θ); NaN when the experiment has no test set. */
    double testLoss(double[] theta);

    /** Training accuracy at θ (the same measure the run records). */
    double trainAccuracy(double[] theta);

    /** Test accuracy at θ; NaN when the experiment has no test set. */
    double testAccuracy(double[] theta);

    /**
     * All four measures of a landscape point at once: {@code out[0..3]} = L_train, L_test, train
     * accuracy, test accuracy (as the four methods give them). A surface may share one forward pass
     * per data set between loss and accuracy; landscape slices evaluate thousands of points.
     */
    default void measures(double[] theta, double[] out) {
        out[0] = trainLoss(theta);
        out[1] = testLoss(theta);
        out[2] = trainAccuracy(theta);
        out[3] = testAccuracy(theta);
    }

    /** The weight matrices inside θ, whose filters App. G.1's filter normalization rescales one by one. */
    List<ParameterBlock> blocks();

    /**
     * The hidden activations at θ, one row per sample of the training ({@code train}) or test
     * set, for the intrinsic-dimension probe (App. H); null when the model has no hidden layer.
     */
    default double[][] hiddenActivations(double[] theta, boolean train) {
        return null;
    }
}
