package org.grokbench.cli;

import org.grokbench.experiment.DropTimeSweep;
import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.RunSpec;
import org.grokbench.experiment.TwoPhaseSpec;
import org.grokbench.experiment.preset.PresetLoader;
import org.grokbench.math.PowerLawFit;
import org.grokbench.plot.DropTimeFigure;
import org.grokbench.plot.FigureExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code grokbench drop-times PRESET}: the test-loss drop time against 1/λ ({@link DropTimeSweep}),
 * a table, the fitted log-log slopes (theory: 1), {@code drop-times.csv} and {@code drop-times.png}.
 */
@Command(name = "drop-times", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Sweep the weight decay λ of one run of a preset and fit drop time against 1/λ on log-log axes.",
                "Each λ starts from the same θ₀; the run stops at its test-loss drop. Theory (slow phase on a time"
                        + " scale of 1/λ): slope 1. Writes drop-times.csv and drop-times.png."},
        footer = {"", "Examples:", "  grokbench drop-times twophase-lambda-sweep",
                "  grokbench drop-times twophase-sparse-regression --lambdas log:1e-3:1e-1:7 --out out/dt", ""})
final class DropTimesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PRESET", description = "A preset name or .json file.")
    String preset;

    @Option(names = "--lambdas", paramLabel = "SPEC", converter = LambdaGrid.class,
            description = "log:A:B:N or a comma list (default: the λ > 0 of the preset's runs).")
    LambdaGrid.Lambdas lambdas;

    @Option(names = "--max-steps", paramLabel = "N", converter = MaxSteps.class, defaultValue = "1000000",
            description = "Step budget per λ, 1-1000000 (default: ${DEFAULT-VALUE}); the budget of λ is the run's"
                    + " steps × λ_run/λ, at most N.")
    long maxSteps;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/PRESET-ID-drop-times).")
    Path out;

    @Mixin
    TwoPhaseOptions phases;

    @Mixin
    FigureSettings figures;

    static final class MaxSteps extends Bounded.LongIn { MaxSteps() { super("--max-steps", 1, 1_000_000); } }

    @Override
    public Integer call() throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        ExperimentSpec s = new PresetLoader().resolve(preset);
        TwoPhaseOptions.requireTrainable(s);
        int index = phases.runIndex(s);
        double[] grid = lambdas != null ? lambdas.values() : presetLambdas(s);
        if (grid.length < 2)
            throw new UserError(s.id() + " has fewer than 2 distinct λ > 0 among its runs; give --lambdas (e.g. log:1e-3:1e-1:5)");
        Path dir = out != null ? out : Path.of("out", s.id() + "-drop-times");
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new UserError("--out must be a folder, but " + dir + " is a file");
        TwoPhaseSpec p = phases.phases(Experiment.build(s));
        RunSpec base = s.runs().get(index);
        w.printf(Locale.ROOT, "%s: run '%s' (lr %s) from the same θ₀ for %d λ; t_int = first step with train loss < %s,"
                        + " t_drop = first step with test loss <= %s × its value at t_int%n",
                s.id(), base.label(), Bounded.fmt(base.lr()), grid.length, Bounded.fmt(p.interpolationThreshold()),
                Bounded.fmt(p.dropFraction()));
        w.printf(Locale.ROOT, "  %-10s  %10s  %10s  %12s  %10s  %10s%n", "λ", "1/λ", "t_int", "plateau", "t_drop", "t_drop−t_int");
        w.flush();
        long t0 = System.nanoTime();
        DropTimeSweep.Result r = DropTimeSweep.sweep(s, index, grid, maxSteps, p, pt -> {
            w.printf(Locale.ROOT, "  %-10.4g  %10.4g  %10s  %12.4g  %10s  %10s%s%n", pt.lambda(), pt.inverseLambda(),
                    stepText(pt.interpolationStep()), pt.plateau(), pt.dropStep() < 0 ? "> " + pt.stepsRun() : Long.toString(pt.dropStep()),
                    stepText(pt.slowPhase()), pt.problem() == null ? "" : "  " + pt.problem());
            w.flush();
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        w.printf(Locale.ROOT, "fitted slope of log t_drop vs log(1/λ): %s%n", fitText(r.dropFit()));
        w.printf(Locale.ROOT, "fitted slope of log(t_drop − t_int) vs log(1/λ): %s%n", fitText(r.slowPhaseFit()));
        Files.createDirectories(dir);
        writeCsv(dir.resolve("drop-times.csv"), r);
        FigureExport.save(DropTimeFigure.create(r, figures.options().withCaption(s.title())), dir.resolve("drop-times.png"),
                (int) figures.width, (int) figures.height);
        w.printf(Locale.ROOT, "wrote %s (drop-times.csv, drop-times.png) in %.1f s%n", dir, seconds);
        w.flush();
        return ExitCodes.OK;
    }

    /** The distinct λ > 0 of the preset's runs, in increasing order. */
    static double[] presetLambdas(ExperimentSpec s) {
        TreeSet<Double> set = new TreeSet<>();
        for (RunSpec r : s.runs()) if (r.lambda() > 0) set.add(r.lambda());
        return set.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String stepText(long step) {
        return step < 0 ? "—" : Long.toString(step);
    }

    static String fitText(PowerLawFit f) {
        return Double.isNaN(f.slope()) ? "no fit (fewer than 2 drops seen)"
                : String.format(Locale.ROOT, "%.3f (R² %.4f, %d points)", f.slope(), f.r2(), f.points());
    }

    private static void writeCsv(Path file, DropTimeSweep.Result r) throws IOException {
        StringBuilder b = new StringBuilder("lambda,inverse_lambda,t_int,plateau,t_drop,slow_phase,steps_run,test_loss\n");
        for (DropTimeSweep.Point p : r.points()) {
            b.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s,%d,%s%n", p.lambda(), p.inverseLambda(), cell(p.interpolationStep()),
                    Double.isNaN(p.plateau()) ? "" : Double.toString(p.plateau()), cell(p.dropStep()), cell(p.slowPhase()),
                    p.stepsRun(), p.testLoss()));
        }
        Files.writeString(file, b.toString());
    }

    private static String cell(long v) {
        return v < 0 ? "" : Long.toString(v);
    }
}
