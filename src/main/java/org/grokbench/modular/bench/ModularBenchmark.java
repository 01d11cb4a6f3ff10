package org.grokbench.modular.bench;

import java.util.concurrent.ForkJoinPool;

import org.grokbench.modular.Activation;
import org.grokbench.modular.FirstLayerDynamics;
import org.grokbench.modular.LossReduction;
import org.grokbench.modular.ModularAdditionData;
import org.grokbench.modular.NormMinDirectionProbe;
import org.grokbench.modular.PairBatch;
import org.grokbench.modular.TwoLayerNetwork;

/**
 * Speed of the two FLOP-bound modular-addition workloads, on the settings of
 * {@code /work/shared/reference/timing.py} so that the per-step ratios are meaningful:
 * <ul>
 *   <li>Eq. (20) first-layer dynamics: p = 37, d_h = 512, ReLU, f_s = 0.7 (492 of 703 train pairs),
 *       E ~ N(0, 1/p), η = 10⁻³; single-threaded and on {@link BenchOptions#threads()} threads. The
 *       default options include the 4-iteration κ(HHᵀ) estimate (≈ 4% of a step);</li>
 *   <li>one full-batch gradient-descent step of the App. D MLP: n = 11, h = 128, 66 pairs with 7 held
 *       out (59 train), mean-reduced MSE, η = 1, PyTorch weight_decay 1e-4 (λ = 5·10⁻⁵ here);</li>
 *   <li>one App. D norm-minimizing-direction measurement ({@link NormMinDirectionProbe}) on that MLP.</li>
 * </ul>
 * Each workload is warmed up, then timed {@link BenchOptions#repetitions()} times; the best per-step
 * time is reported. {@link #main} prints {@link BenchResult#toJson()} on one line.
 */
public final class ModularBenchmark {
    private ModularBenchmark() {}

    /** Runs the benchmark (allocates its own data; creates and shuts down a pool for the threaded run). */
    public static BenchResult run(BenchOptions o) {
        double[] single = eq20(o, null);
        double parallel = Double.NaN;
        if (o.threads() > 1) {
            ForkJoinPool pool = new ForkJoinPool(o.threads());
            try {
                parallel = eq20(o, pool)[0];
            } finally {
                pool.shutdown();
            }
        }
        double[] mlp = mlp(o);
        double probe = probe(o);
        return new BenchResult(Math.max(1, o.threads()), single[0], parallel, mlp[0], probe, single[1], mlp[1]);
    }

    /** {ms per Eq. (20) step, test accuracy at the end}. */
    static double[] eq20(BenchOptions o, ForkJoinPool pool) {
        int p = 37, dh = 512;
        ModularAdditionData data = ModularAdditionData.create(p, ModularAdditionData.PairSet.UNORDERED);
        ModularAdditionData.Split split = data.splitByTrainFraction(0.7, o.seed());
        FirstLayerDynamics dyn = new FirstLayerDynamics(split.train(), dh, Activation.RELU,
                FirstLayerDynamics.Options.defaults().withPool(pool));
        double[] e = new double[p * dh];
        FirstLayerDynamics.initGaussian(e, 1 / Math.sqrt(p), o.seed());
        for (int s = 0; s < o.eq20WarmupSteps(); s++) check(dyn.step(e, 1e-3));
        double best = Double.NaN;
        for (int r = 0; r < o.repetitions() && o.eq20TimedSteps() > 0; r++) {
            long t0 = System.nanoTime();
            for (int s = 0; s < o.eq20TimedSteps(); s++) check(dyn.step(e, 1e-3));
            double ms = (System.nanoTime() - t0) / 1e6 / o.eq20TimedSteps();
            best = Double.isNaN(best) ? ms : Math.min(best, ms);
        }
        return new double[] {best, dyn.accuracy(e, split.test())};
    }

    private static void check(FirstLayerDynamics.Status s) {
        if (!s.ok()) throw new IllegalStateException("Eq. (20) step failed: " + s);
    }

    /** {µs per MLP step, final train loss}. */
    static double[] mlp(BenchOptions o) {
        int n = 11, h = 128;
        ModularAdditionData data = ModularAdditionData.create(n, ModularAdditionData.PairSet.UNORDERED);
        PairBatch train = data.splitByTestCount(7, o.seed()).train();
        TwoLayerNetwork net = new TwoLayerNetwork(n, h, Activation.RELU, LossReduction.MEAN);
        double[] theta = net.newParameters(o.seed());
        double lambda = TwoLayerNetwork.lambdaFromTorchWeightDecay(1e-4);
        for (int s = 0; s < o.mlpWarmupSteps(); s++) net.gradientDescentStep(theta, train, 1.0, lambda);
        double best = Double.NaN;
        for (int r = 0; r < o.repetitions() && o.mlpTimedSteps() > 0; r++) {
            long t0 = System.nanoTime();
            for (int s = 0; s < o.mlpTimedSteps(); s++) net.gradientDescentStep(theta, train, 1.0, lambda);
            double us = (System.nanoTime() - t0) / 1e3 / o.mlpTimedSteps();
            best = Double.isNaN(best) ? us : Math.min(best, us);
        }
        return new double[] {best, net.loss(theta, train)};
    }

    /** ms per App. D probe measurement (after 2000 GD steps; 2 warm-up measurements, best of the timed ones). */
    static double probe(BenchOptions o) {
        int n = 11, h = 128;
        PairBatch train = ModularAdditionData.create(n, ModularAdditionData.PairSet.UNORDERED).splitByTestCount(7, o.seed()).train();
        TwoLayerNetwork net = new TwoLayerNetwork(n, h, Activation.RELU, LossReduction.MEAN);
        double[] theta = net.newParameters(o.seed());
        double[] before = theta.clone();
        double lambda = TwoLayerNetwork.lambdaFromTorchWeightDecay(1e-4);
        for (int s = 0; s < 2000; s++) {
            if (s == 1990) before = theta.clone();
            net.gradientDescentStep(theta, train, 1.0, lambda);
        }
        NormMinDirectionProbe probe = new NormMinDirectionProbe(net, train);
        double best = Double.NaN;
        int runs = 2 + Math.max(1, o.repetitions());
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            probe.measure(theta, before);
            double ms = (System.nanoTime() - t0) / 1e6;
            if (r >= 2) best = Double.isNaN(best) ? ms : Math.min(best, ms);
        }
        return best;
    }

    /**
     * Usage: {@code ModularBenchmark [--reps N] [--threads T] [--eq20-steps N] [--mlp-steps N] [--quick]}.
     * Prints one JSON line.
     */
    public static void main(String[] args) {
        BenchOptions d = BenchOptions.defaults();
        int reps = d.repetitions(), threads = d.threads(), eqSteps = d.eq20TimedSteps(), mlpSteps = d.mlpTimedSteps();
        int eqWarm = d.eq20WarmupSteps(), mlpWarm = d.mlpWarmupSteps();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--eq20-steps" -> eqSteps = Integer.parseInt(args[++i]);
                case "--mlp-steps" -> mlpSteps = Integer.parseInt(args[++i]);
                case "--quick" -> {
                    BenchOptions q = BenchOptions.quick();
                    reps = q.repetitions();
                    eqSteps = q.eq20TimedSteps();
                    mlpSteps = q.mlpTimedSteps();
                    eqWarm = q.eq20WarmupSteps();
                    mlpWarm = q.mlpWarmupSteps();
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        BenchResult r = run(new BenchOptions(eqWarm, eqSteps, mlpWarm, mlpSteps, reps, threads, d.seed()));
        System.out.println(r.toJson());
    }
}
