package org.grokbench.ui;

import org.grokbench.experiment.Metric;

/**
 * Where a trajectory is in the grokking story, as the status line names it: before
 * memorization (the training samples are not yet fitted), memorized (training samples fitted,
 * held-out samples not), generalized (held-out samples fitted too).
 *
 * <p>"Fitted" uses the accuracies the engine records (a sample counts as right when |ŷ − y| is
 * below the preset's tolerance): memorized when every training sample is right, generalized when
 * at least {@link #GENERALIZED_TEST_ACCURACY} of the test samples are.
 */
public enum Phase {
    BEFORE_MEMORIZATION("before memorization"),
    MEMORIZED("memorized"),
    GENERALIZED("generalized");

    /** Share of right test samples from which a run counts as generalized. */
    public static final double GENERALIZED_TEST_ACCURACY = 0.95;

    private final String words;

    Phase(String words) { this.words = words; }

    /** The phase in the paper's words, for the status line. */
    public String words() { return words; }

    /** The phase of one history row's metrics (indexed by {@link Metric#ordinal()}); null when unknown. */
    public static Phase of(double trainAccuracy, double testAccuracy) {
        if (Double.isNaN(trainAccuracy) && Double.isNaN(testAccuracy)) return null;
        if (testAccuracy >= GENERALIZED_TEST_ACCURACY) return GENERALIZED;
        if (trainAccuracy >= 1.0) return MEMORIZED;
        return BEFORE_MEMORIZATION;
    }
}
