package org.grokbench.representation;

/**
 * The thresholds of App. A, Table 1 (Liu et al. 2022), configurable: a run is judged on the first
 * step at which train (validation) accuracy reaches {@code trainThreshold} ({@code valThreshold}),
 * counted only within {@code budget} steps, and validation must follow train by less than
 * {@code maxDelay} steps to count as comprehension. The paper: 90 %, 90 %, 10⁵ and 10³ steps.
 * "Reaches" is ≥, as in the authors' code (with 10 validation samples, 90 % is 9 of 10).
 *
 * <p>The table has no row for validation passing while train does not; such runs are confusion
 * here (the only row whose training accuracy fails).
 */
public record PhaseCriteria(double trainThreshold, double valThreshold, long budget, long maxDelay) {
    public PhaseCriteria {
        if (!(trainThreshold > 0 && trainThreshold <= 1)) throw new IllegalArgumentException("train threshold must be in (0, 1], got " + trainThreshold);
        if (!(valThreshold > 0 && valThreshold <= 1)) throw new IllegalArgumentException("validation threshold must be in (0, 1], got " + valThreshold);
        if (budget < 0) throw new IllegalArgumentException("budget must be >= 0, got " + budget);
        if (maxDelay < 1) throw new IllegalArgumentException("delay must be >= 1, got " + maxDelay);
    }

    /** Table 1 as printed: 90 %, 90 %, 10⁵ steps, 10³ steps. */
    public static PhaseCriteria paper() { return new PhaseCriteria(0.9, 0.9, 100_000, 1_000); }

    /** The same criteria with another step budget. */
    public PhaseCriteria withBudget(long steps) { return new PhaseCriteria(trainThreshold, valThreshold, steps, maxDelay); }

    /** The phase and the first threshold steps (−1 when not reached within the budget). */
    public record Reading(LearningPhase phase, long trainStep, long valStep) {}

    /**
     * Classifies an accuracy history: {@code steps[i]} is the step of the i-th reading (ascending),
     * {@code train[i]} and {@code val[i]} the accuracies there.
     */
    public Reading classify(long[] steps, double[] train, double[] val) {
        if (steps.length != train.length || steps.length != val.length)
            throw new IllegalArgumentException("steps, train and validation histories differ in length");
        long t = firstAt(steps, train, trainThreshold), v = firstAt(steps, val, valThreshold);
        LearningPhase phase;
        if (t < 0) phase = LearningPhase.CONFUSION;
        else if (v < 0) phase = LearningPhase.MEMORIZATION;
        else phase = v - t < maxDelay ? LearningPhase.COMPREHENSION : LearningPhase.GROKKING;
        return new Reading(phase, t, v);
    }

    private long firstAt(long[] steps, double[] acc, double threshold) {
        for (int i = 0; i < steps.length && steps[i] <= budget; i++) if (acc[i] >= threshold) return steps[i];
        return -1;
    }
}
