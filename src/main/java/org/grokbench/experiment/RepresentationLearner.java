package org.grokbench.experiment;

import org.grokbench.analysis.GeometryReading;
import org.grokbench.math.VecOps;
import org.grokbench.representation.ToySpec;
import org.grokbench.representation.ToyTraining;

/**
 * The toy model of Liu et al. 2022 as a trajectory: θ = [embeddings | decoder], moved by two
 * optimizers (§4.1), exactly as the CLI's {@code repr} moves it ({@link ToyTraining} does the work:
 * same seed, same minibatches, same bits). The run's η and λ are the representation optimizer's
 * (λ = PyTorch's weight_decay / 2); the decoder's are kept here and changed by
 * {@link Command.SetDecoderLearningRate} and {@link Command.SetDecoderWeightDecay}.
 *
 * <p>{@link #measure} draws the minibatch of the next update and computes its gradient (with the
 * paper's full batch that is the training loss and its gradient), then reads accuracies on D and
 * D′, RQI and Acc-hat of the embeddings. There is no zero-loss geometry: the probe reads nothing.
 */
final class RepresentationLearner implements Learner {
    private final ToyTraining training;
    private final double[] init;
    private final boolean fullBatch;
    private double decoderLr, decoderLambda;

    RepresentationLearner(RepresentationProblem problem) {
        ToySpec spec = problem.spec();
        this.training = new ToyTraining(spec);
        this.init = problem.initialParameters();
        this.fullBatch = spec.batchSize() >= spec.trainCount();
        this.decoderLr = spec.decoder().lr();
        this.decoderLambda = spec.decoder().lambda();
    }

    @Override public int dimension() { return init.length; }
    /** The embeddings lead θ (layout of ToyModel.flatten). */
    @Override public int embeddingLength() { return training.model().embeddingSize(); }
    @Override public double[] initialParameters() { return init.clone(); }

    double decoderLr() { return decoderLr; }
    double decoderLambda() { return decoderLambda; }
    void setDecoderLr(double v) { decoderLr = v; }
    void setDecoderLambda(double v) { decoderLambda = v; }

    @Override
    public double measure(double[] theta, double[] gradient, double[] row) {
        training.setParameters(theta);
        double loss = training.computeGradient();
        training.copyGradient(gradient);
        if (!fullBatch) loss = training.loss(false);
        if (!VecOps.allFinite(gradient)) loss = Double.NaN;
        ToyTraining.Reading r = training.read();
        row[Metric.TRAIN_LOSS.ordinal()] = loss;
        row[Metric.TEST_LOSS.ordinal()] = training.loss(true);
        row[Metric.WEIGHT_NORM.ordinal()] = VecOps.norm(theta);
        row[Metric.GRAD_NORM_SQ.ordinal()] = VecOps.dot(gradient, gradient);
        row[Metric.TRAIN_ACC.ordinal()] = r.trainAccuracy();
        row[Metric.TEST_ACC.ordinal()] = r.validationAccuracy();
        row[Metric.RQI.ordinal()] = r.rqi();
        row[Metric.ACC_HAT.ordinal()] = r.predictedAccuracy();
        return loss;
    }

    @Override
    public void update(double[] theta, double[] gradient, double lr, double lambda) {
        training.setParameters(theta);
        training.setGradient(gradient);
        training.applyGradient(lr, lambda, decoderLr, decoderLambda);
        training.copyParameters(theta);
    }

    @Override
    public GeometryReading probe(double[] theta, double[] update) {
        return GeometryReading.NONE;
    }
}
