package org.grokbench.experiment;

import org.grokbench.analysis.GeometryReading;
import org.grokbench.math.VecOps;

/**
 * One trajectory of a run: θ moved by its {@link Learner} with its own η and λ, and its history.
 * Row t of the history describes θ_t (before step t's update) and, for the geometry columns, the
 * update Δθ_t = θ_{t+1} − θ_t measured at θ_t. The last row (t = steps) is θ_T with no update.
 *
 * <p>Engine-internal; touched only by the run's own thread.
 */
final class Trajectory {
    private final RunSpec spec;
    private final Learner learner;
    private final int probeEvery;
    private final History history;
    private final double[] theta;
    private final double[] previous;
    private final double[] update;
    private final double[] gradient;
    private final double[] row = new double[Metric.COUNT];
    private final long[] milestones = new long[Milestone.values().length];
    private double lr;
    private double lambda;
    private long step;
    private boolean done;

    Trajectory(RunSpec spec, Learner learner, ProbeSpec probes) {
        this.spec = spec;
        this.learner = learner;
        this.probeEvery = probes.geometryEvery();
        this.theta = learner.initialParameters();
        int d = theta.length;
        this.history = new History(Metric.COUNT, d, probes.historyCap(), probeEvery);
        this.previous = new double[d];
        this.update = new double[d];
        this.gradient = new double[d];
        this.lr = spec.lr();
        this.lambda = spec.lambda();
        java.util.Arrays.fill(milestones, -1);
    }

    boolean done() { return done; }
    long step() { return step; }

    void setLearningRate(double v) { lr = v; }
    void setWeightDecay(double v) { lambda = v; }

    /**
     * Takes one step and records θ_t. Returns null, or a message when the loss or the parameters
     * stop being finite (θ then stays at its last finite value, history intact).
     */
    String advance() {
        if (done) return null;
        java.util.Arrays.fill(row, Double.NaN);
        double loss = learner.measure(theta, gradient, row);
        if (!Double.isFinite(loss)) {
            done = true;
            String why = learner.problem();
            return "'" + spec.label() + "' diverged at step " + step + ": "
                    + (why != null ? why : "train loss is " + loss + " (try a smaller learning rate; lr = " + lr + ")");
        }
        for (Milestone m : Milestone.values()) {
            if (milestones[m.ordinal()] < 0 && m.reachedBy(row)) milestones[m.ordinal()] = step;
        }
        if (step == spec.steps()) {
            history.record(step, row, theta);
            done = true;
            return null;
        }
        System.arraycopy(theta, 0, previous, 0, theta.length);
        learner.update(theta, gradient, lr, lambda);
        for (int i = 0; i < theta.length; i++) update[i] = theta[i] - previous[i];
        boolean finite = VecOps.allFinite(theta);
        fillGeometry(finite && step % probeEvery == 0 ? learner.probe(previous, update) : GeometryReading.NONE);
        history.record(step, row, previous);
        if (!finite) {
            System.arraycopy(previous, 0, theta, 0, theta.length);
            done = true;
            return "'" + spec.label() + "' diverged after step " + step
                    + ": the parameters overflowed (try a smaller learning rate; lr = " + lr + ")";
        }
        step++;
        return null;
    }

    private void fillGeometry(GeometryReading g) {
        row[Metric.DIST_TO_ZERO_LOSS.ordinal()] = g.distance();
        row[Metric.COS_NORM_MIN.ordinal()] = g.cosNormMin();
        row[Metric.UPDATE_NORMAL.ordinal()] = g.normalPart();
        row[Metric.UPDATE_TANGENT.ordinal()] = g.tangentPart();
    }

    /** The trajectory at its last recorded step (θ and metrics of the same row). */
    TrajectorySnapshot snapshot() {
        HistoryView view = history.view();
        double[] latest = new double[Metric.COUNT];
        java.util.Arrays.fill(latest, Double.NaN);
        if (view.size() == 0) {
            return new TrajectorySnapshot(spec.label(), 0, spec.steps(), lr, lambda, theta.clone(), latest, milestones.clone(), view);
        }
        int last = view.size() - 1;
        for (Metric m : Metric.values()) latest[m.ordinal()] = view.metric(last, m);
        return new TrajectorySnapshot(spec.label(), view.step(last), spec.steps(), lr, lambda, view.theta(last), latest,
                milestones.clone(), view);
    }
}
