package org.grokbench.cli;

import picocli.CommandLine;

/**
 * A bad option value, with a complete one-line message that names the option and what is
 * allowed, e.g. {@code --steps must be an integer in [1, 1000000], got -5}. The CLI prints the
 * message as it is (picocli would otherwise prefix its own wording).
 */
final class OptionValueException extends CommandLine.TypeConversionException {
    private static final long serialVersionUID = 1L;

    OptionValueException(String message) {
        super(message);
    }
}
