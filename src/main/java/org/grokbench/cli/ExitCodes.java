package org.grokbench.cli;

/** Process exit codes of the {@code grokbench} command line. */
public final class ExitCodes {
    private ExitCodes() {}

    public static final int OK = 0;
    /** Something went wrong that is not the user's input: an I/O error, an engine failure. */
    public static final int FAILURE = 1;
    /** Bad usage: unknown command or option, a value out of range, a preset that cannot be used. */
    public static final int USAGE = 2;
    /** The run diverged (a loss or parameter became NaN/∞); the outputs were still written. */
    public static final int DIVERGED = 3;
}
