package org.grokbench.cli;

import org.grokbench.experiment.preset.PhaseDiagramPreset;
import org.grokbench.experiment.preset.PresetLoader;
import org.grokbench.plot.FigureExport;
import org.grokbench.plot.PhaseDiagramFigure;
import org.grokbench.representation.LearningPhase;
import org.grokbench.representation.PhaseCriteria;
import org.grokbench.representation.PhaseDiagram;
import org.grokbench.representation.ToySpec;
import org.grokbench.sweep.CellResult;
import org.grokbench.sweep.SweepException;
import org.grokbench.sweep.SweepParameter;
import org.grokbench.sweep.SweepRunner;
import org.grokbench.sweep.SweepStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code grokbench phase-diagram}: the representation toy's phase diagram (Liu et al. 2022,
 * Fig. 6) over two hyperparameters, each cell classified by App. A Table 1, trained on all cores by
 * the sweep runner, resumable and cancellable like {@code sweep}.
 */
@Command(name = "phase-diagram", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Train the representation toy (p = 10 addition, 1-200-200-30 tanh decoder, 45/10 split) once per cell"
                + " of a grid of two hyperparameters and classify each cell as comprehension, grokking, memorization or"
                + " confusion (App. A Table 1). Writes DIR/phase-diagram.csv and DIR/phase-diagram.png.",
                "Every finished cell is kept in DIR/cells/; Ctrl-C stops cleanly and rerunning the same command resumes.",
                "PARAM is one of decoderLr, decoderWd, reprLr, reprWd, initScale; LIST is 1e-4,1e-3,... or log:a:b:n or lin:a:b:n."},
        footer = {"", "Examples:",
                "  grokbench phase-diagram --out out/phase                   (Fig. 6 b: decoderLr log:1e-5:1e-2:11 x decoderWd lin:0:10:11)",
                "  grokbench phase-diagram --diagram fig6a --out out/phase-a (Fig. 6 a: reprLr x decoderLr, both log:1e-5:1e-2:11)",
                "  grokbench phase-diagram --preset phase-appg-init-scale    (App. G: decoderLr x initScale, 6 x 6, 3000 steps)",
                "  grokbench phase-diagram --x decoderLr=log:1e-4:1e-2:5 --y initScale=0.1,0.5,1,2 --steps 2000 --out out/p",
                "Exit codes: 0 ok, 2 bad usage or output folder of another diagram, 130 cancelled, 1 other failures.", ""})
final class PhaseDiagramCommand implements Callable<Integer> {
    static final String CSV_FILE = "phase-diagram.csv";
    static final String FIGURE_FILE = "phase-diagram.png";

    @Spec
    CommandSpec spec;

    @Option(names = "--diagram", paramLabel = "NAME",
            description = "Default axes: fig6b (decoder lr x decoder weight decay, the default) or fig6a (representation lr x decoder lr).")
    String diagram;

    @Option(names = "--preset", paramLabel = "ID",
            description = "A phase-diagram preset (presets/index.json \"phaseDiagrams\": phase-fig6b-decoder-lr-wd, phase-fig6a-repr-vs-decoder-lr,"
                    + " phase-appg-init-scale, or a .json file): its axes, budget, delay and seed; options given here override them.")
    String preset;

    @Option(names = "--x", paramLabel = "PARAM=LIST", description = "The x axis (overrides the diagram's).")
    String x;

    @Option(names = "--y", paramLabel = "PARAM=LIST", description = "The y axis (overrides the diagram's).")
    String y;

    @Option(names = "--steps", paramLabel = "N", converter = Bounded.Steps.class,
            description = "Step budget of App. A Table 1 per cell, 1-1000000 (default: the preset's, else 3000; the paper: 100000).")
    Long steps;

    @Option(names = "--delay", paramLabel = "N", converter = Bounded.Steps.class,
            description = "Validation may follow train by fewer than N steps for comprehension, 1-1000000 (default: the preset's, else 1000, as the paper).")
    Long delay;

    @Option(names = "--seed", paramLabel = "S", converter = Bounded.Seed.class,
            description = "Seed of the split, targets and initialization (default: the preset's, else 5: its 10 validation samples"
                    + " can reach 90 %%; the authors' seed 58 caps validation accuracy at 70 %%, see the README).")
    Long seed;

