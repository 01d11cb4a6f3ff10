package org.grokbench.experiment;

import org.grokbench.analysis.GeometryReading;
import org.grokbench.math.VecOps;
import org.grokbench.modular.NormMinDirectionProbe;
import org.grokbench.modular.PairBatch;
import org.grokbench.modular.TwoLayerNetwork;
import org.grokbench.optim.Optimizer;

/**
 * The two-layer network Ŷ = σ(XE)W on modular addition, trained by an optimizer on L_λ
 * (geometry-of-grokking §6-7, App. D). Its probe is App. D's measurement: the cosine between the
 * update averaged over {@link #AVERAGING_STEPS} steps, θ_t − θ_{t−c}, and the norm-minimizing
 * direction on Z estimated at θ_t (eq. 29); the distance column holds ‖θ_t − θ'‖, the distance
 * to the low-loss point θ' the estimate projects to.
 */
final class NetworkLearner implements Learner {
    /** c of App. D: the update is averaged over this many steps to cancel high-frequency oscillation. */
    static final int AVERAGING_STEPS = 10;

    private final TwoLayerNetwork net;
    private final PairBatch train;
    private final PairBatch test;
    private final Optimizer optimizer;
    private final double[] init;
    /** Made on first use: it holds a (k·p)² Gram matrix, large for wide data sets. */
    private NormMinDirectionProbe normMin;
    /** The last c + 1 states θ_{n−c} … θ_n, by n modulo c + 1. */
    private final double[][] recent = new double[AVERAGING_STEPS + 1][];
    private long states;

    NetworkLearner(ModularProblem problem, RunSpec spec) {
        this.net = problem.newNetwork();
        this.train = problem.train();
        this.test = problem.test();
        this.optimizer = spec.optimizer().create();
        double[] given = spec.init();
        this.init = given.length == net.parameterCount() ? given : net.newParameters(spec.initSeed());
        remember(init);
    }

    private void remember(double[] theta) {
        int slot = (int) (states % recent.length);
        if (recent[slot] == null) recent[slot] = new double[theta.length];
        System.arraycopy(theta, 0, recent[slot], 0, theta.length);
        states++;
    }

    @Override public int dimension() { return init.length; }
    @Override public double[] initialParameters() { return init.clone(); }

    @Override
    public double measure(double[] theta, double[] gradient, double[] row) {
        double loss = net.lossAndGradient(theta, train, gradient);
        row[Metric.TRAIN_LOSS.ordinal()] = loss;
        row[Metric.GRAD_NORM_SQ.ordinal()] = VecOps.dot(gradient, gradient);
        row[Metric.TEST_LOSS.ordinal()] = test.size() == 0 ? Double.NaN : net.loss(theta, test);
        row[Metric.WEIGHT_NORM.ordinal()] = VecOps.norm(theta);
        row[Metric.TRAIN_ACC.ordinal()] = net.accuracy(theta, train);
        row[Metric.TEST_ACC.ordinal()] = test.size() == 0 ? Double.NaN : net.accuracy(theta, test);
        return loss;
    }

    @Override
    public void update(double[] theta, double[] gradient, double lr, double lambda) {
        optimizer.step(theta, gradient, lr, lambda);
        remember(theta);
    }

    @Override
    public GeometryReading probe(double[] theta, double[] update) {
        // θ = θ_n, the state the last update produced; θ_{n−c} is c states earlier (θ_0 early on).
        long n = states - 1;
        double[] thetaBefore = recent[(int) (Math.max(0, n - AVERAGING_STEPS) % recent.length)];
        if (normMin == null) normMin = new NormMinDirectionProbe(net, train);
        NormMinDirectionProbe.Result r = normMin.measure(theta, thetaBefore);
        return new GeometryReading(VecOps.distance(theta, r.projectedPoint()), r.cosine(), Double.NaN, Double.NaN);
    }
}
