package org.grokbench.representation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The speed of one training step of the representation toy (Liu et al. 2022, §2): the step a
 * phase-diagram cell repeats up to 10⁵ times (App. A). The authors' setup ({@link ToySpec#paper()},
 * seed 5 as the phase diagrams): 1D embeddings of p = 10 symbols, decoder 1-200-200-30 tanh, the 45
 * training samples as one batch, MSE to fixed random targets, AdamW on the embeddings and AdamW on
 * the decoder. {@code scripts/toy_step_timing.py} times the same step in numpy and PyTorch.
 *
 * <p>Reports both the wall time and the thread's CPU time per step: on a shared machine the wall
 * time includes the time the thread waited for a core, the CPU time does not (but still includes
 * the slowdown of a busy sibling hyperthread). Best of the repetitions; one thread.
 */
public final class ToyStepBenchmark {
    private ToyStepBenchmark() {}

    /**
     * Best-of-repetitions times of {@link ToyTraining#step()}.
     *
     * @param wallMs       wall milliseconds per step
     * @param cpuMs        thread CPU milliseconds per step (NaN when the JVM cannot measure it)
     * @param stepsTrained steps of the run after warm-up and all repetitions
     * @param trainLoss    the last minibatch loss (a sanity read-out: the run trains)
     */
    public record Result(double wallMs, double cpuMs, long stepsTrained, double trainLoss) {
        public double stepsPerSecond() { return 1e3 / wallMs; }
    }

    /** The toy the benchmark times: {@link ToySpec#paper()} with the phase diagrams' seed 5. */
    public static ToySpec spec() { return ToySpec.paper().withSeed(5); }

    /** {@code warmup} untimed steps, then {@code reps} timed runs of {@code steps} steps of one training run. */
    public static Result run(int warmup, int steps, int reps) {
        if (warmup < 0 || steps < 1 || reps < 1)
            throw new IllegalArgumentException("warmup >= 0, steps >= 1 and reps >= 1 needed, got " + warmup + ", " + steps + ", " + reps);
        ToyTraining run = new ToyTraining(spec());
        double loss = Double.NaN;
        for (int s = 0; s < warmup; s++) loss = run.step();
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        boolean cpu = bean.isCurrentThreadCpuTimeSupported();
        double bestWall = Double.POSITIVE_INFINITY, bestCpu = Double.POSITIVE_INFINITY;
        for (int r = 0; r < reps; r++) {
            long c0 = cpu ? bean.getCurrentThreadCpuTime() : 0, t0 = System.nanoTime();
            for (int s = 0; s < steps; s++) loss = run.step();
            long t1 = System.nanoTime(), c1 = cpu ? bean.getCurrentThreadCpuTime() : 0;
            bestWall = Math.min(bestWall, (t1 - t0) / 1e6 / steps);
            if (cpu) bestCpu = Math.min(bestCpu, (c1 - c0) / 1e6 / steps);
        }
        return new Result(bestWall, cpu ? bestCpu : Double.NaN, run.stepCount(), loss);
    }
}
