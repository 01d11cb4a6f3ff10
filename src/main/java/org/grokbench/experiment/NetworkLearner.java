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
    private final NormMinDirectionProbe normMin;
    private final double[][] recent = new double[AVERAGING_STEPS + 1][];
    private long updates;

    NetworkLearner(ModularProblem problem, RunSpec spec) {
        this.net = problem.newNetwork();
        this.train = problem.train();
        this.test = problem.test();
        this.optimizer = spec.optimizer().create();
        double[] given = spec.init();
        this.init = given.length == net.parameterCount() ? given : net.newParameters(spec.initSeed());
        this.normMin = new NormMinDirectionProbe(net, train);
    }

    @Override public int dimension() { return init.length; }
    @Override public double[] initialParameters() { return init.clone(); }

    @Override
    public double measure(double[] theta, double[] gradient, double[] row) {
        double loss = net.lossAndGradient(theta, train, gradient);
        row[Metric.TRAIN_LOSS.ordinal()] = loss;
        row[Metric.TEST_LOSS.ordinal()] = test.size() == 0 ? Double.NaN : net.loss(theta, test);
        row[Metric.WEIGHT_NORM.ordinal()] = VecOps.norm(theta);
        row[Metric.TRAIN_ACC.ordinal()] = net.accuracy(theta, train);
        row[Metric.TEST_ACC.ordinal()] = test.size() == 0 ? Double.NaN : net.accuracy(theta, test);
        return loss;
    }

    @Override
    public void update(double[] theta, double[] gradient, double lr, double lambda) {
        // Remember θ_t before it moves: the probe compares θ_t with θ_{t−c}.
        int slot = (int) (updates % recent.length);
        if (recent[slot] == null) recent[slot] = new double[theta.length];
        System.arraycopy(theta, 0, recent[slot], 0, theta.length);
        updates++;
        optimizer.step(theta, gradient, lr, lambda);
    }

    @Override
    public GeometryReading probe(double[] theta, double[] update) {
        // θ (= θ_t) was stored by the last update; θ_{t−c} is c slots earlier (θ_0 early on).
        long t = updates - 1;
        long before = Math.max(0, t - AVERAGING_STEPS);
        double[] thetaBefore = recent[(int) (before % recent.length)];
        if (thetaBefore == null) return GeometryReading.NONE;
        NormMinDirectionProbe.Result r = normMin.measure(theta, thetaBefore);
        return new GeometryReading(VecOps.distance(theta, r.projectedPoint()), r.cosine(), Double.NaN, Double.NaN);
    }
}
