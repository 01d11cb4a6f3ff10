package org.grokbench.modular.bench;

/**
 * What {@link ModularBenchmark} measures and how long.
 *
 * @param eq20WarmupSteps Eq. (20) steps run before timing (JIT warm-up)
 * @param eq20TimedSteps  Eq. (20) steps per timed repetition
 * @param mlpWarmupSteps  MLP gradient steps before timing
 * @param mlpTimedSteps   MLP gradient steps per timed repetition
 * @param repetitions     timed repetitions; the best (smallest) per-step time is reported
 * @param threads         worker threads for the multi-threaded Eq. (20) run (≤ 1: skip it)
 * @param seed            seed of the split and of the initializations
 */
public record BenchOptions(int eq20WarmupSteps, int eq20TimedSteps, int mlpWarmupSteps, int mlpTimedSteps,
                           int repetitions, int threads, long seed) {
    public BenchOptions {
        if (eq20TimedSteps < 0 || mlpTimedSteps < 0 || repetitions < 1 || eq20WarmupSteps < 0 || mlpWarmupSteps < 0)
            throw new IllegalArgumentException("step counts must be ≥ 0 and repetitions ≥ 1");
    }

    /**
     * The comparison with {@code timing.py}: as many warm-up steps as its JIT-free loops need, and
     * more for the JVM (20 + 100 Eq. (20) steps, 200 + 5000 MLP steps), 200 timed Eq. (20) steps and
     * 5000 timed MLP steps as in {@code timing.py}, 3 repetitions, all available processors.
     */
    public static BenchOptions defaults() {
        return new BenchOptions(120, 200, 5200, 5000, 3, Runtime.getRuntime().availableProcessors(), 0);
    }

    /** A seconds-long run for smoke tests. */
    public static BenchOptions quick() {
        return new BenchOptions(2, 3, 50, 100, 1, 2, 0);
    }
}
