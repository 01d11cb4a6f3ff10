package org.grokbench.cli;

import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.RunSpec;
import org.grokbench.experiment.SlowFlowComparison;
import org.grokbench.experiment.SlowFlowPlane;
import org.grokbench.experiment.TwoPhaseSpec;
import org.grokbench.experiment.preset.PresetLoader;
import org.grokbench.plot.FigureExport;
import org.grokbench.plot.SlowFlowFigure;
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

/**
 * {@code grokbench slow-flow PRESET}: the predicted norm-minimizing flow on Z against the real run
 * ({@link SlowFlowComparison}); writes {@code slow-flow.csv}, {@code slow-flow.png} and the
 * two paths in the run's principal-component plane, {@code slow-flow-pca.png} ({@link SlowFlowPlane}).
 */
@Command(name = "slow-flow", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Compare a run with the slow flow the theory predicts: from the step the run reaches Z,",
                "dθ/dτ = −P_T θ on Z with τ = 2·lr·λ·(t − t_int). Writes slow-flow.csv, slow-flow.png and slow-flow-pca.png."},
        footer = {"", "Example: grokbench slow-flow twophase-sparse-regression --out out/flow", ""})
final class SlowFlowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PRESET", description = "A preset name or .json file (a toy or regression task).")
    String preset;

    @Option(names = "--steps", paramLabel = "N", converter = Bounded.Steps.class,
            description = "Steps of the run, 1-1000000 (default: the preset's).")
    Long steps;

    @Option(names = "--every", paramLabel = "K", converter = Every.class,
            description = "Compare every K steps, 1-100000 (default: steps/400, at least 1).")
    Long every;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/PRESET-ID-slow-flow).")
    Path out;

    @Mixin
    TwoPhaseOptions phases;

    @Mixin
    FigureSettings figures;

    static final class Every extends Bounded.LongIn { Every() { super("--every", 1, 100_000); } }

    @Override
    public Integer call() throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        ExperimentSpec s = new PresetLoader().resolve(preset);
        if (!s.model().isTask() && s.model().isModular())
            throw new UserError(s.id() + ": slow-flow needs a model whose zero-loss set the engine projects onto"
                    + " (the toys and the regression tasks), not '" + s.model().kind() + "'");
        int index = phases.runIndex(s);
        RunSpec run = s.runs().get(index);
        if (!(run.lambda() > 0)) throw new UserError("--run " + index + " ('" + run.label() + "') has λ = 0: the slow flow needs λ > 0");
        if (steps != null) run = run.withSteps(steps);
        long k = every != null ? every : SlowFlowComparison.defaultEvery(run.steps());
        Path dir = out != null ? out : Path.of("out", s.id() + "-slow-flow");
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new UserError("--out must be a folder, but " + dir + " is a file");
        Experiment e = Experiment.build(s);
        TwoPhaseSpec p = phases.phases(e);
        long t0 = System.nanoTime();
        SlowFlowComparison.Result r = SlowFlowComparison.compare(e, run, p, k);
        double seconds = (System.nanoTime() - t0) / 1e9;
        w.printf(Locale.ROOT, "%s: run '%s' (lr %s, λ %s), %d steps; flow step Δτ = 2·lr·λ = %.3g per training step%n", s.id(),
                run.label(), Bounded.fmt(run.lr()), Bounded.fmt(run.lambda()), run.steps(), 2 * run.lr() * run.lambda());
        if (r.problem() != null) w.println("  " + r.problem());
        if (r.rows().isEmpty()) {
            w.printf(Locale.ROOT, "  the training loss never fell below %s: no point on Z to start the flow from%n",
                    Bounded.fmt(p.interpolationThreshold()));
        } else {
            SlowFlowComparison.Row first = r.rows().get(0), last = r.rows().get(r.rows().size() - 1);
            w.printf(Locale.ROOT, "  reached Z (train loss < %s) at step %d: ‖θ‖ = %.4g, test loss %.4g%n",
                    Bounded.fmt(p.interpolationThreshold()), first.step(), first.norm(), first.testLoss());
            w.printf(Locale.ROOT, "  test-loss drop (<= %s × plateau): run at step %s, flow predicts step %s%n",
                    Bounded.fmt(p.dropFraction()), stepText(r.clock().dropStep()), stepText(r.predictedDrop()));
            w.printf(Locale.ROOT, "  at step %d (τ = %.3g): ‖θ‖ run %.4g, flow %.4g; test loss run %.4g, flow %.4g%n",
                    last.step(), last.tau(), last.norm(), last.flowNorm(), last.testLoss(), last.flowTestLoss());
            w.printf(Locale.ROOT, "  ‖θ_run − θ_flow‖: max %.4g, final %.4g, against a travel since t_int of %.4g (final ratio %.3g)%n",
                    r.maxDistance(), r.finalDistance(), r.finalTravel(), r.finalDistance() / r.finalTravel());
        }
        Files.createDirectories(dir);
        SlowFlowPlane plane = SlowFlowPlane.of(r.rows());
        if (plane != null)
            w.printf(Locale.ROOT, "  in the plane of the run's first two principal components (%.1f %% + %.1f %% of its variance): max gap %.4g%n",
                    100 * plane.firstRatio(), 100 * plane.secondRatio(), plane.maxGap());
        writeCsv(dir.resolve("slow-flow.csv"), r, plane);
        FigureExport.save(SlowFlowFigure.create(r, figures.options().withLogStep(false).withCaption(s.title())),
                dir.resolve("slow-flow.png"), (int) figures.width, (int) figures.height);
        FigureExport.save(SlowFlowFigure.plane(r, plane, figures.options().withCaption(s.title())),
                dir.resolve("slow-flow-pca.png"), (int) figures.width, (int) figures.height);
        w.printf(Locale.ROOT, "wrote %s (slow-flow.csv, slow-flow.png, slow-flow-pca.png) in %.1f s%n", dir, seconds);
        w.flush();
        return ExitCodes.OK;
    }

    private static String stepText(long step) {
        return step < 0 ? "never" : Long.toString(step);
    }

    /** One line per compared step; pc1, pc2 in the plane of the run's principal components (empty without a plane). */
    private static void writeCsv(Path file, SlowFlowComparison.Result r, SlowFlowPlane p) throws IOException {
        StringBuilder b = new StringBuilder("step,tau,train_loss,test_loss,flow_test_loss,norm,flow_norm,distance,travel,"
                + "pc1,pc2,flow_pc1,flow_pc2\n");
        for (int i = 0; i < r.rows().size(); i++) {
            SlowFlowComparison.Row row = r.rows().get(i);
            b.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%s,%s,%s,%s,%s,", row.step(), row.tau(), row.trainLoss(),
                    row.testLoss(), row.flowTestLoss(), row.norm(), row.flowNorm(), row.distance(), row.travel()));
            b.append(p == null ? ",,," : p.runPc1()[i] + "," + p.runPc2()[i] + "," + p.flowPc1()[i] + "," + p.flowPc2()[i]).append('\n');
        }
        Files.writeString(file, b.toString());
    }
}
