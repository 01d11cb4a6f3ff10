package org.grokbench.spectral;

import org.grokbench.experiment.HistoryView;
import org.grokbench.experiment.Metric;

/**
 * The four milestones of a run in the paper's words (§2): t1, the first step at which training
 * accuracy exceeds 0 %; t2, when training accuracy reaches 100 % (memorization); t3, when validation
 * accuracy first exceeds 0 %; t4, when validation accuracy reaches 100 % (generalization). The delay
 * t4 − t2 is what characterizes grokking. −1 = not reached in the recorded history.
 *
 * <p>Read from the recorded history, so they are exact while every step is kept (the first 20 000 by
 * default) and exact to the thinning stride after that. Note that "exceeds 0 %" is met at step 0 by any
 * network whose random start gets one sample right (chance level); raise {@link Thresholds} to ask for
 * more.
 */
public record GrokkingTimes(long t1, long t2, long t3, long t4) {

    /**
     * The accuracy levels: t1 at train accuracy &gt; {@code trainStarts}, t2 at ≥ {@code trainDone},
     * t3 at test accuracy &gt; {@code testStarts}, t4 at ≥ {@code testDone} (fractions in [0, 1]).
     */
    public record Thresholds(double trainStarts, double trainDone, double testStarts, double testDone) {
        /** The paper's: &gt; 0 % and = 100 %. */
        public static final Thresholds PAPER = new Thresholds(0, 1, 0, 1);

        public Thresholds {
            check("trainStarts", trainStarts);
            check("trainDone", trainDone);
            check("testStarts", testStarts);
            check("testDone", testDone);
        }

        private static void check(String name, double v) {
            if (!(v >= 0 && v <= 1)) throw new IllegalArgumentException(name + " must be a fraction in [0, 1], got " + v);
        }
    }

    /** Accuracies are counted in whole samples; this absorbs the rounding of k/n. */
    private static final double EPS = 1e-9;

    public static GrokkingTimes of(HistoryView h) {
        return of(h, Thresholds.PAPER);
    }

    public static GrokkingTimes of(HistoryView h, Thresholds t) {
        return new GrokkingTimes(
                first(h, Metric.TRAIN_ACC, t.trainStarts() + EPS, true),
                first(h, Metric.TRAIN_ACC, t.trainDone() - EPS, false),
                first(h, Metric.TEST_ACC, t.testStarts() + EPS, true),
                first(h, Metric.TEST_ACC, t.testDone() - EPS, false));
    }

    /** First step with m &gt; level (strict) or ≥ level; −1 if none. NaN never counts. */
    private static long first(HistoryView h, Metric m, double level, boolean strict) {
        for (int i = 0; i < h.size(); i++) {
            double v = h.metric(i, m);
            if (strict ? v > level : v >= level) return h.step(i);
        }
        return -1;
    }

    /** t4 − t2, the grokking delay; −1 when either is not reached. */
    public long delay() {
        return t2 < 0 || t4 < 0 ? -1 : t4 - t2;
    }

    /** "t1 = 0, t2 = 70, t3 = 0, t4 = never". */
    public String describe() {
        return "t1 = " + text(t1) + ", t2 = " + text(t2) + ", t3 = " + text(t3) + ", t4 = " + text(t4);
    }

    static String text(long t) {
        return t < 0 ? "never" : Long.toString(t);
    }
}