    @Option(names = "--threads", paramLabel = "T", converter = BenchCommand.ThreadsConverter.class, defaultValue = "all",
            description = "Cells trained at once: 'all' (one per core, the default) or 1-256.")
    int threads;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/phase-diagram-NAME).")
    Path out;

    @Option(names = "--no-figures", description = "Skip the PNG.")
    boolean noFigures;

    @Mixin
    FigureSettings figures;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        if (preset != null && diagram != null) throw new UserError("give --preset or --diagram, not both");
        PhaseDiagramPreset p = preset == null ? null : new PresetLoader().phaseDiagram(preset);
        long steps = this.steps != null ? this.steps : p != null ? p.steps() : PhaseDiagramPreset.DEFAULT_STEPS;
        long delay = this.delay != null ? this.delay : p != null ? p.delay() : PhaseDiagramPreset.DEFAULT_DELAY;
        long seed = this.seed != null ? this.seed : p != null ? p.seed() : PhaseDiagramPreset.DEFAULT_SEED;
        String name = p != null ? p.id() : diagram == null ? "fig6b" : diagram.strip().toLowerCase(Locale.ROOT);
        ToySpec base = ToySpec.paper().withSeed(seed);
        PhaseCriteria criteria = new PhaseCriteria(PhaseDiagramPreset.THRESHOLD, PhaseDiagramPreset.THRESHOLD, steps, delay);
        PhaseDiagram grid;
        try {
            if (p != null) grid = PhaseDiagramPreset.diagram(p.x(), p.y(), steps, delay, seed);
            else grid = switch (name) {
                case "fig6b" -> PhaseDiagram.decoderLrByWeightDecay(base, criteria);
                case "fig6a" -> PhaseDiagram.representationLrByDecoderLr(base, criteria);
                default -> throw new UserError("--diagram must be fig6b or fig6a, got '" + diagram.strip() + "'");
            };
            PhaseDiagram.Axis ax = x == null ? new PhaseDiagram.Axis(grid.xParameter(), grid.xs()) : axis("--x", x);
            PhaseDiagram.Axis ay = y == null ? new PhaseDiagram.Axis(grid.yParameter(), grid.ys()) : axis("--y", y);
            grid = grid.withAxes(ax, ay);
        } catch (SweepException e) {
            throw new UserError(e.getMessage());
        }
        Path dir = out != null ? out : Path.of("out", p != null ? p.id() : "phase-diagram-" + name);
        SweepStore store = new SweepStore(dir);
        PhaseDiagram plan = grid;
        int[] resumed = {0};
        SweepRunner runner = new SweepRunner(plan, store, threads, (c, wasStored, n, all) -> {
            if (wasStored) {
                resumed[0]++;
                return;
            }
            stdout.printf(Locale.ROOT, "[%d/%d] %s = %s, %s = %s: %s%n", n, all, plan.xKey(), SweepParameter.fmt(c.x()),
                    plan.yKey(), SweepParameter.fmt(c.y()), cellText(c));
            stdout.flush();
        });
        try (ShutdownCancel cancel = new ShutdownCancel(runner, "grokbench-phase-cancel")) {
            try {
                runner.start();
            } catch (SweepException e) {
                throw new UserError(e.getMessage());
            }
            stdout.printf(Locale.ROOT, "phase diagram: %d cells (%s × %d, %s × %d), budget %d steps, on %d thread%s, writing %s%s%n",
                    plan.cellCount(), plan.xKey(), plan.columns(), plan.yKey(), plan.rows(), steps, threads,
                    threads == 1 ? "" : "s", dir, resumed[0] > 0 ? " (resuming: " + resumed[0] + " cells already done)" : "");
            stdout.flush();
            SweepRunner.Outcome o = runner.await();
            List<CellResult> cells = runner.results();
            store.writeCsv(plan, cells, CSV_FILE);
            if (!noFigures)
                FigureExport.save(PhaseDiagramFigure.create(plan, cells, figures.options()), dir.resolve(FIGURE_FILE),
                        (int) figures.width, (int) figures.height);
            printSummary(stdout, plan, cells, o, dir);
            stdout.flush();
            return o.cancelled() ? SweepCommand.CANCELLED : ExitCodes.OK;
        }
    }

    private static PhaseDiagram.Axis axis(String option, String text) {
        try {
            return PhaseDiagram.Axis.parse(text);
        } catch (SweepException e) {
            throw new SweepException(option + ": " + e.getMessage());
        }
    }

    static String cellText(CellResult c) {
        LearningPhase p = PhaseDiagram.phaseOf(c);
        String s = String.format(Locale.ROOT, "%s (train 90%% at %s, val 90%% at %s, RQI %.2f) in %.1f s",
                p == null ? "-" : p.label(), step(c.value(PhaseDiagram.TRAIN_STEP)), step(c.value(PhaseDiagram.VAL_STEP)),
                c.value(PhaseDiagram.RQI), c.seconds());
        return CellResult.FINISHED.equals(c.status()) ? s : s + " (" + c.status() + ": " + c.message() + ")";
    }

    private static String step(double v) {
        return Double.isNaN(v) || v < 0 ? "never" : String.valueOf((long) v);
    }

    /** The grid as letters (C, G, M, X for confusion), top row = largest y, and the phase counts. */
    private static void printSummary(PrintWriter w, PhaseDiagram plan, List<CellResult> cells, SweepRunner.Outcome o, Path dir) {
        Map<String, CellResult> byKey = new HashMap<>();
        Map<LearningPhase, Integer> counts = new EnumMap<>(LearningPhase.class);
        for (CellResult c : cells) {
            byKey.put(c.key(), c);
            LearningPhase p = PhaseDiagram.phaseOf(c);
            if (p != null) counts.merge(p, 1, Integer::sum);
        }
        w.printf(Locale.ROOT, "phases (rows %s, top = largest; columns %s; C comprehension, G grokking, M memorization, X confusion):%n",
                plan.yKey(), plan.xKey());
        for (int j = plan.rows() - 1; j >= 0; j--) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %10s ", SweepParameter.fmt(plan.yValue(j))));
            for (int i = 0; i < plan.columns(); i++) {
                CellResult c = byKey.get(CellResult.key(i, j));
                LearningPhase p = c == null ? null : PhaseDiagram.phaseOf(c);
                row.append(p == null ? "." : PhaseDiagramFigure.letter(p));
            }
            w.println(row);
        }
        w.printf(Locale.ROOT, "%s; %d of %d cells in %.1f s%s; wrote %s%n", counts, o.finished(), o.total(), o.seconds(),
                o.cancelled() ? " (cancelled: rerun to resume)" : "", dir.resolve(CSV_FILE));
    }
}
