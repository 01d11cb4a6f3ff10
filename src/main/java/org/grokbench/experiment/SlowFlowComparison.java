package org.grokbench.experiment;

import org.grokbench.analysis.NormMinimizingFlow;
import org.grokbench.math.VecOps;
import org.grokbench.model.SquaredLoss;

import java.util.ArrayList;
import java.util.List;

/**
 * The predicted slow flow against the real run (riemannian-norm-minimisation): a run with λ &gt; 0 is
 * trained step by step; at its interpolation step t_int ({@link TwoPhaseClock}) the flow
 * {@link NormMinimizingFlow} starts from proj_Z(θ_{t_int}) and is advanced in lockstep, Δτ = 2ηλ per
 * step, so that at step t the prediction is θ_flow(τ = 2ηλ(t − t_int)). Every {@code every} steps a
 * {@link Row} compares the two: the distance ‖θ_t − θ_flow‖, both norms and both test losses. The flow
 * also predicts the drop: the first step at which its test loss is ≤ dropFraction × plateau.
 */
public final class SlowFlowComparison {
    /** One comparison point. {@code travel} = ‖θ_t − θ_{t_int}‖, how far the slow phase has moved. */
    public record Row(long step, double tau, double trainLoss, double testLoss, double flowTestLoss,
                      double norm, double flowNorm, double distance, double travel, double[] theta, double[] flowTheta) {}

    /**
     * @param predictedDrop the step at which the flow's test loss drops, −1 if it does not
     * @param maxDistance   max over rows of ‖θ_t − θ_flow‖
     * @param finalDistance at the last row; {@code finalTravel} the run's travel there
     */
    public record Result(RunSpec run, TwoPhaseClock clock, List<Row> rows, long predictedDrop, double maxDistance,
                         double finalDistance, double finalTravel, String problem) {}

    /** By default a run of any length is compared at about this many steps: the curves look continuous. */
    public static final long DEFAULT_COMPARISONS = 400;

    /** The default comparison interval for a run of {@code steps} steps: steps/{@value #DEFAULT_COMPARISONS}, at least 1. */
    public static long defaultEvery(long steps) {
        return Math.max(1, steps / DEFAULT_COMPARISONS);
    }

    /** Largest Euler step of the flow in τ. */
    public static final double MAX_FLOW_STEP = 0.02;

    private SlowFlowComparison() {}

    /**
     * @param every record (and check the flow) every this many steps
     */
    public static Result compare(Experiment experiment, RunSpec run, TwoPhaseSpec phases, long every) {
        if (!(run.lambda() > 0)) throw new IllegalArgumentException("the slow flow needs a run with λ > 0, got '" + run.label() + "'");
        if (every < 1) throw new IllegalArgumentException("every must be >= 1");
        NormMinimizingFlow flow = new NormMinimizingFlow(experiment.zeroLoss(), MAX_FLOW_STEP);
        SquaredLoss test = experiment.newTestLoss();
        TwoPhaseClock predicted = new TwoPhaseClock(phases);
        List<Row> rows = new ArrayList<>();
        double dtauPerStep = 2 * run.lr() * run.lambda();
        double[][] state = new double[2][]; // the flow point, θ at t_int
        long[] lastStep = {-1};
        TwoPhaseRun.Result r = TwoPhaseRun.run(experiment, run, phases, false, (step, theta, m) -> {
            double train = m[Metric.TRAIN_LOSS.ordinal()], testLoss = m[Metric.TEST_LOSS.ordinal()];
            if (state[0] == null) {
                if (!(train < phases.interpolationThreshold())) return;
                state[0] = flow.start(theta);
                state[1] = theta.clone();
                lastStep[0] = step;
            } else if ((step - lastStep[0]) % every != 0 && step != run.steps()) {
                return;
            } else {
                flow.advance(state[0], dtauPerStep * (step - lastStep[0]));
                lastStep[0] = step;
            }
            double flowTest = test.meanValue(state[0]);
            if (rows.isEmpty()) predicted.observe(step, 0, testLoss);
            predicted.observe(step, 0, flowTest);
            rows.add(row(step, rows.isEmpty() ? 0 : dtauPerStep * (step - rows.get(0).step()), train, testLoss, flowTest,
                    theta, state[0], state[1]));
        });
        return result(run, r.clock(), rows, predicted.dropStep(), r.diverged());
    }

    /** One comparison point of θ_t against the flow's point, with θ_{t_int} for the travel (copies the arrays). */
    static Row row(long step, double tau, double trainLoss, double testLoss, double flowTestLoss, double[] theta,
                   double[] flowTheta, double[] atInterpolation) {
        return new Row(step, tau, trainLoss, testLoss, flowTestLoss, VecOps.norm(theta), VecOps.norm(flowTheta),
                VecOps.distance(theta, flowTheta), VecOps.distance(theta, atInterpolation), theta.clone(), flowTheta.clone());
    }

    /** The comparison of these rows: max and final distance, final travel. */
    static Result result(RunSpec run, TwoPhaseClock clock, List<Row> rows, long predictedDrop, String problem) {
        double max = 0;
        for (Row row : rows) max = Math.max(max, row.distance());
        Row last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        return new Result(run, clock, List.copyOf(rows), predictedDrop, rows.isEmpty() ? Double.NaN : max,
                last == null ? Double.NaN : last.distance(), last == null ? Double.NaN : last.travel(), problem);
    }
}
