package org.grokbench.experiment;

import org.grokbench.analysis.GeometryProbe;
import org.grokbench.analysis.GeometryReading;
import org.grokbench.math.VecOps;
import org.grokbench.model.SquaredLoss;
import org.grokbench.optim.Optimizer;

/**
 * The toy models of geometry-of-grokking §3: Eq. (1) loss on the training samples, mean squared
 * error on the teacher-labelled test set, any {@link Optimizer}, and the exact zero-loss geometry.
 */
final class ToyLearner implements Learner {
    private final SquaredLoss trainLoss;
    private final SquaredLoss testLoss;
    private final GeometryProbe probe;
    private final Optimizer optimizer;
    private final double tolerance;
    private final double[] init;

    ToyLearner(Experiment experiment, RunSpec spec) {
        this.trainLoss = experiment.newTrainLoss();
        this.testLoss = experiment.newTestLoss();
        this.probe = new GeometryProbe(experiment.newTrainLoss(), experiment.zeroLoss());
        this.optimizer = spec.optimizer().create();
        this.tolerance = experiment.accuracyTolerance();
        this.init = experiment.initialParameters(spec);
    }

    @Override public int dimension() { return init.length; }
    @Override public double[] initialParameters() { return init.clone(); }

    @Override
    public double measure(double[] theta, double[] gradient, double[] row) {
        double loss = trainLoss.gradient(theta, gradient);
        if (!VecOps.allFinite(gradient)) loss = Double.NaN;
        row[Metric.TRAIN_LOSS.ordinal()] = loss;
        row[Metric.GRAD_NORM_SQ.ordinal()] = VecOps.dot(gradient, gradient);
        row[Metric.TEST_LOSS.ordinal()] = testLoss.meanValue(theta);
        row[Metric.WEIGHT_NORM.ordinal()] = VecOps.norm(theta);
        row[Metric.TRAIN_ACC.ordinal()] = trainLoss.accuracy(theta, tolerance);
        row[Metric.TEST_ACC.ordinal()] = testLoss.accuracy(theta, tolerance);
        return loss;
    }

    @Override
    public void update(double[] theta, double[] gradient, double lr, double lambda) {
        optimizer.step(theta, gradient, lr, lambda);
    }

    @Override
    public GeometryReading probe(double[] theta, double[] update) {
        return probe.measure(theta, update);
    }
}
