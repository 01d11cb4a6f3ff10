package org.grokbench.cli;

import org.grokbench.experiment.preset.PresetException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.stream.Collectors;

/**
 * The {@code grokbench} command line: headless commands on the same engine the window drives.
 * Errors a user can fix (bad options, out-of-range values, unknown commands, broken presets)
 * print one line to stderr and exit with {@link ExitCodes#USAGE}; no stack traces.
 */
@Command(name = "grokbench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Grokking Workbench: reproduce \"The Geometry of Grokking\": the toy models (Figures 1-4) and modular"
                        + " addition (Figure 5: the trained MLP of App. D; Figure 6: the Eq. (20) dynamics).",
                "Without a command, the grokbench jar opens the window."},
        subcommands = {RunCommand.class, PresetsCommand.class, GradientOrthogonalityCommand.class, BenchCommand.class,
                ProbeCostCommand.class, ReprCommand.class, LandscapeCommand.class, RaceCommand.class,
                SweepCommand.class, PhaseDiagramCommand.class, SpectralCommand.class, DropTimesCommand.class, SlowFlowCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Examples:",
                "  grokbench presets",
                "  grokbench run fig1-one-plus-one --out out/fig1",
                "  grokbench run fig1-one-plus-one --steps 500 --lambda 0.05 --out out/fig1-l005",
                "  grokbench gradient-orthogonality fig4-gradient-orthogonality --out out/fig4.csv",
                "  grokbench run fig6-simulated-dynamics --out out/fig6",
                "  grokbench bench --what eq20 --threads all",
                "  grokbench landscape modular-addition-mlp --at 500",
                "  grokbench race --function rosenbrock --lr 1e-3 --steps 10000 --out out/race",
                "  grokbench sweep sweep-modular-spectral --out out/sweep",
                "  grokbench spectral modular-addition-mlp --full --out out/spectral",
                "", "Exit codes: 0 ok, 2 bad usage or preset, 3 the run diverged (outputs still written), 1 other failures.",
                ""})
public final class GrokbenchCli implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A fully configured command line (error handlers, exit codes); set out/err on it to capture output. */
    public static CommandLine newCommandLine() {
        return configure(new CommandLine(new GrokbenchCli()));
    }

    /** The command line with {@code run} resolving PRESET through {@code resolver} (tests build specs in code). */
    static CommandLine newCommandLine(RunCommand.PresetResolver resolver) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> cls) throws Exception {
                return cls == RunCommand.class ? (K) new RunCommand(resolver) : defaults.create(cls);
            }
        };
        return configure(new CommandLine(new GrokbenchCli(), factory));
    }

    private static CommandLine configure(CommandLine cl) {
        cl.setParameterExceptionHandler(GrokbenchCli::onParameterError);
        cl.setExecutionExceptionHandler(GrokbenchCli::onExecutionError);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setAbbreviatedOptionsAllowed(false);
        return cl;
    }

    /** Runs the command line with stdout/stderr of the process; returns the exit code. */
    public static int execute(String... args) {
        return newCommandLine().execute(args);
    }

    private static int onParameterError(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        String message;
        if (ex.getCause() instanceof OptionValueException ove) {
            message = ove.getMessage();
        } else if (ex instanceof CommandLine.UnmatchedArgumentException u && cl.getParent() == null
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            message = "unknown command '" + u.getUnmatched().get(0) + "'; commands: "
                    + String.join(", ", cl.getSubcommands().keySet());
        } else {
            message = oneLine(ex.getMessage());
        }
        err.println(qualifiedName(cl) + ": " + message + " (see '" + qualifiedName(cl) + " --help')");
        err.flush();
        return ExitCodes.USAGE;
    }

    private static int onExecutionError(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        int code;
        if (ex instanceof PresetException || ex instanceof UserError) {
            err.println(qualifiedName(cl) + ": " + oneLine(ex.getMessage()));
            code = ExitCodes.USAGE;
        } else if (ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException) {
            err.println(qualifiedName(cl) + ": cannot write the outputs: " + oneLine(String.valueOf(ex.getMessage())));
            code = ExitCodes.FAILURE;
        } else {
            err.println(qualifiedName(cl) + ": internal error: " + oneLine(String.valueOf(ex))
                    + " (set GROKBENCH_DEBUG=1 for the stack trace)");
            if (System.getenv("GROKBENCH_DEBUG") != null) ex.printStackTrace(err);
            code = ExitCodes.FAILURE;
        }
        err.flush();
        return code;
    }

    private static String qualifiedName(CommandLine cl) {
        StringBuilder b = new StringBuilder(cl.getCommandName());
        for (CommandLine p = cl.getParent(); p != null; p = p.getParent()) b.insert(0, p.getCommandName() + " ");
        return b.toString();
    }

    static String oneLine(String s) {
        if (s == null) return "";
        return s.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining(" "));
    }
}
