package org.grokbench.ui;

/**
 * What the window's pulse loop measures about itself: the longest gap between two consecutive
 * pulses (a gap over ~100 ms is a visible stutter) and the time the FX thread spends applying a
 * snapshot. Written and read on the FX thread only.
 */
public final class PulseStats {
    private long lastPulse = -1;
    private long pulses;
    private long maxGap;
    private long gapSum;
    private long applies;
    private long maxApply;
    private long applySum;

    /** Records a pulse at {@code nowNanos} (the AnimationTimer's timestamp). */
    public void pulse(long nowNanos) {
        if (lastPulse >= 0) {
            long gap = nowNanos - lastPulse;
            maxGap = Math.max(maxGap, gap);
            gapSum += gap;
        }
        lastPulse = nowNanos;
        pulses++;
    }

    /** Records the duration of one snapshot application on the FX thread. */
    public void applied(long nanos) {
        applies++;
        applySum += nanos;
        maxApply = Math.max(maxApply, nanos);
    }

    /** Forgets everything measured so far (e.g. after the window has settled). */
    public void reset() {
        lastPulse = -1;
        pulses = maxGap = gapSum = applies = maxApply = applySum = 0;
    }

    public long pulses() { return pulses; }
    public double maxGapMillis() { return maxGap / 1e6; }
    public double meanGapMillis() { return pulses > 1 ? gapSum / 1e6 / (pulses - 1) : 0; }
    public long applies() { return applies; }
    public double maxApplyMillis() { return maxApply / 1e6; }
    public double meanApplyMillis() { return applies > 0 ? applySum / 1e6 / applies : 0; }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "pulses=%d maxGap=%.1fms meanGap=%.1fms applies=%d maxApply=%.1fms meanApply=%.2fms",
                pulses, maxGapMillis(), meanGapMillis(), applies, maxApplyMillis(), meanApplyMillis());
    }
}
