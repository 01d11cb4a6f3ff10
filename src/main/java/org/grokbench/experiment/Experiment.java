package org.grokbench.experiment;

import org.grokbench.analysis.LossSurface;
import org.grokbench.analysis.ZeroLossManifold;
import org.grokbench.analysis.ZeroLossManifolds;
import org.grokbench.data.Dataset;
import org.grokbench.model.Model;
import org.grokbench.model.SquaredLoss;

import java.util.List;

/**
 * An {@link ExperimentSpec} made concrete. For a toy model: the model, the training samples, the
 * test set drawn with the spec's seed, and the zero-loss set of the training data. For modular
 * addition: the {@link ModularProblem}; for the representation toy: the {@link RepresentationProblem}
 * (the toy accessors then return null). Immutable and shareable;
 * losses hold scratch buffers, so each user asks for its own with {@link #newTrainLoss()}.
 */
public final class Experiment {
    private final ExperimentSpec spec;
    private final Model model;
    private final Dataset train;
    private final Dataset test;
    private final ZeroLossManifold zeroLoss;
    private final ModularProblem modular;
    private final RegressionTask task;
    private final RepresentationProblem representation;

    private Experiment(ExperimentSpec spec) {
        this.spec = spec;
        if (spec.model().isRepresentation() && spec.representation() == null)
            throw new IllegalArgumentException("a representation experiment needs its ToySpec");
        this.representation = spec.model().isRepresentation()
                ? new RepresentationProblem(spec.representation().withSeed(spec.seed())) : null;
        this.modular = spec.model().isModular() ? new ModularProblem(spec.model(), spec.modularData(), spec.seed()) : null;
        if (representation != null || modular != null) {
            // Neither has a toy model, samples or zero-loss set of §3.
            this.model = null;
            this.train = null;
            this.test = null;
            this.zeroLoss = null;
            this.task = null;
            return;
        }
        if (spec.model().isTask()) {
            this.task = RegressionTask.generate(spec.model(), spec.task(), spec.seed());
            this.model = task.model();
            this.train = task.train();
            this.test = task.test();
            this.zeroLoss = ZeroLossManifolds.of(model, train);
            return;
        }
        this.task = null;
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

    /**
     * True for the toy models of §3 (and the regression tasks), whose zero-loss set Z is drawn in
     * the parameter plane; false for modular addition and the representation toy.
     */
    public boolean isToy() { return modular == null && representation == null; }

    /**
     * The representation toy of Liu et al. 2022 (model kind {@value ModelSpec#REPRESENTATION}): its
     * table, split, model, parallelograms and ideal bounds, and θ's embeddings and decoder; null for
     * other experiments.
     */
    public RepresentationProblem representation() { return representation; }

    /** The generated regression task (riemannian-norm-minimisation §5), or null. */
    public RegressionTask task() { return task; }

    /**
     * θ₀ of a run: its {@code init} when it gives one of the model's length, else (regression tasks)
     * drawn from the run's seed and init scale.
     */
    public double[] initialParameters(RunSpec run) {
        if (representation != null) return representation.initialParameters();
        double[] given = run.init();
        if (task == null || given.length == model.parameterCount()) return given;
        return task.initialParameters(run.initSeed(), run.initStd());
    }

    /** |ŷ − y| below which a sample counts as right (toys and regression tasks). */
    public double accuracyTolerance() {
        return task != null ? spec.task().accuracyTolerance() : spec.test().accuracyTolerance();
    }

    /** How the two phases are timed: the task's settings, or the defaults. */
    public TwoPhaseSpec twoPhase() {
        return spec.task() != null ? spec.task().twoPhase() : TwoPhaseSpec.defaults();
    }

    /** The modular-addition problem, or null for a toy experiment. */
    public ModularProblem modular() { return modular; }

    /** The toy model (null for modular experiments). */
    public Model model() { return model; }
    public Dataset trainData() { return train; }
    public Dataset testData() { return test; }
    public ZeroLossManifold zeroLoss() { return zeroLoss; }

    public SquaredLoss newTrainLoss() { return new SquaredLoss(model, train); }
    public SquaredLoss newTestLoss() { return new SquaredLoss(model, test); }

    /**
     * A fresh {@link LossSurface} (own buffers) of this experiment's training problem, for probes
     * and landscape slices; null for the simulated dynamics of Eq. (20), whose training loss is
     * zero by construction (the second layer is always the zero-loss W = H⁺Y).
     */
    public LossSurface newLossSurface() {
        if (representation != null) return new RepresentationLossSurface(representation);
        if (modular == null) return new ToyLossSurface(this);
        return "modular-eq20".equals(spec.model().kind()) ? null : new NetworkLossSurface(modular);
    }

    /** A fresh learner (own buffers and optimizer state) for one trajectory of this experiment. */
    public Learner newLearner(RunSpec run) {
        if (representation != null) return new RepresentationLearner(representation);
        if (modular == null) return new ToyLearner(this, run);
        return "modular-eq20".equals(spec.model().kind()) ? new FirstLayerLearner(modular, run) : new NetworkLearner(modular, run);
    }
}
