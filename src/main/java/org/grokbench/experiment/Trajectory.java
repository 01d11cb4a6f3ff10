package org.grokbench.experiment;

import org.grokbench.analysis.GeometryProbe;
import org.grokbench.analysis.GeometryReading;
import org.grokbench.math.VecOps;
import org.grokbench.model.SquaredLoss;
import org.grokbench.optim.Optimizer;

/**
 * One trajectory of a run: θ under its optimizer with its own η and λ, and its history. Row t of
 * the history describes θ_t (before step t's update) and, for the geometry columns, the update
 * Δθ_t = θ_{t+1} − θ_t measured at θ_t. The last row (t = steps) is θ_T with no update.
 *
 * <p>Engine-internal; touched only by the run's own thread.
 */
final class Trajectory {
    private final RunSpec spec;
    private final SquaredLoss trainLoss;
    private final SquaredLoss testLoss;
    private final GeometryProbe probe;
    private final Optimizer optimizer;
    private final double tolerance;
    private final int probeEvery;
    private final History history;
    private final double[] theta;
    private final double[] previous;
    private final double[] update;
    private final double[] gradient;
    private final double[] row = new double[Metric.COUNT];
    private double lr;
    private double lambda;
    private long step;
    private boolean done;

    Trajectory(Experiment experiment, RunSpec spec) {
        this.spec = spec;
        this.trainLoss = experiment.newTrainLoss();
        this.testLoss = experiment.newTestLoss();
        this.probe = new GeometryProbe(experiment.newTrainLoss(), experiment.zeroLoss());
        this.optimizer = spec.optimizer().create();
        this.tolerance = experiment.spec().test().accuracyTolerance();
        ProbeSpec probes = experiment.spec().probes();
        this.probeEvery = probes.geometryEvery();
        this.theta = spec.init();
        int d = theta.length;
        this.history = new History(Metric.COUNT, d, probes.historyCap(), probeEvery);
        this.previous = new double[d];
        this.update = new double[d];
        this.gradient = new double[d];
        this.lr = spec.lr();
        this.lambda = spec.lambda();
    }

    boolean done() { return done; }
    long step() { return step; }

    void setLearningRate(double v) { lr = v; }
    void setWeightDecay(double v) { lambda = v; }

    /**
     * Takes one optimizer step and records θ_t. Returns null, or a message when the loss or the
     * parameters stop being finite (θ then stays at its last finite value, history intact).
     */
    String advance() {
        if (done) return null;
        double loss = trainLoss.gradient(theta, gradient);
        if (!Double.isFinite(loss) || !VecOps.allFinite(gradient)) {
            done = true;
            return "'" + spec.label() + "' diverged at step " + step + ": train loss is " + loss
                    + " (try a smaller learning rate; lr = " + lr + ")";
        }
        fillMetrics(loss);
        if (step == spec.steps()) {
            fillGeometry(GeometryReading.NONE);
            history.record(step, row, theta);
            done = true;
            return null;
        }
        System.arraycopy(theta, 0, previous, 0, theta.length);
        optimizer.step(theta, gradient, lr, lambda);
        for (int i = 0; i < theta.length; i++) update[i] = theta[i] - previous[i];
        boolean finite = VecOps.allFinite(theta);
        fillGeometry(finite && step % probeEvery == 0 ? probe.measure(previous, update) : GeometryReading.NONE);
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

    private void fillMetrics(double loss) {
        row[Metric.TRAIN_LOSS.ordinal()] = loss;
        row[Metric.TEST_LOSS.ordinal()] = testLoss.meanValue(theta);
        row[Metric.WEIGHT_NORM.ordinal()] = VecOps.norm(theta);
        row[Metric.TRAIN_ACC.ordinal()] = trainLoss.accuracy(theta, tolerance);
        row[Metric.TEST_ACC.ordinal()] = testLoss.accuracy(theta, tolerance);
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
            return new TrajectorySnapshot(spec.label(), 0, spec.steps(), lr, lambda, theta.clone(), latest, view);
        }
        int last = view.size() - 1;
        for (Metric m : Metric.values()) latest[m.ordinal()] = view.metric(last, m);
        return new TrajectorySnapshot(spec.label(), view.step(last), spec.steps(), lr, lambda, view.theta(last), latest, view);
    }
}
