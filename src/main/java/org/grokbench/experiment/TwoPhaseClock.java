package org.grokbench.experiment;

/**
 * Times the two phases of one run as its steps go by ({@link TwoPhaseSpec}): the interpolation
 * step t_int (training loss first below the threshold: the run has reached the zero-loss set), the
 * plateau (test loss at t_int, where the unregularized flow leaves it), and the drop step t_drop
 * (first step from t_int on with test loss ≤ dropFraction × plateau). Fed every step it is exact;
 * fed a thinned history it is exact to the history's resolution.
 */
public final class TwoPhaseClock {
    private final TwoPhaseSpec spec;
    private long interpolation = -1;
    private double plateau = Double.NaN;
    private long drop = -1;

    public TwoPhaseClock(TwoPhaseSpec spec) {
        this.spec = spec;
    }

    /** Takes the losses at {@code step} (steps in increasing order). */
    public void observe(long step, double trainLoss, double testLoss) {
        if (interpolation < 0) {
            if (!(trainLoss < spec.interpolationThreshold())) return;
            interpolation = step;
            plateau = testLoss;
        }
        if (drop < 0 && testLoss <= spec.dropFraction() * plateau) drop = step;
    }

    /** The clock run over a recorded history (every kept row, in order). */
    public static TwoPhaseClock of(HistoryView h, TwoPhaseSpec spec) {
        TwoPhaseClock c = new TwoPhaseClock(spec);
        for (int r = 0; r < h.size() && !c.dropped(); r++)
            c.observe(h.step(r), h.metric(r, Metric.TRAIN_LOSS), h.metric(r, Metric.TEST_LOSS));
        return c;
    }

    public boolean interpolated() { return interpolation >= 0; }
    public boolean dropped() { return drop >= 0; }

    /** t_int, or −1 while the training loss has not reached the threshold. */
    public long interpolationStep() { return interpolation; }

    /** The test loss at t_int (NaN before). */
    public double plateau() { return plateau; }

    /** t_drop, or −1 while the test loss has not dropped. */
    public long dropStep() { return drop; }

    public TwoPhaseSpec spec() { return spec; }
}
