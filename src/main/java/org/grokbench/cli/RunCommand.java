package org.grokbench.cli;

import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.Metric;
import org.grokbench.experiment.Run;
import org.grokbench.experiment.RunStatus;
import org.grokbench.experiment.Snapshot;
import org.grokbench.experiment.preset.PresetLoader;
import org.grokbench.plot.FigureOptions;
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
import java.util.concurrent.Callable;

/** {@code grokbench run PRESET}: trains every run of a preset headless and writes its outputs. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Train every run of a preset and write its data files and figures.",
                "Writes metrics.csv, summary.json and figures/*.png, and trajectory.csv (toy models) or embeddings.csv"
                        + " and fourier.csv (modular addition). Overrides apply to every run of the preset."},
        footer = {"", "Examples:", "  grokbench run fig1-one-plus-one --steps 1500 --out out/fig1",
                "  grokbench run fig6-simulated-dynamics --steps 3000 --linear-steps --out out/fig6",
                "Exit codes: 0 ok, 2 bad usage or preset, 3 the run diverged (outputs still written), 1 other failures.", ""})
final class RunCommand implements Callable<Integer> {
    /** Turns the PRESET argument into a spec (a seam for tests that build specs in code). */
    @FunctionalInterface
    interface PresetResolver {
        ExperimentSpec resolve(String preset);
    }

    private final PresetResolver resolver;

    @Spec
    CommandSpec spec;

    RunCommand() {
        this(name -> new PresetLoader().resolve(name));
    }

    RunCommand(PresetResolver resolver) {
        this.resolver = resolver;
    }

    @Parameters(index = "0", paramLabel = "PRESET",
            description = "A preset name (see 'grokbench presets') or a preset .json file.")
    String preset;

    @Option(names = "--steps", paramLabel = "N", converter = Bounded.Steps.class,
            description = "Steps per run, 1-1000000 (default: the preset's).")
    Long steps;

    @Option(names = "--seed", paramLabel = "S", converter = Bounded.Seed.class,
            description = "Seed of the test set (toy models) or of the train/test split (modular) (default: the preset's).")
    Long seed;

    @Option(names = "--lambda", paramLabel = "X", converter = Bounded.Lambda.class,
            description = "Weight decay λ of L + λ‖θ‖², 0-10 (default: the preset's).")
    Double lambda;

    @Option(names = "--lr", paramLabel = "X", converter = Bounded.Lr.class,
            description = "Learning rate, in (0, 10] (default: the preset's).")
    Double lr;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder, created if needed (default: out/PRESET-ID).")
    Path out;

    @Option(names = "--no-figures", description = "Skip the PNG figures.")
    boolean noFigures;

    @Option(names = "--linear-steps",
            description = "Linear step axis in the loss and geometry figures (default: logarithmic, which shows both phases).")
    boolean linearSteps;

    @Option(names = "--figure-step", paramLabel = "N", converter = Bounded.FigureStep.class,
            description = "Show the parameter plane (toys) or the embedding figures (modular) at step N and mark N"
                    + " in the other figures (default: the last step).")
    Long figureStep;

    @Mixin
    FigureSettings figures;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        ExperimentSpec base = resolver.resolve(preset);
        if (lambda != null && "modular-eq20".equals(base.model().kind()))
            throw new UserError("--lambda does not apply to " + base.id() + ": Eq. (20) is the λ → 0 limit"
                    + " (its step size is --lr)");
        ExperimentSpec s = base.withOverrides(steps, seed, lambda, lr);
        Path dir = out != null ? out : Path.of("out", s.id());
        if (Files.exists(dir) && !Files.isDirectory(dir))
            throw new UserError("--out must be a folder, but " + dir + " is a file");

        Experiment experiment = Experiment.build(s);
        long t0 = System.nanoTime();
        Snapshot result = new Run(experiment).runBlocking();
        double seconds = (System.nanoTime() - t0) / 1e9;

        RunOutputWriter writer = new RunOutputWriter(experiment, result);
        FigureOptions look = figures.options().withLogStep(!linearSteps);
        if (figureStep != null) look = look.withStep(figureStep);
        writer.writeAll(dir, (int) figures.width, (int) figures.height, noFigures ? null : look);

        printSummary(stdout, s, result, writer, seconds, dir);
        stdout.flush();
        if (result.status() == RunStatus.DIVERGED) return ExitCodes.DIVERGED;
        if (result.status() == RunStatus.FAILED) return ExitCodes.FAILURE;
        return ExitCodes.OK;
    }

    private void printSummary(PrintWriter w, ExperimentSpec s, Snapshot result, RunOutputWriter writer,
                              double seconds, Path dir) {
        w.printf(Locale.ROOT, "%s: %s (%s)%n", s.id(), s.title(), s.figure());
        w.printf(Locale.ROOT, "%s: %s in %.2f s%n", result.status().name().toLowerCase(Locale.ROOT),
                result.message(), seconds);
        int labelWidth = "run".length();
        for (RunOutputWriter.RunSummary r : writer.summaries()) labelWidth = Math.max(labelWidth, r.label().length());
        long coarsest = 1;
        if (writer.isRepresentation()) {
            String row = "  %-" + labelWidth + "s  %-20s  %-20s  %-20s  %-14s  %s%n";
            w.printf(Locale.ROOT, row, "run", "RQI > 0.95", "train accuracy = 1", "val accuracy ≥ 0.99", "final train", "final val");
            for (int i = 0; i < writer.summaries().size(); i++) {
                RunOutputWriter.RunSummary r = writer.summaries().get(i);
                double[] m = r.finalMetrics();
                w.printf(Locale.ROOT, row, r.label(),
                        stepText(RunOutputWriter.firstRqiAbove(result.trajectories().get(i).history(), RunOutputWriter.RQI_THRESHOLD)),
                        stepText(r.trainAccuracyOneStep()), stepText(r.testAccuracyStep()),
                        accuracyText(m[Metric.TRAIN_ACC.ordinal()]), accuracyText(m[Metric.TEST_ACC.ordinal()])
                                + String.format(Locale.ROOT, ", RQI %.3f, Acc-hat %.3f", m[Metric.RQI.ordinal()], m[Metric.ACC_HAT.ordinal()]));
                coarsest = Math.max(coarsest, r.stepResolution());
            }
            var ideal = writer.representation().ideal();
            if (ideal == null)
                w.println("  S3 (App. H): no ideal model bounds (the rank test of App. E is for sums, not matrix products)");
            else
                w.printf(Locale.ROOT, "  ideal model (App. E): RQI-bar %.3f, Acc-bar %.3f, validation accuracy bound %.3f%n",
                        ideal.rqiBar(), ideal.accBar(), ideal.validationAccBar());
            if (coarsest > 1)
                w.printf(Locale.ROOT, "  (longer than the preset's history cap: the CSV keeps every %d-th step, and the"
                        + " RQI step above is read from it)%n", coarsest);
        } else if (writer.isModular()) {
            String row = "  %-" + labelWidth + "s  %-20s  %-20s  %-14s  %s%n";
            w.printf(Locale.ROOT, row, "run", "train accuracy = 1", "test accuracy ≥ 0.99", "final train", "final test");
            for (RunOutputWriter.RunSummary r : writer.summaries()) {
                double[] m = r.finalMetrics();
                w.printf(Locale.ROOT, row, r.label(), stepText(r.trainAccuracyOneStep()), stepText(r.testAccuracyStep()),
                        accuracyText(m[Metric.TRAIN_ACC.ordinal()]), accuracyText(m[Metric.TEST_ACC.ordinal()])
                                + String.format(Locale.ROOT, ", test loss %.4g", m[Metric.TEST_LOSS.ordinal()]));
                coarsest = Math.max(coarsest, r.stepResolution());
            }
            if (coarsest > 1)
                w.printf(Locale.ROOT, "  (longer than the preset's history cap: the CSV keeps every %d-th step, and the"
                        + " accuracy steps above are read from it)%n", coarsest);
        } else {
            String row = "  %-" + labelWidth + "s  %-20s  %-20s  %s%n";
            w.printf(Locale.ROOT, row, "run", "train loss < 1e-3", "test loss < 1e-2", "final θ");
            for (RunOutputWriter.RunSummary r : writer.summaries()) {
                double[] theta = r.finalTheta();
                w.printf(Locale.ROOT, row, r.label(), stepText(r.trainLossBelowStep()),
                        stepText(r.testLossBelowStep()), theta.length <= 3 ? thetaText(theta)
                                : String.format(Locale.ROOT, "‖θ‖ = %.4g (%d weights), test loss %.4g", org.grokbench.math.VecOps.norm(theta),
                                theta.length, r.finalMetrics()[Metric.TEST_LOSS.ordinal()]));
                coarsest = Math.max(coarsest, r.stepResolution());
            }
            if (coarsest > 1)
                w.printf(Locale.ROOT, "  (longer than the preset's history cap: the CSV keeps every %d-th step;"
                        + " the steps above are exact)%n", coarsest);
        }
        w.printf(Locale.ROOT, "wrote %s (%s%s)%n", dir, String.join(", ", writer.dataFiles()),
                noFigures ? "" : ", " + RunOutputWriter.FIGURES_DIR + "/*.png");
    }

    private static String accuracyText(double a) {
        return Double.isFinite(a) ? String.format(Locale.ROOT, "%.1f %%", 100 * a) : "n/a";
    }

    private static String stepText(Long step) {
        return step == null ? "never" : "at step " + step;
    }

    static String thetaText(double[] theta) {
        StringBuilder b = new StringBuilder("(");
        for (int j = 0; j < theta.length; j++) {
            if (j > 0) b.append(", ");
            double v = theta[j];
            b.append(Double.isFinite(v) && Math.abs(v) < 1e4 ? String.format(Locale.ROOT, "%.4f", v)
                    : String.format(Locale.ROOT, "%.3e", v));
        }
        return b.append(')').toString();
    }
}
