package org.grokbench.experiment;

import org.grokbench.analysis.LossSurface;
import org.grokbench.analysis.ParameterBlock;
import org.grokbench.model.SquaredLoss;

import java.util.List;

/** A toy experiment's Eq. (1) training loss and mean-squared test loss as a {@link LossSurface}. */
final class ToyLossSurface implements LossSurface {
    private final SquaredLoss train;
    private final SquaredLoss test;
    private final double tolerance;
    private final int d;

    ToyLossSurface(Experiment experiment) {
        this.train = experiment.newTrainLoss();
        this.test = experiment.newTestLoss();
        this.tolerance = experiment.accuracyTolerance();
        this.d = experiment.model().parameterCount();
    }

    @Override public int dimension() { return d; }
    @Override public double trainLoss(double[] theta) { return train.value(theta); }
    @Override public double trainGradient(double[] theta, double[] gradient) { return train.gradient(theta, gradient); }
    @Override public double testLoss(double[] theta) { return test.meanValue(theta); }
    @Override public double trainAccuracy(double[] theta) { return train.accuracy(theta, tolerance); }
    @Override public double testAccuracy(double[] theta) { return test.accuracy(theta, tolerance); }

    /** Two or three scalars with no layer structure: filter normalization rescales θ as a whole. */
    @Override public List<ParameterBlock> blocks() { return List.of(ParameterBlock.whole(d)); }
}
