package org.grokbench.experiment;

import org.grokbench.analysis.GeometryReading;
import org.grokbench.math.VecOps;
import org.grokbench.modular.FirstLayerDynamics;
import org.grokbench.modular.PairBatch;
import org.grokbench.modular.TwoLayerNetwork;

/**
 * The simulated first-layer dynamics of geometry-of-grokking Eq. (20): θ is the embedding E
 * (p × d_h), moved by E ← E + η ΔE with the learning rate as η; the second layer is always the
 * zero-loss W = H⁺Y, so the training loss is 0 by construction and the test metrics use that W.
 * Weight decay does not enter (Eq. 20 is the λ → 0 limit, with time rescaled by λ).
 */
final class FirstLayerLearner implements Learner {
    private final FirstLayerDynamics dynamics;
    private final TwoLayerNetwork net;
    private final PairBatch train;
    private final PairBatch test;
    private final double[] init;
    private final double[] w;
    private String problem;

    FirstLayerLearner(ModularProblem problem, RunSpec spec) {
        this.train = problem.train();
        this.test = problem.test();
        this.net = problem.newNetwork();
        this.dynamics = new FirstLayerDynamics(train, problem.hidden(), problem.activation(),
                FirstLayerDynamics.Options.defaults());
        int p = problem.modulus(), dh = problem.hidden();
        double[] given = spec.init();
        if (given.length == p * dh) {
            this.init = given;
        } else {
            // §7.3 writes E ~ N(0, p^{-1/2}); without an initStd we read p^{-1/2} as the standard
            // deviation. The fig6 preset sets initStd = p^{-1/4}, the variance reading, which matches
            // the paper's timing better (see its story).
            this.init = new double[p * dh];
            double std = Double.isNaN(spec.initStd()) ? 1 / Math.sqrt(p) : spec.initStd();
            FirstLayerDynamics.initGaussian(init, std, spec.initSeed());
        }
        this.w = new double[dh * p];
    }

    @Override public int dimension() { return init.length; }
    @Override public double[] initialParameters() { return init.clone(); }

    @Override
    public double measure(double[] e, double[] deltaE, double[] row) {
        FirstLayerDynamics.Status s = dynamics.direction(e, deltaE, w);
        if (!s.ok()) {
            problem = switch (s) {
                case ILL_CONDITIONED -> "H Hᵀ is ill-conditioned (κ ≈ " + String.format("%.2g", dynamics.lastConditionEstimate())
                        + "): A = (H Hᵀ)⁻¹ would be garbage; fewer training pairs or a wider hidden layer help";
                case NOT_POSITIVE_DEFINITE -> "H Hᵀ is singular (Cholesky broke down at pivot " + dynamics.lastFailedPivot()
                        + "): the hidden layer cannot fit the training pairs (k > d_h, or dead units)";
                default -> "E is no longer finite (try a smaller step size η)";
            };
            return Double.NaN;
        }
        problem = null;
        double[] theta = net.assemble(e, w);
        row[Metric.TRAIN_LOSS.ordinal()] = net.loss(theta, train);
        row[Metric.TEST_LOSS.ordinal()] = test.size() == 0 ? Double.NaN : net.loss(theta, test);
        row[Metric.WEIGHT_NORM.ordinal()] = VecOps.norm(e);
        row[Metric.TRAIN_ACC.ordinal()] = net.accuracy(theta, train);
        row[Metric.TEST_ACC.ordinal()] = test.size() == 0 ? Double.NaN : net.accuracy(theta, test);
        return row[Metric.TRAIN_LOSS.ordinal()];
    }

    @Override
    public void update(double[] e, double[] deltaE, double eta, double lambda) {
        VecOps.axpy(eta, deltaE, e);
    }

    @Override
    public GeometryReading probe(double[] theta, double[] update) {
        return GeometryReading.NONE;
    }

    @Override
    public String problem() {
        return problem;
    }
}
