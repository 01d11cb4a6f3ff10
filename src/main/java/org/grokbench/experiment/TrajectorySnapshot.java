package org.grokbench.experiment;

/**
 * One trajectory as it was when the snapshot was taken: its label, step, current hyperparameters,
 * θ, the latest metrics (indexed by {@link Metric#ordinal()}), the exact step of each
 * {@link Milestone} (−1 if not reached; indexed by {@link Milestone#ordinal()}) and its history.
 * A representation run has two optimizers: {@code lr}, {@code lambda} are the representation's,
 * {@code decoderLr}, {@code decoderLambda} the decoder's (NaN for every other model).
 */
public record TrajectorySnapshot(String label, long step, long totalSteps, double lr, double lambda,
                                 double[] theta, double[] metrics, long[] milestones, HistoryView history,
                                 double decoderLr, double decoderLambda) {
    /** A trajectory with one optimizer. */
    public TrajectorySnapshot(String label, long step, long totalSteps, double lr, double lambda,
                              double[] theta, double[] metrics, long[] milestones, HistoryView history) {
        this(label, step, totalSteps, lr, lambda, theta, metrics, milestones, history, Double.NaN, Double.NaN);
    }

    public double metric(Metric m) { return metrics[m.ordinal()]; }

    /** First step at which the milestone was reached (exact, whatever the history kept), or −1. */
    public long milestoneStep(Milestone m) { return milestones[m.ordinal()]; }

    @Override public double[] theta() { return theta.clone(); }
    @Override public double[] metrics() { return metrics.clone(); }
    @Override public long[] milestones() { return milestones.clone(); }
}
