package org.grokbench.experiment.preset;

/**
 * A preset's default sweep grid: the x axis and the optional y axis, each {@code PARAM=LIST} as
 * typed on the command line (see {@code org.grokbench.sweep.SweepAxis}).
 */
public record SweepDefaults(String x, String y) {}
