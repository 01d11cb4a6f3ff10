package org.grokbench.cli;

import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.bench.ProbeCost;
import org.grokbench.experiment.preset.PresetLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code grokbench probe-cost}: how much the curvature probe (Hessian extremes by Lanczos) slows
 * training at a few cadences, against the same run with the probe off ({@link ProbeCost}).
 */
@Command(name = "probe-cost", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Time a preset's first run with the curvature probe off and every K steps.",
                "Prints steps/s per cadence, the slowdown against no probe, and the cost of one Hessian reading."},
        footer = {"", "Example: grokbench probe-cost modular-addition-mlp --steps 2000 --every 10,100,1000", ""})
final class ProbeCostCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PRESET", defaultValue = "modular-addition-mlp",
            description = "A preset name or .json file (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--steps", paramLabel = "N", converter = Bounded.Steps.class, defaultValue = "2000",
            description = "Steps per timed run, 1-1000000 (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--every", paramLabel = "K,K,...", split = ",", converter = Cadence.class, defaultValue = "10,100,1000",
            description = "Curvature cadences to time, each 1-1000000 (default: ${DEFAULT-VALUE}).")
    long[] every;

    @Option(names = "--reps", paramLabel = "N", converter = Reps.class, defaultValue = "2",
            description = "Repetitions per cadence, 1-20; the best is kept (default: ${DEFAULT-VALUE}).")
    long reps;

    static final class Cadence extends Bounded.LongIn { Cadence() { super("--every", 1, 1_000_000); } }

    static final class Reps extends Bounded.LongIn { Reps() { super("--reps", 1, 20); } }

    @Override
    public Integer call() {
        ExperimentSpec s = new PresetLoader().resolve(preset);
        int[] cadences = new int[every.length];
        for (int i = 0; i < every.length; i++) cadences[i] = (int) every[i];
        ProbeCost.Result r;
        try {
            r = ProbeCost.measure(s, steps, cadences, (int) reps);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%s, first run, %d steps, d = %d: one Hessian reading (λ_max, λ_min; %d Lanczos products) %.2f ms%n",
                r.preset(), r.steps(), r.dimension(), org.grokbench.analysis.HessianExtremes.DEFAULT_ITERATIONS, r.hessianMs());
        w.printf(Locale.ROOT, "  %-16s  %12s  %s%n", "curvature probe", "steps/s", "time per step vs off");
        for (ProbeCost.Row row : r.rows()) {
            w.printf(Locale.ROOT, "  %-16s  %12.1f  %.3fx%n", row.curvatureEvery() == 0 ? "off" : "every " + row.curvatureEvery(),
                    row.stepsPerSecond(), row.slowdown());
        }
        w.flush();
        return ExitCodes.OK;
    }
}
