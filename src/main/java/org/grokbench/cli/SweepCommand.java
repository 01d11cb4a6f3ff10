package org.grokbench.cli;

import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.preset.PresetLoader;
import org.grokbench.experiment.preset.SweepDefaults;
import org.grokbench.plot.FigureExport;
import org.grokbench.plot.SweepHeatmapFigure;
import org.grokbench.sweep.CellMeasures;
import org.grokbench.sweep.GrokkingTimeFit;
import org.grokbench.sweep.CellResult;
import org.grokbench.sweep.SweepAxis;
import org.grokbench.sweep.SweepException;
import org.grokbench.sweep.SweepParameter;
import org.grokbench.sweep.SweepPlan;
import org.grokbench.sweep.SweepRunner;
import org.grokbench.sweep.SweepStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code grokbench sweep PRESET --x PARAM=LIST --y PARAM=LIST --out DIR}: one run of a preset
 * trained per cell of a grid, on all cores, resumable (predicting-grokking Fig. 2 / 6).
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Train one run of a preset over a grid of two hyperparameters (or a list of one) on all cores,"
                + " and write DIR/sweep.csv and DIR/sweep-heatmaps.png (final validation accuracy beside the spectral"
                + " energy of the first N steps of the training loss, with their Spearman correlation).",
                "Every finished cell is kept in DIR/cells/; Ctrl-C stops cleanly and rerunning the same command resumes.",
                "PARAM is one of lr, lambda, seed, steps, trainFraction, hidden; LIST is 1e-5,3e-5,... or log:a:b:n"
                        + " or lin:a:b:n."},
        footer = {"", "Examples:",
                "  grokbench sweep sweep-modular-spectral --out out/sweep        (the preset's 5 x 5 grid of lambda x lr)",
                "  grokbench sweep modular-addition-mlp --x lambda=log:1e-5:1e-3:5 --y lr=1.25,2.5,5,10 --steps 4000 --out out/s",
                "  grokbench sweep fig1-one-plus-one --x lambda=lin:0.01:0.2:5 --out out/fig1-sweep       (a 1-D sweep)",
                "Exit codes: 0 ok, 2 bad usage, preset or output folder of another sweep, 130 cancelled, 1 other failures.", ""})
