package org.grokbench.experiment;

/** Where a run is in its life. */
public enum RunStatus {
    /** Created, not started. */
    READY,
    RUNNING,
    PAUSED,
    /** Every trajectory reached its step budget. */
    FINISHED,
    /** Stopped on request; history kept. */
    STOPPED,
    /** A loss or parameter became NaN/∞; the run stopped itself and kept its history. */
    DIVERGED,
    /** The engine threw; the message says what happened. History kept. */
    FAILED;

    public boolean isTerminal() {
        return this == FINISHED || this == STOPPED || this == DIVERGED || this == FAILED;
    }
}
