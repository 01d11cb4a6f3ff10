package org.grokbench.cli;

import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.ProbeSpec;
import org.grokbench.experiment.Run;
import org.grokbench.experiment.RunStatus;
import org.grokbench.experiment.Snapshot;
import org.grokbench.experiment.preset.PresetLoader;
import org.grokbench.plot.FigureExport;
import org.grokbench.plot.SpectralSignatureFigure;
import org.grokbench.spectral.GrokkingForecast;
import org.grokbench.spectral.RunSignature;
import org.grokbench.spectral.SpectralOptions;
import org.grokbench.spectral.SpectralSignature;
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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code grokbench spectral PRESET}: trains every run of a preset for the signature's N steps (or its
 * whole budget) with the probes off, and prints and draws each run's spectral signature
 * (predicting-grokking §3, App. F), its grokking times t1..t4 and the forecast.
 */
@Command(name = "spectral", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Spectral signature of the early training loss of every run of a preset:",
                "Hjorth activity, mobility, complexity and spectral energy of the detrended first N steps,"
                        + " the grokking times t1..t4 and the forecast (a heuristic from the paper, not a guarantee).",
                "Writes spectral-signature.png into --out."},
        footer = {"", "Examples:", "  grokbench spectral modular-addition-mlp --out out/spectral",
                "  grokbench spectral modular-addition-mlp --full     (the preset's whole budget: t1..t4 become meaningful)",
                "Exit codes: 0 ok, 2 bad usage or preset, 3 a run diverged, 1 other failures.", ""})
final class SpectralCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PRESET",
            description = "A preset name (see 'grokbench presets') or a preset .json file.")
    String preset;

    @Option(names = "--steps", paramLabel = "N", converter = SignatureSteps.class,
            description = "N, the early steps the signature reads and (without --full) the steps trained, 8-1000000"
                    + " (default: ${DEFAULT-VALUE}, the paper's).", defaultValue = "400")
    long steps;

    @Option(names = "--full", description = "Train the preset's whole budget (at least N steps), so t1..t4 are known.")
    boolean full;

    @Option(names = "--trend-width", paramLabel = "SIGMA", converter = TrendWidth.class,
            description = "σ in steps of the Gaussian local-quadratic trend removed before the spectrum; 0 = only the"
                    + " mean; else 0.5-10000 (default: ${DEFAULT-VALUE}).", defaultValue = "10")
    double trendWidth;

    @Option(names = "--log-loss", description = "Analyse ln L instead of L.")
    boolean logLoss;

    @Option(names = "--lambda", paramLabel = "X", converter = Bounded.Lambda.class,
            description = "Weight decay λ of L + λ‖θ‖², 0-10 (default: the preset's).")
    Double lambda;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder, created if needed (default: out/PRESET-ID-spectral).")
    Path out;

    @Mixin
    FigureSettings figures;

    static final class SignatureSteps extends Bounded.LongIn {
        SignatureSteps() { super("--steps", SpectralOptions.MIN_STEPS, SpectralOptions.MAX_STEPS); }
    }

    static final class TrendWidth extends Bounded.DoubleIn {
        TrendWidth() { super("--trend-width", 0, SpectralOptions.MAX_TREND_WIDTH, false); }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        if (trendWidth > 0 && trendWidth < SpectralOptions.MIN_TREND_WIDTH)
            throw new UserError("--trend-width must be 0 or a number in [" + SpectralOptions.MIN_TREND_WIDTH + ", "
                    + Bounded.fmt(SpectralOptions.MAX_TREND_WIDTH) + "], got " + Bounded.fmt(trendWidth));
        SpectralOptions options = new SpectralOptions((int) steps, trendWidth,
                logLoss ? SpectralOptions.Signal.LOG_LOSS : SpectralOptions.Signal.LOSS);
        ExperimentSpec base = new PresetLoader().resolve(preset);
        if ("modular-eq20".equals(base.model().kind()))
            throw new UserError(base.id() + " has no training loss to analyse: the simulated dynamics of Eq. (20) keep"
                    + " it at 0 by construction");
        Long trainSteps = full ? null : steps;
        ExperimentSpec s = base.withOverrides(trainSteps, null, lambda, null);
        if (full && s.maxSteps() < steps) s = s.withOverrides(steps, null, null, null);
        // The probes do not change training; off, they cost nothing (a huge geometry cadence reads only step 0).
        s = s.withProbes(new ProbeSpec(Integer.MAX_VALUE, Math.max(s.probes().historyCap(), (int) steps + 1), 0));
        Path dir = out != null ? out : Path.of("out", s.id() + "-spectral");
        if (Files.exists(dir) && !Files.isDirectory(dir))
            throw new UserError("--out must be a folder, but " + dir + " is a file");

        long t0 = System.nanoTime();
        Snapshot result = new Run(Experiment.build(s)).runBlocking();
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<RunSignature> runs = RunSignature.of(result.trajectories(), options);

        Files.createDirectories(dir);
        Path png = dir.resolve("spectral-signature.png");
        FigureExport.save(SpectralSignatureFigure.forSignatures(runs, options, figures.options().withCaption(s.title())),
                png, (int) figures.width, (int) figures.height);

        w.printf(Locale.ROOT, "%s: %s, trained %d steps in %.1f s%n", s.id(),
                result.status().name().toLowerCase(Locale.ROOT), result.step(), seconds);
        w.printf(Locale.ROOT, "signature of %s over the first %d steps, trend σ = %s steps%n",
                logLoss ? "ln L" : "L", steps, Bounded.fmt(trendWidth));
        int width = "run".length();
        for (RunSignature r : runs) width = Math.max(width, r.label().length());
        String row = "  %-" + width + "s  %-10s  %-9s  %-10s  %-10s  %-7s  %-6s  %-6s  %-6s  %-6s  %s%n";
        w.printf(Locale.ROOT, row, "run", "activity", "mobility*", "complexity", "energy", "ρ", "t1", "t2", "t3", "t4", "forecast");
        for (RunSignature r : runs) {
            SpectralSignature g = r.signature();
            w.printf(Locale.ROOT, row, r.label(), num(g.activity()), num3(g.mobility()), num3(g.complexity()),
                    num(g.energy()), pct(g.relativeOscillation()), step(r.times().t1()), step(r.times().t2()),
                    step(r.times().t3()), step(r.times().t4()), r.forecast().text());
            if (!g.note().isEmpty()) w.printf(Locale.ROOT, "  %-" + width + "s  (%s)%n", "", g.note());
        }
        w.println("  * mobility in rad/step (a sine sin(ωt) gives ω); ρ = √activity / mean L");
        if (!full) w.println("  (t1..t4 over the " + result.step() + " steps trained; --full trains the preset's budget)");
        w.println(GrokkingForecast.HEURISTIC);
        GrokkingForecast.Calibration c = GrokkingForecast.Calibration.OUR_PRESETS;
        if (!c.separates()) w.println("Calibration: " + c.evidence() + ".");
        w.printf(Locale.ROOT, "wrote %s%n", png);
        w.flush();
        if (result.status() == RunStatus.DIVERGED) return ExitCodes.DIVERGED;
        if (result.status() == RunStatus.FAILED) return ExitCodes.FAILURE;
        return ExitCodes.OK;
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3e", v) : "n/a";
    }

    private static String num3(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "n/a";
    }

    private static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f %%", 100 * v) : "n/a";
    }

    private static String step(long t) {
        return t < 0 ? "never" : Long.toString(t);
    }
}
