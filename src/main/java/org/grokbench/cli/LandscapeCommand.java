package org.grokbench.cli;

import org.grokbench.analysis.LossSurface;
import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.RunSpec;
import org.grokbench.experiment.preset.PresetLoader;
import org.grokbench.landscape.DirectionKind;
import org.grokbench.landscape.Landscape;
import org.grokbench.landscape.LandscapeSampler;
import org.grokbench.landscape.PathRecorder;
import org.grokbench.landscape.RecordedPath;
import org.grokbench.landscape.Scaling;
import org.grokbench.landscape.Slice1D;
import org.grokbench.landscape.Slice2D;
import org.grokbench.landscape.SliceGrid;
import org.grokbench.landscape.SliceStack;
import org.grokbench.landscape.SliceValues;
import org.grokbench.plot.FigureExport;
import org.grokbench.plot.FigureOptions;
import org.grokbench.plot.LandscapePlaneFigure;
import org.grokbench.plot.LandscapeSliceFigure;
import org.grokbench.plot.LandscapeStackFigure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;

/**
 * {@code grokbench landscape}: trains one run of a preset headless (keeping the θ rows a slice
 * needs, {@link PathRecorder}), then slices the landscape at a chosen step (predicting-grokking §4,
 * App. G.1) and writes the slice as CSV and PNG. With {@code --bench} it also times warm slices.
 */
@Command(name = "landscape", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Slice the loss landscape of a trained run: f(α) = L(θ_t + αδ) (or a plane, or one slice per step).",
                "Writes slice.csv / plane.csv / stack.csv and the figure as PNG, and prints the slice at α = 0 and α = 1."},
        footer = {"", "Examples:",
                "  grokbench landscape modular-addition-mlp --at 500 --direction final --out out/landscape",
                "  grokbench landscape modular-addition-mlp --direction pca --2d",
                "  grokbench landscape modular-addition-mlp --stack --direction final --scale filter",
                "  grokbench landscape modular-addition-mlp --steps 600 --at 500 --bench", ""})
