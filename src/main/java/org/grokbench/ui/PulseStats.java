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
    private final java.util.Map<String, long[]> panels = new java.util.TreeMap<>();

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

    /** Records how long one panel took to draw a frame (count, sum, max per panel). */
    public void panelDrawn(String panel, long nanos) {
        long[] c = panels.computeIfAbsent(panel, k -> new long[3]);
        c[0]++;
        c[1] += nanos;
        c[2] = Math.max(c[2], nanos);
    }

    /** Forgets everything measured so far (e.g. after the window has settled). */
    public void reset() {
        lastPulse = -1;
        pulses = maxGap = gapSum = applies = maxApply = applySum = 0;
        panels.clear();
    }

    public long pulses() { return pulses; }
    public double maxGapMillis() { return maxGap / 1e6; }
    public double meanGapMillis() { return pulses > 1 ? gapSum / 1e6 / (pulses - 1) : 0; }
    public long applies() { return applies; }
    public double maxApplyMillis() { return maxApply / 1e6; }
    public double meanApplyMillis() { return applies > 0 ? applySum / 1e6 / applies : 0; }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT,
                "pulses=%d maxGap=%.1fms meanGap=%.1fms applies=%d maxApply=%.1fms meanApply=%.2fms",
                pulses, maxGapMillis(), meanGapMillis(), applies, maxApplyMillis(), meanApplyMillis()));
        panels.forEach((k, c) -> b.append(String.format(java.util.Locale.ROOT, " | %s n=%d mean=%.1fms max=%.1fms",
                k, c[0], c[1] / 1e6 / Math.max(1, c[0]), c[2] / 1e6)));
        return b.toString();
    }
}
