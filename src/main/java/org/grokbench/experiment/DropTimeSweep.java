package org.grokbench.experiment;

import org.grokbench.math.PowerLawFit;

import java.util.ArrayList;
import java.util.List;

/**
 * Drop time against weight decay (riemannian-norm-minimisation: the slow phase takes a time of
 * order 1/λ): one run of a preset repeated from the same θ₀ for each λ of a list, each timed exactly
 * by {@link TwoPhaseRun}, and the power law t_drop ∝ (1/λ)^slope fitted by least squares on log-log
 * axes (theory: slope 1). Also fitted: t_drop − t_int, the length of the slow phase alone, which
 * removes the λ-independent fast phase that bends the plain fit at large λ.
 *
 * <p>Step budget for λ: the run's own steps scaled by λ_run/λ (so that a budget that covers the drop
 * at the preset's λ covers it at every λ), at most {@code maxSteps}; a run stops at its drop.
 * A plain one-dimensional loop, sequential: same preset, same λs = same numbers.
 */
public final class DropTimeSweep {
    /** One λ of the sweep; steps −1 where not reached. */
    public record Point(double lambda, long interpolationStep, double plateau, long dropStep, long stepsRun,
                        double testLoss, String problem) {
        public double inverseLambda() { return 1 / lambda; }
        public long slowPhase() { return dropStep < 0 || interpolationStep < 0 ? -1 : dropStep - interpolationStep; }
    }

    /** The points and both fits (over the points whose drop was seen). */
    public record Result(String runLabel, double lr, List<Point> points, PowerLawFit dropFit, PowerLawFit slowPhaseFit) {}

    private DropTimeSweep() {}

    /**
     * @param runIndex the run of the preset to repeat (its lr, θ₀ and optimizer)
     * @param progress called after each λ with the point, or null
     */
    public static Result sweep(ExperimentSpec spec, int runIndex, double[] lambdas, long maxSteps, TwoPhaseSpec phases,
                               java.util.function.Consumer<Point> progress) {
        Experiment experiment = Experiment.build(spec);
        RunSpec base = spec.runs().get(runIndex);
        List<Point> points = new ArrayList<>();
        for (double lambda : lambdas) {
            long budget = budget(base, lambda, maxSteps);
            RunSpec run = base.withLambda(lambda).withSteps(budget).withLabel("λ = " + lambda);
            TwoPhaseRun.Result r = TwoPhaseRun.run(experiment, run, phases, true, null);
            TwoPhaseClock c = r.clock();
            Point p = new Point(lambda, c.interpolationStep(), c.plateau(), c.dropStep(), r.steps(), r.testLoss(), r.diverged());
            points.add(p);
            if (progress != null) progress.accept(p);
        }
        return new Result(base.label(), base.lr(), List.copyOf(points), fit(points, false), fit(points, true));
    }

    /**
     * The same table read off the recorded runs of one experiment (e.g. a preset whose runs differ
     * only in λ, as shown live in the window): every run with λ &gt; 0, timed on its history, so
     * exact up to the history's resolution. Runs still before their drop count as not reached.
     */
    public static Result fromRuns(List<TrajectorySnapshot> runs, TwoPhaseSpec phases) {
        List<Point> points = new ArrayList<>();
        String label = "";
        double lr = Double.NaN;
        for (TrajectorySnapshot t : runs) {
            if (!(t.lambda() > 0)) continue;
            if (points.isEmpty()) {
                label = "runs of the preset";
                lr = t.lr();
            }
            TwoPhaseClock c = TwoPhaseClock.of(t.history(), phases);
            points.add(new Point(t.lambda(), c.interpolationStep(), c.plateau(), c.dropStep(), t.step(),
                    t.metric(Metric.TEST_LOSS), null));
        }
        return new Result(label, lr, List.copyOf(points), fit(points, false), fit(points, true));
    }

    /** Steps for λ: the run's steps × λ_run/λ (the run's own steps when it has λ = 0), within [1, maxSteps]. */
    static long budget(RunSpec base, double lambda, long maxSteps) {
        if (base.lambda() <= 0 || lambda <= 0) return Math.min(base.steps(), maxSteps);
        double scaled = Math.ceil(base.steps() * base.lambda() / lambda);
        return (long) Math.max(1, Math.min(maxSteps, scaled));
    }

    private static PowerLawFit fit(List<Point> points, boolean slowPhase) {
        double[] x = new double[points.size()], y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            Point p = points.get(i);
            x[i] = p.inverseLambda();
            y[i] = slowPhase ? p.slowPhase() : p.dropStep();
        }
        return PowerLawFit.of(x, y);
    }
}
