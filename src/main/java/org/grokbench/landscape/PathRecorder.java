package org.grokbench.landscape;

import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.Learner;
import org.grokbench.experiment.Metric;
import org.grokbench.experiment.Milestone;
import org.grokbench.experiment.RunSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Trains one run of an experiment headless and keeps the θ rows a landscape needs: every
 * {@code every} steps (for the per-epoch stack and the PCA plane), the asked steps and the steps
 * right after them (for the step direction), the memorization step (the first with training loss
 * below {@link Milestone#MEMORIZED}'s threshold) and the one after it, and the final point θ*.
 * The same learner and update the window's run uses, without its probes: the CLI's landscape of a
 * 10 000-step network then costs only the training.
 */
public final class PathRecorder {
    private PathRecorder() {}

    /**
     * @param path          the kept rows, θ* last
     * @param memorizedStep the first step with training loss below 1e-3; −1 if never
     */
    public record Recorded(RecordedPath path, long memorizedStep) {}

    /**
     * @param steps how far to train (the run's own step count is ignored)
     * @param every keep a row every this many steps (≥ 1)
     * @param keep  further steps to keep (with their successors)
     * @throws IllegalStateException when the loss stops being finite
     */
    public static Recorded train(Experiment experiment, RunSpec run, long steps, long every, long... keep) {
        if (steps < 0 || every < 1) throw new IllegalArgumentException("steps must be >= 0 and every >= 1");
        Learner learner = experiment.newLearner(run);
        double[] theta = learner.initialParameters();
        double[] gradient = new double[theta.length];
        double[] metrics = new double[Metric.COUNT];
        Milestone memorized = Milestone.MEMORIZED;
        long memorizedAt = -1;
        List<Long> keptSteps = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        long[] wanted = keep.clone();
        Arrays.sort(wanted);
        for (long s = 0; ; s++) {
            Arrays.fill(metrics, Double.NaN);
            double loss = learner.measure(theta, gradient, metrics);
            if (!Double.isFinite(loss))
                throw new IllegalStateException("'" + run.label() + "' diverged at step " + s + " (train loss " + loss + ")");
            if (memorizedAt < 0 && metrics[memorized.metric().ordinal()] < memorized.threshold()) memorizedAt = s;
            boolean kept = s % every == 0 || s == steps || s == memorizedAt || s == memorizedAt + 1
                    || Arrays.binarySearch(wanted, s) >= 0 || Arrays.binarySearch(wanted, s - 1) >= 0;
            if (kept) {
                keptSteps.add(s);
                rows.add(theta.clone());
            }
            if (s >= steps) break;
            learner.update(theta, gradient, run.lr(), run.lambda());
        }
        long[] st = new long[keptSteps.size()];
        for (int i = 0; i < st.length; i++) st[i] = keptSteps.get(i);
        return new Recorded(new RecordedPath(st, rows.toArray(new double[0][])), memorizedAt);
    }
}
