package org.grokbench.experiment;

import org.grokbench.math.VecOps;

/**
 * One run of an experiment stepped headless with its {@link Learner}, with no history and no
 * probes, timing its two phases exactly at every step ({@link TwoPhaseClock}): the inner loop of
 * the drop-time sweep and of the slow-flow comparison, which need the exact t_int and t_drop of
 * runs up to 10⁶ steps long, not a thinned history.
 */
public final class TwoPhaseRun {
    /** Sees θ_t and its metrics (indexed by {@link Metric#ordinal()}) at every step t; both arrays are reused. */
    @FunctionalInterface
    public interface Observer {
        void step(long step, double[] theta, double[] metrics);
    }

    /**
     * @param steps      steps taken (the last measured state is step {@code steps})
     * @param diverged   null, or why the run stopped early (a non-finite loss)
     */
    public record Result(RunSpec run, long steps, TwoPhaseClock clock, double trainLoss, double testLoss,
                         double weightNorm, String diverged) {}

    private TwoPhaseRun() {}

    /**
     * Trains {@code run} for up to {@code run.steps()} steps.
     *
     * @param phases     how t_int and t_drop are defined
     * @param stopAtDrop stop at the drop step (the sweep needs nothing after it)
     * @param observer   called at every step from 0 on, or null
     */
    public static Result run(Experiment experiment, RunSpec run, TwoPhaseSpec phases, boolean stopAtDrop, Observer observer) {
        Learner learner = experiment.newLearner(run);
        TwoPhaseClock clock = new TwoPhaseClock(phases);
        double[] theta = learner.initialParameters();
        double[] gradient = new double[theta.length];
        double[] row = new double[Metric.COUNT];
        long step = 0;
        String diverged = null;
        while (true) {
            java.util.Arrays.fill(row, Double.NaN);
            double loss = learner.measure(theta, gradient, row);
            if (!Double.isFinite(loss) || !VecOps.allFinite(theta)) {
                diverged = "'" + run.label() + "' diverged at step " + step + " (train loss " + loss + "; try a smaller lr)";
                break;
            }
            clock.observe(step, loss, row[Metric.TEST_LOSS.ordinal()]);
            if (observer != null) observer.step(step, theta, row);
            if (step >= run.steps() || stopAtDrop && clock.dropped()) break;
            learner.update(theta, gradient, run.lr(), run.lambda());
            step++;
        }
        return new Result(run, step, clock, row[Metric.TRAIN_LOSS.ordinal()], row[Metric.TEST_LOSS.ordinal()],
                VecOps.norm(theta), diverged);
    }
}
