package org.grokbench.experiment;

/**
 * Moments of the grokking story that every trajectory watches for at every step (exactly, even
 * after its history has been thinned): for regression toys the first step its training loss falls
 * below 1e-3 (memorized) and its test loss below 1e-2 (generalized); for classification (modular
 * addition) the first step with every training pair right and with ≥ 99 % of the test pairs right.
 */
public enum Milestone {
    MEMORIZED(Metric.TRAIN_LOSS, 1e-3, true),
    GENERALIZED(Metric.TEST_LOSS, 1e-2, true),
    TRAIN_ACCURACY_FULL(Metric.TRAIN_ACC, 1.0, false),
    TEST_ACCURACY_99(Metric.TEST_ACC, 0.99, false);

    private final Metric metric;
    private final double threshold;
    private final boolean below;

    Milestone(Metric metric, double threshold, boolean below) {
        this.metric = metric;
        this.threshold = threshold;
        this.below = below;
    }

    public Metric metric() { return metric; }
    public double threshold() { return threshold; }

    /** True for "falls below the threshold", false for "reaches at least the threshold". */
    public boolean below() { return below; }

    boolean reachedBy(double[] row) {
        double v = row[metric.ordinal()];
        return below ? v < threshold : v >= threshold;
    }
}
