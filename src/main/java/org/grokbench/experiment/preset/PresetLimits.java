package org.grokbench.experiment.preset;

/**
 * The ranges the preset format allows for the fields that other parts of the program override
 * (sweeps, the CLI), in one place so that an override can never produce a spec the preset format
 * would reject.
 */
public final class PresetLimits {
    private PresetLimits() {}

    /** Learning rate η: (0, MAX_LR]. */
    public static final double MAX_LR = 10;
    /** Weight decay λ: [0, MAX_LAMBDA]. */
    public static final double MAX_LAMBDA = 10;
    /** Steps per run: [1, MAX_STEPS]. */
    public static final long MAX_STEPS = 1_000_000;
    /** Hidden width d_h of the modular networks: [1, MAX_HIDDEN]. */
    public static final int MAX_HIDDEN = 4096;
}
