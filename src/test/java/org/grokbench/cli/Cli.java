package org.grokbench.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process with captured stdout and stderr. */
final class Cli {
    record Result(int exitCode, String out, String err) {}

    private Cli() {}

    static Result run(String... args) {
        return run(GrokbenchCli.newCommandLine(), args);
    }

    /** As {@link #run(String...)}, with {@code run PRESET} resolved by {@code resolver}. */
    static Result run(RunCommand.PresetResolver resolver, String... args) {
        return run(GrokbenchCli.newCommandLine(resolver), args);
    }

    private static Result run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
