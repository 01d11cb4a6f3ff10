package org.grokbench.experiment;

/**
 * Moments of the grokking story that every trajectory watches for at every step (exactly, even
 * after its history has been thinned): the first step its training loss falls below 1e-3
 * (memorized) and the first step its test loss falls below 1e-2 (generalized).
 */
public enum Milestone {
    MEMORIZED(Metric.TRAIN_LOSS, 1e-3),
    GENERALIZED(Metric.TEST_LOSS, 1e-2);

    private final Metric metric;
    private final double threshold;

    Milestone(Metric metric, double threshold) {
        this.metric = metric;
        this.threshold = threshold;
    }

    public Metric metric() { return metric; }
    public double threshold() { return threshold; }

    boolean reachedBy(double[] row) {
        return row[metric.ordinal()] < threshold;
    }
}
