package org.grokbench.experiment;

import org.grokbench.analysis.ZeroLossManifold;
import org.grokbench.analysis.ZeroLossManifolds;
import org.grokbench.data.Dataset;
import org.grokbench.model.Model;
import org.grokbench.model.SquaredLoss;

import java.util.List;

/**
 * An {@link ExperimentSpec} made concrete: the model, the training samples, the test set drawn
 * with the spec's seed, and the zero-loss set of the training data. Immutable and shareable;
 * losses hold scratch buffers, so each user asks for its own with {@link #newTrainLoss()}.
 */
public final class Experiment {
    private final ExperimentSpec spec;
    private final Model model;
    private final Dataset train;
    private final Dataset test;
    private final ZeroLossManifold zeroLoss;

    private Experiment(ExperimentSpec spec) {
        this.spec = spec;
        this.model = spec.model().create();
        List<Sample> samples = spec.train();
        double[][] xs = new double[samples.size()][];
        double[][] ys = new double[samples.size()][];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = samples.get(i).x();
            ys[i] = samples.get(i).y();
        }
        this.train = new Dataset(xs, ys);
        double[] teacher = spec.test().teacher();
        this.test = Dataset.sampled(spec.test().count(), model.inputDim(), model.outputDim(),
                spec.test().std(), spec.seed(), (x, y) -> model.predict(teacher, x, y));
        this.zeroLoss = ZeroLossManifolds.of(model, train);
    }

    public static Experiment build(ExperimentSpec spec) {
        return new Experiment(spec);
    }

    public ExperimentSpec spec() { return spec; }
    public Model model() { return model; }
    public Dataset trainData() { return train; }
    public Dataset testData() { return test; }
    public ZeroLossManifold zeroLoss() { return zeroLoss; }

    public SquaredLoss newTrainLoss() { return new SquaredLoss(model, train); }
    public SquaredLoss newTestLoss() { return new SquaredLoss(model, test); }

    /** A fresh learner (own buffers and optimizer state) for one trajectory of this experiment. */
    public Learner newLearner(RunSpec run) {
        return new ToyLearner(this, run);
    }
}