final class SweepCommand implements Callable<Integer> {
    static final int CANCELLED = 130;
    static final String FIGURE_FILE = "sweep-heatmaps.png";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PRESET",
            description = "A preset name (see 'grokbench presets') or a preset .json file.")
    String preset;

    @Option(names = "--x", paramLabel = "PARAM=LIST", description = "The first swept parameter (default: the preset's sweep grid).")
    String x;

    @Option(names = "--y", paramLabel = "PARAM=LIST",
            description = "The second swept parameter; leave out for a 1-D sweep (default: the preset's sweep grid).")
    String y;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/sweep-PRESET-ID).")
    Path out;

    @Option(names = "--threads", paramLabel = "T", converter = BenchCommand.ThreadsConverter.class, defaultValue = "all",
            description = "Cells trained at once: 'all' (one per core, the default) or 1-256.")
    int threads;

    @Option(names = "--steps", paramLabel = "N", converter = Bounded.Steps.class,
            description = "Steps per cell, 1-1000000 (default: the preset's; a 'steps' axis overrides it).")
    Long steps;

    @Option(names = "--run", paramLabel = "LABEL", description = "The run of the preset to sweep (default: its first run).")
    String run;

    @Option(names = "--spectral-steps", paramLabel = "N", converter = SpectralSteps.class, defaultValue = "400",
            description = "N: the spectral energy is measured on the first N steps of the training loss, 8-100000"
                    + " (default: ${DEFAULT-VALUE}, as in the paper).")
    int spectralSteps;

    @Option(names = "--no-figures", description = "Skip the PNG.")
    boolean noFigures;

    @Mixin
    FigureSettings figures;

    static final class SpectralSteps extends BenchCommand.IntIn { SpectralSteps() { super("--spectral-steps", 8, 100_000); } }

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PresetLoader loader = new PresetLoader();
        ExperimentSpec base = loader.resolve(preset);
        SweepDefaults defaults = loader.sweepDefaults(preset);
        if (x == null && y != null) throw new UserError("--y needs --x as well");
        String xs = x != null ? x : defaults != null ? defaults.x() : null;
        String ys = x != null ? y : defaults != null ? defaults.y() : null;
        if (xs == null)
            throw new UserError("--x is required: " + base.id() + " has no default sweep grid (give --x PARAM=LIST,"
                    + " PARAM one of " + SweepParameter.keys() + ")");
        if (steps != null) base = base.withOverrides(steps, null, null, null);
        SweepPlan plan;
        try {
            plan = SweepPlan.of(base, run, axis("--x", xs), ys == null ? null : axis("--y", ys),
                    CellMeasures.spectralSweep(spectralSteps));
        } catch (SweepException e) {
            throw new UserError(e.getMessage());
        }
        Path dir = out != null ? out : Path.of("out", "sweep-" + base.id());
        SweepStore store = new SweepStore(dir);

        int total = plan.cellCount();
        int[] resumed = {0};
        SweepRunner runner = new SweepRunner(plan, store, threads, (c, wasStored, n, all) -> {
            if (wasStored) {
                resumed[0]++;
                return;
            }
            stdout.printf(Locale.ROOT, "[%d/%d] %s: %s%n", n, all, where(plan, c), cellText(c));
            stdout.flush();
        });
        try (ShutdownCancel cancel = new ShutdownCancel(runner, "grokbench-sweep-cancel")) {
            try {
                runner.start();
            } catch (SweepException e) {
                throw new UserError(e.getMessage());
            }
            stdout.printf(Locale.ROOT, "%s: %d cells (%s%s) on %d thread%s, writing %s%s%n", base.id(), total,
                    plan.x().parameter().key() + " × " + plan.x().size(),
                    plan.twoDimensional() ? ", " + plan.y().parameter().key() + " × " + plan.y().size() : "",
                    threads, threads == 1 ? "" : "s", dir,
                    resumed[0] > 0 ? " (resuming: " + resumed[0] + " cells already done)" : "");
            stdout.flush();
            SweepRunner.Outcome o = runner.await();
            List<CellResult> cells = runner.results();
            store.writeCsv(plan, cells);
            if (!noFigures) {
                List<SweepHeatmapFigure.Panel> p = SweepHeatmapFigure.spectralPanels(spectralSteps);
                FigureExport.save(SweepHeatmapFigure.create(plan, cells, p.get(0), p.get(1), figures.options()),
                        dir.resolve(FIGURE_FILE), (int) figures.width, (int) figures.height);
            }
            printSummary(stdout, plan, cells, o, dir);
            stdout.flush();
            return o.cancelled() ? CANCELLED : ExitCodes.OK;
        }
    }

    private static SweepAxis axis(String option, String text) {
        try {
            return SweepAxis.parse(text);
        } catch (SweepException e) {
            throw new SweepException(option + ": " + e.getMessage());
        }
    }

    static String where(SweepPlan plan, CellResult c) {
        String s = plan.x().parameter().describe(c.x());
        return plan.twoDimensional() ? s + ", " + plan.y().parameter().describe(c.y()) : s;
    }

    static String cellText(CellResult c) {
        String s = String.format(Locale.ROOT, "val acc %s, train acc %s, m₀ %s in %.1f s", percent(c.value("val_acc")),
                percent(c.value("train_acc")), number(c.value(CellMeasures.SPECTRAL_ENERGY)), c.seconds());
        return CellResult.FINISHED.equals(c.status()) ? s : s + " (" + c.status() + ": " + c.message() + ")";
    }

    private void printSummary(PrintWriter w, SweepPlan plan, List<CellResult> cells, SweepRunner.Outcome o, Path dir) {
        Map<String, CellResult> byKey = new HashMap<>();
        for (CellResult c : cells) byKey.put(c.key(), c);
        for (String measure : List.of("val_acc", CellMeasures.SPECTRAL_ENERGY)) {
            w.printf(Locale.ROOT, "%s (rows %s, columns %s):%n", measure,
                    plan.twoDimensional() ? plan.y().parameter().key() : "-", plan.x().parameter().key());
            StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %10s", ""));
            for (int i = 0; i < plan.columns(); i++) head.append(String.format(Locale.ROOT, " %10s", SweepParameter.fmt(plan.xValue(i))));
            w.println(head);
            for (int j = plan.rows() - 1; j >= 0; j--) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %10s",
                        plan.twoDimensional() ? SweepParameter.fmt(plan.yValue(j)) : ""));
                for (int i = 0; i < plan.columns(); i++) {
                    CellResult c = byKey.get(CellResult.key(i, j));
                    double v = c == null ? Double.NaN : c.value(measure);
                    row.append(String.format(Locale.ROOT, " %10s", c == null ? "." : measure.equals("val_acc") ? percent(v) : number(v)));
                }
                w.println(row);
            }
        }
        double rho = SweepHeatmapFigure.spearman(cells, "val_acc", CellMeasures.SPECTRAL_ENERGY);
        w.printf(Locale.ROOT, "Spearman ρ(val_acc, spectral_energy) = %s over the finished cells%n",
                Double.isNaN(rho) ? "n/a" : String.format(Locale.ROOT, "%.3f", rho));
        if (GrokkingTimeFit.appliesTo(plan)) w.println(GrokkingTimeFit.of(cells, plan.cellCount()).describe());
        w.printf(Locale.ROOT, "%s: %d of %d cells in %.1f s; wrote %s (%s%s)%n",
                o.cancelled() ? "cancelled" : "done", o.finished(), o.total(), o.seconds(), dir,
                SweepStore.CSV_FILE, noFigures ? "" : ", " + FIGURE_FILE);
        if (o.cancelled()) w.println("finished cells are kept in " + dir.resolve(SweepStore.CELLS_DIR)
                + "; run the same command again to resume");
    }

    private static String percent(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f %%", 100 * v) : "n/a";
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3g", v) : "n/a";
    }
}