final class LandscapeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PRESET", description = "A preset name or .json file.")
    String preset;

    @Option(names = "--run", paramLabel = "N", converter = RunIndex.class, defaultValue = "1",
            description = "Which run of the preset, 1-100 (default: ${DEFAULT-VALUE}, the first).")
    long run;

    @Option(names = "--at", paramLabel = "WHEN", defaultValue = "memorized",
            description = "θ_t: 'memorized' (the first step with train loss < 1e-3), 'end', or a step (default: ${DEFAULT-VALUE}).")
    String at;

    @Option(names = "--direction", paramLabel = "KIND", defaultValue = "final",
            description = "δ: final (θ* − θ_t), start (θ₀ − θ_t), step (next θ − θ_t), random, pca (default: ${DEFAULT-VALUE}).")
    String direction;

    @Option(names = "--scale", paramLabel = "HOW", defaultValue = "raw",
            description = "raw, or filter (filter-wise normalized, App. G.1) (default: ${DEFAULT-VALUE}).")
    String scale;

    @Option(names = "--2d", description = "A plane f(α, β) (η: the second principal direction for pca, else random).")
    boolean plane;

    @Option(names = "--stack", description = "One slice per recorded step (Figs. 4 and 8) instead of one at --at.")
    boolean stack;

    @Option(names = "--points", paramLabel = "N", converter = Points.class,
            description = "Points of the slice (per side for --2d), 3-2001, at most 301 with --2d (default: 121; 41 with --2d or --stack).")
    Long points;

    @Option(names = "--range", paramLabel = "A", converter = Reach.class, defaultValue = "3",
            description = "α (and β) from -A to A, in (0, 1000] (default: ${DEFAULT-VALUE}).")
    double range;

    @Option(names = "--seed", paramLabel = "S", converter = Bounded.Seed.class, defaultValue = "0",
            description = "Seed of random directions (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--steps", paramLabel = "N", converter = Bounded.Steps.class,
            description = "Train this many steps, 1-1000000 (default: the run's; θ* is the last).")
    Long steps;

    @Option(names = "--rows", paramLabel = "N", converter = Rows.class, defaultValue = "40",
            description = "Steps in the --stack, 2-400 (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder, created if needed (default: out/PRESET-ID-landscape).")
    Path out;

    @Option(names = "--bench", description = "Also time warm slices (121 points and 41 x 41) at θ_t, on one thread and on all.")
    boolean bench;

    static final class RunIndex extends Bounded.LongIn { RunIndex() { super("--run", 1, 100); } }
    static final class Points extends Bounded.LongIn { Points() { super("--points", SliceGrid.MIN_POINTS, SliceGrid.MAX_LINE_POINTS); } }
    static final class Rows extends Bounded.LongIn { Rows() { super("--rows", 2, 400); } }
    static final class Reach extends Bounded.DoubleIn { Reach() { super("--range", 0, SliceGrid.MAX_REACH, true); } }

    @Override
    public Integer call() throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        DirectionKind kind = DirectionKind.parse(direction);
        if (kind == null) throw new UserError("--direction must be one of final, start, step, random, pca, got '" + direction + "'");
        Scaling scaling = Scaling.parse(scale);
        if (scaling == null) throw new UserError("--scale must be raw or filter, got '" + scale + "'");
        if (plane && stack) throw new UserError("--2d and --stack exclude each other");
        if (kind == DirectionKind.PCA && stack) throw new UserError("--direction pca is a plane: use it with --2d or alone");
        boolean twoD = plane || (kind == DirectionKind.PCA && !stack);
        int n = points != null ? (int) (long) points : twoD || stack ? 41 : 121;
        if (twoD && n > SliceGrid.MAX_PLANE_POINTS)
            throw new UserError("--points must be an integer in [3, " + SliceGrid.MAX_PLANE_POINTS + "] with --2d, got " + n);

        ExperimentSpec s = new PresetLoader().resolve(preset);
        if (run > s.runs().size())
            throw new UserError("--run must be an integer in [1, " + s.runs().size() + "] for " + s.id() + ", got " + run);
        RunSpec r = s.runs().get((int) run - 1);
        long total = steps != null ? steps : r.steps();
        Long atStep = parseAt(total);
        Experiment experiment = Experiment.build(s);
        if (experiment.newLossSurface() == null)
            throw new UserError("'" + s.id() + "' has no training loss to slice (the Eq. (20) dynamics keep it at 0)");
        Path dir = out != null ? out : Path.of("out", s.id() + "-landscape");
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new UserError("--out must be a folder, but " + dir + " is a file");

        long t0 = System.nanoTime();
        PathRecorder.Recorded rec;
        try {
            rec = PathRecorder.train(experiment, r, total, Math.max(1, total / 200), atStep == null ? new long[0] : new long[] {atStep});
        } catch (IllegalStateException e) {
            spec.commandLine().getErr().println("grokbench landscape: " + e.getMessage());
            return ExitCodes.DIVERGED;
        }
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        RecordedPath path = rec.path();
        long t;
        if (atStep != null) t = atStep;
        else if ("end".equalsIgnoreCase(at.strip())) t = total;
        else {
            if (rec.memorizedStep() < 0)
                throw new UserError("--at memorized: '" + r.label() + "' never reached train loss < 1e-3 in " + total
                        + " steps (give a step with --at)");
            t = rec.memorizedStep();
        }
        int row = path.rowAtOrBefore(t);
        w.printf(Locale.ROOT, "%s, '%s': trained %d steps in %.1f s (d = %d); memorized (train loss < 1e-3) at step %s%n",
                s.id(), r.label(), total, trainSeconds, path.dimension(), rec.memorizedStep() < 0 ? "never" : rec.memorizedStep());

        Files.createDirectories(dir);
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            LandscapeSampler sampler = new LandscapeSampler(experiment::newLossSurface, pool);
            SliceGrid grid = SliceGrid.symmetric(range, n);
            FigureOptions o = FigureOptions.defaults();
            long c0 = System.nanoTime();
            if (stack) {
                SliceStack st = Landscape.stack(sampler, path, path.evenlySpacedRows((int) rows), kind, scaling, grid.values(), seed);
                double ms = (System.nanoTime() - c0) / 1e6;
                writeStack(dir.resolve("stack.csv"), st);
                FigureExport.save(LandscapeStackFigure.create(st, r.label(), o.withStep(t)), dir.resolve("landscape-stack.png"), 1600, 1000);
                w.printf(Locale.ROOT, "stack of %d slices x %d points %s (%s) in %.0f ms -> %s%n", st.slices().size(), n,
                        kind.label(), scaling, ms, dir);
            } else if (twoD) {
                Slice2D p = Landscape.plane(sampler, path, row, kind, scaling, grid.values(), grid.values(), seed);
                double ms = (System.nanoTime() - c0) / 1e6;
                writePlane(dir.resolve("plane.csv"), p);
                FigureExport.save(LandscapePlaneFigure.create(p, r.label(), o), dir.resolve("landscape-plane.png"), 1600, 1000);
                w.printf(Locale.ROOT, "plane %s (%s) at step %d, %d x %d points in %.0f ms -> %s%n", kind.label(), scaling,
                        path.step(row), n, n, ms, dir);
            } else {
                Slice1D sl = Landscape.slice(sampler, path, row, kind, scaling, grid.values(), seed);
                double ms = (System.nanoTime() - c0) / 1e6;
                writeSlice(dir.resolve("slice.csv"), sl);
                FigureExport.save(LandscapeSliceFigure.create(sl, r.label(), true, o), dir.resolve("landscape-slice.png"), 1600, 1000);
                w.printf(Locale.ROOT, "slice %s (%s) from step %d to step %d, %d points in %.0f ms -> %s%n", kind.label(), scaling,
                        sl.step(), sl.finalStep(), n, ms, dir);
                printSlice(w, sl);
            }
            if (bench) bench(w, experiment, path, row, kind, scaling, pool);
        } finally {
            pool.shutdown();
        }
        w.flush();
        return ExitCodes.OK;
    }

    /** The step of --at when it is a number (checked against the steps trained); null for the words. */
    private Long parseAt(long total) {
        String a = at.strip().toLowerCase(Locale.ROOT);
        if (a.equals("memorized") || a.equals("end")) return null;
        long v;
        try {
            v = Long.parseLong(a.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UserError("--at must be 'memorized', 'end' or a step in [0, " + total + "], got '" + at + "'");
        }
        if (v < 0 || v > total) throw new UserError("--at must be 'memorized', 'end' or a step in [0, " + total + "], got '" + at + "'");
        return v;
    }

    /** α = 0, α = 1 and, between them, the highest training loss (the barrier of Fig. 3). */
    static void printSlice(PrintWriter w, Slice1D s) {
        SliceValues v = s.values();
        w.printf(Locale.ROOT, "  %-22s %12s %12s %10s %10s%n", "", "train loss", "test loss", "train acc", "test acc");
        int i0 = s.indexOf(0), i1 = s.indexOf(1);
        row(w, "α = " + fmt(s.alphas()[i0]) + " (θ_t)", v, i0);
        if (i1 > i0 + 1) {
            int peak = i0;
            for (int i = i0; i <= i1; i++) if (v.trainLoss()[i] > v.trainLoss()[peak]) peak = i;
            if (peak != i0 && peak != i1) row(w, "α = " + fmt(s.alphas()[peak]) + " (barrier)", v, peak);
        }
        if (i1 != i0) row(w, "α = " + fmt(s.alphas()[i1]) + (s.kind() == DirectionKind.FINAL ? " (θ*)" : ""), v, i1);
    }

    private static void row(PrintWriter w, String label, SliceValues v, int i) {
        w.printf(Locale.ROOT, "  %-22s %12.4g %12.4g %9.1f%% %9.1f%%%n", label, v.trainLoss()[i], v.testLoss()[i],
                100 * v.trainAccuracy()[i], 100 * v.testAccuracy()[i]);
    }

    private static String fmt(double a) {
        return String.format(Locale.ROOT, "%.2f", a);
    }

    private static void bench(PrintWriter w, Experiment e, RecordedPath path, int row, DirectionKind kind, Scaling scaling,
                              ForkJoinPool pool) {
        double[] line = SliceGrid.DEFAULT.values(), side = SliceGrid.DEFAULT_PLANE.values();
        DirectionKind planeKind = kind == DirectionKind.PCA ? kind : DirectionKind.RANDOM;
        for (ForkJoinPool p : new ForkJoinPool[] {null, pool}) {
            LandscapeSampler sampler = new LandscapeSampler(e::newLossSurface, p);
            boolean single = p == null;
            double oneD = best(single, () -> Landscape.slice(sampler, path, row, kind == DirectionKind.PCA ? DirectionKind.FINAL : kind,
                    scaling, line, 0));
            double twoD = best(single, () -> Landscape.plane(sampler, path, row, planeKind, scaling, side, side, 0));
            w.printf(Locale.ROOT, "bench (%s, warm, best of 5): 1D slice of %d points %.1f ms; 2D slice %s of %d x %d %.1f ms%n",
                    single ? "1 thread, CPU time of the thread" : p.getParallelism() + " threads, wall time", line.length, oneD,
                    planeKind.label(), side.length, side.length, twoD);
        }
    }

    /**
     * Best of five after three warm-up runs (the JIT compiles the forward pass). On one thread the
     * thread's CPU time is measured, which a busy machine (other processes on the cores) does not
     * inflate; with a pool, wall time.
     */
    private static double best(boolean cpuTime, Runnable job) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean cpu = cpuTime && mx.isCurrentThreadCpuTimeSupported();
        for (int i = 0; i < 3; i++) job.run();
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 5; i++) {
            long t0 = cpu ? mx.getCurrentThreadCpuTime() : System.nanoTime();
            job.run();
            long t1 = cpu ? mx.getCurrentThreadCpuTime() : System.nanoTime();
            best = Math.min(best, (t1 - t0) / 1e6);
        }
        return best;
    }

    private static void writeSlice(Path file, Slice1D s) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("alpha,train_loss,test_loss,train_acc,test_acc\n");
            for (int i = 0; i < s.alphas().length; i++) out.write(csv(s.alphas()[i]) + "," + values(s.values(), i) + "\n");
        }
    }

    private static void writePlane(Path file, Slice2D s) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("alpha,beta,train_loss,test_loss,train_acc,test_acc\n");
            for (int j = 0; j < s.betas().length; j++)
                for (int i = 0; i < s.alphas().length; i++)
                    out.write(csv(s.alphas()[i]) + "," + csv(s.betas()[j]) + "," + values(s.values(), s.index(i, j)) + "\n");
        }
    }

    private static void writeStack(Path file, SliceStack st) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("step,alpha,train_loss,test_loss,train_acc,test_acc\n");
            for (Slice1D s : st.slices())
                for (int i = 0; i < s.alphas().length; i++)
                    out.write(s.step() + "," + csv(s.alphas()[i]) + "," + values(s.values(), i) + "\n");
        }
    }

    private static String values(SliceValues v, int i) {
        return csv(v.trainLoss()[i]) + "," + csv(v.testLoss()[i]) + "," + csv(v.trainAccuracy()[i]) + "," + csv(v.testAccuracy()[i]);
    }

    private static String csv(double x) {
        return Double.isNaN(x) ? "" : Double.toString(x);
    }
}
