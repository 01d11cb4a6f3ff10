package org.grokbench.experiment.bench;

import org.grokbench.analysis.HessianExtremes;
import org.grokbench.analysis.LossSurface;
import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.ProbeSpec;
import org.grokbench.experiment.Run;
import org.grokbench.experiment.RunStatus;
import org.grokbench.experiment.Snapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * How much the curvature probe slows training (issue 6: "report how much a probe cadence slows a
 * run"): the first run of a preset trained headless for a fixed number of steps, with the Hessian
 * probe off and at each asked cadence (the geometry probe off throughout, so only the curvature
 * probe differs), best of a few repetitions; plus the cost of one Hessian reading on its own.
 */
public final class ProbeCost {
    private ProbeCost() {}

    /** One cadence: steps per second and the time per step relative to the probe switched off. */
    public record Row(int curvatureEvery, double stepsPerSecond, double slowdown) {}

    /**
     * @param hessianMs  one Lanczos reading of λ_max and λ_min at θ₀ (best of the repetitions)
     * @param dimension  d, the length of θ
     */
    public record Result(String preset, long steps, int dimension, double hessianMs, List<Row> rows) {}

    /**
     * @param cadences curvature cadences to time (0 = off is always timed first, as the reference)
     */
    public static Result measure(ExperimentSpec spec, long steps, int[] cadences, int repetitions) {
        if (steps < 1) throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        if (repetitions < 1) throw new IllegalArgumentException("repetitions must be at least 1, got " + repetitions);
        ExperimentSpec one = spec.withRuns(List.of(spec.runs().get(0).withSteps(steps)));
        LossSurface surface = Experiment.build(one).newLossSurface();
        if (surface == null) throw new IllegalArgumentException("'" + spec.id() + "' has no training loss to probe (Eq. 20 dynamics)");
        List<Row> rows = new ArrayList<>();
        stepsPerSecond(one, steps, 0, 1);   // warm-up: the JIT compiles the training step before anything is timed
        double off = stepsPerSecond(one, steps, 0, repetitions);
        rows.add(new Row(0, off, 1));
        for (int c : cadences) {
            if (c <= 0) continue;
            double rate = stepsPerSecond(one, steps, c, repetitions);
            rows.add(new Row(c, rate, off / rate));
        }
        double[] theta0 = Experiment.build(one).newLearner(one.runs().get(0)).initialParameters();
        HessianExtremes h = new HessianExtremes(surface);
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repetitions + 1; r++) {
            long t0 = System.nanoTime();
            h.measure(theta0);
            if (r > 0) best = Math.min(best, (System.nanoTime() - t0) / 1e6);   // the first one warms up
        }
        return new Result(spec.id(), steps, surface.dimension(), best, rows);
    }

    private static double stepsPerSecond(ExperimentSpec one, long steps, int curvatureEvery, int repetitions) {
        // A geometry cadence beyond the last step that nests with the curvature cadence: that probe never runs.
        int c = Math.max(1, curvatureEvery);
        int geometry = (int) Math.min(Integer.MAX_VALUE, c * (steps / c + 1));
        ExperimentSpec s = one.withProbes(new ProbeSpec(geometry, one.probes().historyCap(), curvatureEvery));
        double best = 0;
        for (int r = 0; r < repetitions; r++) {
            Run run = new Run(Experiment.build(s), Long.MAX_VALUE);
            long t0 = System.nanoTime();
            Snapshot end = run.runBlocking();
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (end.status() != RunStatus.FINISHED) throw new IllegalStateException(end.message());
            best = Math.max(best, steps / seconds);
        }
        return best;
    }
}
