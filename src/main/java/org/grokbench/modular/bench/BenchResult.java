package org.grokbench.modular.bench;

import java.util.Locale;

/**
 * Per-step times measured by {@link ModularBenchmark} (best repetition). NaN marks a workload not run.
 *
 * @param threads          worker threads of the multi-threaded Eq. (20) run
 * @param eq20SingleMs     Eq. (20) step, p = 37, d_h = 512, 492 train pairs, one thread (ms)
 * @param eq20ParallelMs   the same on {@code threads} threads (ms)
 * @param mlpStepUs        one full-batch GD step of the App. D MLP (n = 11, h = 128, 59 train pairs,
 *                         mean MSE, η = 1, torch weight_decay 1e-4 ≡ λ = 5e-5) (µs)
 * @param normMinProbeMs   one App. D norm-minimizing-direction measurement ({@code NormMinDirectionProbe.measure}:
 *                         100 momentum steps, the 649 × 649 Gram JJᵀ, its pivoted Cholesky, two projections) (ms)
 * @param eq20TestAccuracy test accuracy after the Eq. (20) steps of the single-threaded run (a sanity read-out)
 * @param mlpFinalLoss     train loss after the MLP steps (sanity read-out)
 */
public record BenchResult(int threads, double eq20SingleMs, double eq20ParallelMs, double mlpStepUs,
                          double normMinProbeMs, double eq20TestAccuracy, double mlpFinalLoss) {
    /** Steps per second of the single-threaded Eq. (20) run. */
    public double eq20SingleStepsPerSecond() {
        return 1e3 / eq20SingleMs;
    }

    /** Steps per second of the multi-threaded Eq. (20) run. */
    public double eq20ParallelStepsPerSecond() {
        return 1e3 / eq20ParallelMs;
    }

    /** Steps per second of the MLP. */
    public double mlpStepsPerSecond() {
        return 1e6 / mlpStepUs;
    }

    /**
     * One JSON line in the style of {@code timing.py}. The multi-threaded Eq. (20) keys appear only
     * when more than one thread was used (with one thread they would repeat the single-thread keys).
     */
    public String toJson() {
        String parallel = threads > 1
                ? String.format(Locale.ROOT, "\"eq20_java_f64_%dt_ms\": %s, \"eq20_steps_per_s_%dt\": %s, ",
                        threads, num(eq20ParallelMs), threads, num(eq20ParallelStepsPerSecond()))
                : "";
        return String.format(Locale.ROOT,
                "{\"item\": \"grokbench-modular\", \"threads\": %d, \"eq20_java_f64_1t_ms\": %s, "
                        + "\"eq20_steps_per_s_1t\": %s, %s\"mlp_java_f64_us\": %s, \"mlp_steps_per_s\": %s, "
                        + "\"normmin_probe_ms\": %s, \"eq20_test_acc\": %s, \"mlp_final_loss\": %s}",
                threads, num(eq20SingleMs), num(eq20SingleStepsPerSecond()), parallel, num(mlpStepUs),
                num(mlpStepsPerSecond()), num(normMinProbeMs), num(eq20TestAccuracy), num(mlpFinalLoss));
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "null";
    }
}
