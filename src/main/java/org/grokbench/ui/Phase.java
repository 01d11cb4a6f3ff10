package org.grokbench.ui;

/**
 * Where a trajectory is in the grokking story, as the status line names it: before
 * memorization (the training samples are not yet fitted), memorized (training samples fitted,
 * held-out samples not), generalized (held-out samples fitted too).
 *
 * <p>A set counts as fitted when its loss has fallen at least {@link #FIT_FACTOR}-fold from step 0
 * (the two orders of magnitude a log loss axis shows at a glance), or when its accuracy says so
 * (every training sample right; {@link #GENERALIZED_TEST_ACCURACY} of the test samples right; a
 * sample is right when |ŷ − y| is below the preset's tolerance). The loss rule matters for large
 * λ, whose fit stays a little off every sample (Figure 1, λ = 0.2) although its losses fell like
 * the others.
 */
public enum Phase {
    BEFORE_MEMORIZATION("before memorization"),
    MEMORIZED("memorized"),
    GENERALIZED("generalized");

    /** A loss this many times below its step-0 value counts as fitted. */
    public static final double FIT_FACTOR = 100;
    /** Share of right test samples from which a run counts as generalized. */
    public static final double GENERALIZED_TEST_ACCURACY = 0.95;

    private final String words;

    Phase(String words) { this.words = words; }

    /** The phase in the paper's words, for the status line. */
    public String words() { return words; }

    /**
     * The phase of a trajectory at one step, from its losses and accuracies there and its losses
     * at step 0; null when the losses are not known.
     */
    public static Phase of(double trainLoss, double testLoss, double trainAccuracy, double testAccuracy,
                           double initialTrainLoss, double initialTestLoss) {
        if (Double.isNaN(trainLoss) || Double.isNaN(testLoss)) return null;
        boolean trainFitted = trainLoss * FIT_FACTOR <= initialTrainLoss || trainAccuracy >= 1.0;
        boolean testFitted = testLoss * FIT_FACTOR <= initialTestLoss || testAccuracy >= GENERALIZED_TEST_ACCURACY;
        if (trainFitted && testFitted) return GENERALIZED;
        if (trainFitted) return MEMORIZED;
        return BEFORE_MEMORIZATION;
    }
}
