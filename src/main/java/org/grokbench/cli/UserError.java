package org.grokbench.cli;

/** A problem with what the user asked for, reported as one line with exit code {@link ExitCodes#USAGE}. */
final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UserError(String message) {
        super(message);
    }
}
