package org.grokbench.experiment;

/**
 * One trajectory as it was when the snapshot was taken: its label, step, current hyperparameters,
 * θ, the latest metrics (indexed by {@link Metric#ordinal()}) and its history.
 */
public record TrajectorySnapshot(String label, long step, long totalSteps, double lr, double lambda,
                                 double[] theta, double[] metrics, HistoryView history) {
    public double metric(Metric m) { return metrics[m.ordinal()]; }
    @Override public double[] theta() { return theta.clone(); }
    @Override public double[] metrics() { return metrics.clone(); }
}
