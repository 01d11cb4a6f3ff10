package org.grokbench.experiment;

import org.grokbench.analysis.GeometryReading;
import org.grokbench.analysis.HessianExtremes;
import org.grokbench.analysis.LossSurface;
import org.grokbench.math.VecOps;

/**
 * One trajectory of a run: θ moved by its {@link Learner} with its own η and λ, and its history.
 * Row 0 is θ₀, measured when the trajectory is made; each step then moves θ_t to θ_{t+1} and
 * records row t+1: the metrics of θ_{t+1} and, for the geometry columns, the update that arrived,
 * Δθ_t = θ_{t+1} − θ_t, measured at θ_{t+1} (as App. D measures the averaged update at θ_n). So
 * after n steps the latest row is step n, and a single step is visible at once.
 *
 * <p>Engine-internal; touched only by the run's own thread.
 */
final class Trajectory {
    private final RunSpec spec;
    private final Learner learner;
    private final int probeEvery;
    private final int curvatureEvery;
    /** The Hessian probe, or null when it is off or the learner has no training loss. */
    private final HessianExtremes curvature;
    private final History history;
    private final double[] theta;
    private final double[] theta0;
    private final double[] previous;
    private final double[] update;
    private final double[] gradient;
    private final double[] row = new double[Metric.COUNT];
    private final long[] milestones = new long[Milestone.values().length];
    private double lr;
    private double lambda;
    private long step;
    private boolean done;
    private String pending;

    /** @param surface the training problem for the curvature probe; null switches the probe off */
    Trajectory(RunSpec spec, Learner learner, ProbeSpec probes, LossSurface surface) {
        this.spec = spec;
        this.learner = learner;
        this.probeEvery = probes.geometryEvery();
        boolean probeCurvature = surface != null && probes.curvatureEvery() > 0;
        this.curvatureEvery = probeCurvature ? probes.curvatureEvery() : 0;
        this.curvature = probeCurvature ? new HessianExtremes(surface) : null;
        this.theta = learner.initialParameters();
        this.theta0 = theta.clone();
        int d = theta.length;
        this.history = new History(Metric.COUNT, d, probes.historyCap(), probes.commonCadence(), learner.embeddingLength());
        this.previous = new double[d];
        this.update = new double[d];
        this.gradient = new double[d];
        this.lr = spec.lr();
        this.lambda = spec.lambda();
        java.util.Arrays.fill(milestones, -1);
        // θ₀ is part of the story (where every path starts): measure and record it now.
        if (measure() && VecOps.allFinite(theta)) record(GeometryReading.NONE);
        else pending = divergence("at step 0", Double.NaN);
    }

    boolean done() { return done; }
    long step() { return step; }

    void setLearningRate(double v) { lr = v; }
    void setWeightDecay(double v) { lambda = v; }

    /** The decoder's η of a representation run (its own optimizer, §4.1); no effect on other models. */
    void setDecoderLearningRate(double v) {
        if (learner instanceof RepresentationLearner r) r.setDecoderLr(v);
    }

    /** The decoder's λ of a representation run; no effect on other models. */
    void setDecoderWeightDecay(double v) {
        if (learner instanceof RepresentationLearner r) r.setDecoderLambda(v);
    }

    /**
     * Takes one step and records θ_{t+1}. Returns null, or a message when the loss or the
     * parameters stop being finite (θ then stays at its last finite value, history intact).
     */
    String advance() {
        if (done) return null;
        if (pending != null) {
            done = true;
            return pending;
        }
        if (step >= spec.steps()) {
            done = true;
            return null;
        }
        System.arraycopy(theta, 0, previous, 0, theta.length);
        learner.update(theta, gradient, lr, lambda);
        for (int i = 0; i < theta.length; i++) update[i] = theta[i] - previous[i];
        if (!VecOps.allFinite(theta)) {
            System.arraycopy(previous, 0, theta, 0, theta.length);
            done = true;
            return "'" + spec.label() + "' diverged after step " + step
                    + ": the parameters overflowed (try a smaller learning rate; lr = " + lr + ")";
        }
        if (!measure()) {
            double loss = row[Metric.TRAIN_LOSS.ordinal()];
            System.arraycopy(previous, 0, theta, 0, theta.length);
            done = true;
            return divergence("at step " + (step + 1), loss);
        }
        step++;
        row[Metric.COS_STEP.ordinal()] = VecOps.cosine(previous, theta);
        record(step % probeEvery == 0 ? learner.probe(theta, update) : GeometryReading.NONE);
        if (step >= spec.steps()) done = true;
        return null;
    }

    /** Measures θ into the row (and the next update's input into the gradient); false if not finite. */
    private boolean measure() {
        java.util.Arrays.fill(row, Double.NaN);
        return Double.isFinite(learner.measure(theta, gradient, row));
    }

    private String divergence(String where, double loss) {
        String why = learner.problem();
        return "'" + spec.label() + "' diverged " + where + ": "
                + (why != null ? why : "train loss is " + loss + " (try a smaller learning rate; lr = " + lr + ")");
    }

    private void record(GeometryReading g) {
        fillGeometry(g);
        row[Metric.COS_INIT.ordinal()] = VecOps.cosine(theta, theta0);
        if (curvature != null && step % curvatureEvery == 0) {
            HessianExtremes.Reading h = curvature.measure(theta);
            row[Metric.HESSIAN_MAX.ordinal()] = h.max();
            row[Metric.HESSIAN_MIN.ordinal()] = h.min();
        }
        for (Milestone m : Milestone.values()) {
            if (milestones[m.ordinal()] < 0 && m.reachedBy(row)) milestones[m.ordinal()] = step;
        }
        history.record(step, row, theta);
    }

    private void fillGeometry(GeometryReading g) {
        row[Metric.DIST_TO_ZERO_LOSS.ordinal()] = g.distance();
        row[Metric.COS_NORM_MIN.ordinal()] = g.cosNormMin();
        row[Metric.UPDATE_NORMAL.ordinal()] = g.normalPart();
        row[Metric.UPDATE_TANGENT.ordinal()] = g.tangentPart();
    }

    private double decoderLr() { return learner instanceof RepresentationLearner r ? r.decoderLr() : Double.NaN; }

    private double decoderLambda() { return learner instanceof RepresentationLearner r ? r.decoderLambda() : Double.NaN; }

    /** The trajectory at its last recorded step (θ and metrics of the same row). */
    TrajectorySnapshot snapshot() {
        HistoryView view = history.view();
        double[] latest = new double[Metric.COUNT];
        java.util.Arrays.fill(latest, Double.NaN);
        if (view.size() == 0) {
            return new TrajectorySnapshot(spec.label(), 0, spec.steps(), lr, lambda, theta.clone(), latest, milestones.clone(), view,
                    decoderLr(), decoderLambda());
        }
        int last = view.size() - 1;
        for (Metric m : Metric.values()) latest[m.ordinal()] = view.metric(last, m);
        return new TrajectorySnapshot(spec.label(), view.step(last), spec.steps(), lr, lambda, view.theta(last), latest,
                milestones.clone(), view, decoderLr(), decoderLambda());
    }
}
