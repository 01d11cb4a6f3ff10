package org.grokbench.sweep;

/**
 * A sweep that cannot be planned, run or resumed as asked: a malformed axis, a value out of its
 * parameter's range, a parameter that does not apply to the preset, an output folder written by a
 * different sweep. The message is one line that names the field and what is allowed.
 */
public final class SweepException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public SweepException(String message) {
        super(message);
    }

    public SweepException(String message, Throwable cause) {
        super(message, cause);
    }
}
