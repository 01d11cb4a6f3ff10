package org.grokbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.grokbench.modular.bench.BenchOptions;
import org.grokbench.modular.bench.BenchResult;
import org.grokbench.modular.bench.ModularBenchmark;
import org.grokbench.representation.ToyStepBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code grokbench bench}: the speed of the two FLOP-bound modular-addition workloads
 * ({@link ModularBenchmark}): a step of the Eq. (20) first-layer dynamics (p = 37, d_h = 512, as in
 * Figure 6), single-threaded and on several threads, and a full-batch gradient step of the App. D
 * MLP (n = 11, h = 128) with one App. D norm-minimizing-direction measurement. Same settings as
 * {@code timing.py}, whose JSON line {@code --reference} reads to print the ratios. {@code --what toy}
 * times a step of the representation toy ({@link ToyStepBenchmark}); its reference line comes from
 * {@code scripts/toy_step_timing.py}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Time the modular-addition workloads (Eq. 20 step, App. D MLP step) and the representation toy's step.",
                "An Eq. (20) step (p = 37, d_h = 512, 492 train pairs) on one and on several threads, a gradient step of"
                        + " the App. D MLP (n = 11, h = 128, 59 train pairs) and one App. D norm-minimizing-direction"
                        + " measurement; a training step of the representation toy (decoder 1-200-200-30 tanh, 45 samples,"
                        + " two AdamW; wall and CPU time); the best of --reps repetitions."},
        footer = {"", "Examples:", "  grokbench bench",
                "  grokbench bench --what eq20 --threads 1 --steps 100",
                "  grokbench bench --what toy --reference toy.json",
                "    (toy.json: the line scripts/toy_step_timing.py prints)",
                "  grokbench bench --reference timing.json", "    (timing.json: the line /work/shared/reference/timing.py prints)",
                ""})
final class BenchCommand implements Callable<Integer> {
    static final int EQ20_STEPS = 200;
    static final int EQ20_WARMUP = 120;
    static final int MLP_STEPS = 5000;
    static final int MLP_WARMUP = 5200;
    static final int TOY_STEPS = 2000;
    static final int TOY_WARMUP = 1000;

    enum What { EQ20, MLP, TOY, ALL }

    @Spec
    CommandSpec spec;

    @Option(names = "--what", paramLabel = "W", converter = WhatConverter.class, defaultValue = "all",
            description = "Which workload: eq20, mlp, toy or all (default: ${DEFAULT-VALUE}).")
    What what;

    @Option(names = "--threads", paramLabel = "T", converter = ThreadsConverter.class, defaultValue = "all",
            description = "1: the Eq. (20) step single-threaded only; all or 2-256: also on that many threads"
                    + " (default: ${DEFAULT-VALUE} = the available processors).")
    int threads;

    @Option(names = "--steps", paramLabel = "N", converter = Steps.class,
            description = "Timed steps per repetition, 1-100000 (default: " + EQ20_STEPS + " Eq. (20) steps, "
                    + MLP_STEPS + " MLP steps, as timing.py; " + TOY_STEPS + " toy steps).")
    Integer steps;

    @Option(names = "--warmup", paramLabel = "N", converter = Warmup.class,
            description = "Untimed warm-up steps first, 0-100000 (default: " + EQ20_WARMUP + " Eq. (20), " + MLP_WARMUP
                    + " MLP and " + TOY_WARMUP + " toy steps, or --steps when that is fewer).")
    Integer warmup;

    @Option(names = "--reps", paramLabel = "N", converter = Reps.class, defaultValue = "3",
            description = "Timed repetitions, 1-100; the best is reported (default: ${DEFAULT-VALUE}).")
    int reps;

    @Option(names = "--seed", paramLabel = "S", converter = Bounded.Seed.class, defaultValue = "0",
            description = "Seed of the data split and the initial weights (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print one JSON line (keys in timing.py's style) instead of the table.")
    boolean json;

    @Option(names = "--reference", paramLabel = "FILE",
            description = "The JSON line printed by /work/shared/reference/timing.py on this machine: also print"
                    + " our time per step divided by theirs.")
    Path reference;

    @Override
    public Integer call() {
        JsonNode ref = reference == null ? null : readReference(reference);
        boolean eq20 = what == What.EQ20 || what == What.ALL, mlp = what == What.MLP || what == What.ALL;
        boolean toy = what == What.TOY || what == What.ALL;
        int eqSteps = eq20 ? (steps != null ? steps : EQ20_STEPS) : 0;
        int mlpSteps = mlp ? (steps != null ? steps : MLP_STEPS) : 0;
        int eqWarm = eq20 ? warmup(EQ20_WARMUP) : 0;
        int mlpWarm = mlp ? warmup(MLP_WARMUP) : 0;
        BenchOptions options = new BenchOptions(eqWarm, eqSteps, mlpWarm, mlpSteps, reps, eq20 ? threads : 1, seed);
        BenchResult r = eq20 || mlp ? ModularBenchmark.run(options) : null;
        int toySteps = steps != null ? steps : TOY_STEPS;
        ToyStepBenchmark.Result t = toy ? ToyStepBenchmark.run(warmup(TOY_WARMUP), toySteps, reps) : null;

        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(json(r, options, eq20, mlp, t, toySteps));
        } else {
            if (r != null) printTable(out, r, options, eq20, mlp, ref);
            if (t != null) printToy(out, t, toySteps, reps, ref);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The toy's table: wall and CPU time per step, steps/s, and the ratios to scripts/toy_step_timing.py. */
    private static void printToy(PrintWriter w, ToyStepBenchmark.Result t, int steps, int reps, JsonNode ref) {
        w.printf(Locale.ROOT, "representation toy step (decoder 1-200-200-30 tanh, 45 samples, two AdamW), 1 thread,"
                + " best of %d x %d steps:%n", reps, steps);
        w.printf(Locale.ROOT, "  wall %.3f ms/step (%.4g steps/s), CPU %.3f ms/step; train loss after %d steps %.4g%n",
                t.wallMs(), t.stepsPerSecond(), t.cpuMs(), t.stepsTrained(), t.trainLoss());
        if (ref == null) return;
        w.println("  ours / toy_step_timing.py per step, wall to wall and CPU to CPU (below 1: we are faster):");
        int shown = 0;
        for (String key : new String[] {"toy_numpy_f64_ms", "toy_torch_f64_ms", "toy_torch_f32_ms"}) {
            shown += ratio(w, "toy step, wall", t.wallMs(), key, ref);
            shown += ratio(w, "toy step, CPU", t.cpuMs(), key.replace("_ms", "_cpu_ms"), ref);
        }
        if (shown == 0) w.println("    (no toy_* keys with numbers in the reference: make it with scripts/toy_step_timing.py)");
    }

    /**
     * One JSON line with the keys of {@link BenchResult#toJson()} (timing.py's style), NaN as null,
     * plus what was run. Built here rather than taken from {@code toJson()}: on one thread that
     * string repeats the key {@code eq20_java_f64_1t_ms} (single and "parallel" run), and a JSON
     * reader keeps the second, empty one. Read-outs of a workload not asked for are null.
     */
    static String json(BenchResult r, BenchOptions o, boolean eq20, boolean mlp, ToyStepBenchmark.Result t, int toySteps) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode n = mapper.createObjectNode();
        n.put("item", r == null ? "grokbench-toy" : "grokbench-modular");
        if (t != null) {
            number(n, "toy_java_f64_ms", t.wallMs());
            number(n, "toy_java_f64_cpu_ms", t.cpuMs());
            number(n, "toy_steps_per_s", t.stepsPerSecond());
            number(n, "toy_final_loss", t.trainLoss());
            n.put("toy_timed_steps", toySteps);
        }
        if (r == null) {
            n.put("what", "toy");
            n.put("repetitions", o.repetitions());
            return write(mapper, n);
        }
        n.put("threads", r.threads());
        number(n, "eq20_java_f64_1t_ms", r.eq20SingleMs());
        if (o.threads() > 1) number(n, "eq20_java_f64_" + r.threads() + "t_ms", r.eq20ParallelMs());
        number(n, "mlp_java_f64_us", r.mlpStepUs());
        number(n, "eq20_steps_per_s_1t", r.eq20SingleStepsPerSecond());
        if (o.threads() > 1) number(n, "eq20_steps_per_s_" + r.threads() + "t", r.eq20ParallelStepsPerSecond());
        number(n, "mlp_steps_per_s", r.mlpStepsPerSecond());
        number(n, "normmin_probe_ms", mlp ? r.normMinProbeMs() : Double.NaN);
        number(n, "eq20_test_acc", eq20 ? r.eq20TestAccuracy() : Double.NaN);
        number(n, "mlp_final_loss", mlp ? r.mlpFinalLoss() : Double.NaN);
        n.put("what", eq20 && mlp ? "all" : eq20 ? "eq20" : "mlp");
        n.put("eq20_timed_steps", o.eq20TimedSteps());
        n.put("eq20_warmup_steps", o.eq20WarmupSteps());
        n.put("mlp_timed_steps", o.mlpTimedSteps());
        n.put("mlp_warmup_steps", o.mlpWarmupSteps());
        n.put("repetitions", o.repetitions());
        return write(mapper, n);
    }

    private static String write(ObjectMapper mapper, ObjectNode n) {
        try {
            return mapper.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void number(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) n.put(key, v); else n.putNull(key);
    }

    /** The default warm-up, or --warmup, or --steps when that is fewer (a quick look should stay quick). */
    private int warmup(int standard) {
        if (warmup != null) return warmup;
        return steps != null ? Math.min(standard, steps) : standard;
    }

    private static JsonNode readReference(Path file) {
        try {
            String text = Files.readString(file).strip();
            // timing.py prints one line; take the last non-empty one if the file holds more.
            String[] lines = text.split("\\R");
            JsonNode node = new ObjectMapper().readTree(lines[lines.length - 1]);
            if (node == null || !node.isObject()) throw new UserError("--reference " + file + ": not a JSON object");
            return node;
        } catch (IOException e) {
            throw new UserError("--reference " + file + ": cannot read it as timing.py's JSON line ("
                    + GrokbenchCli.oneLine(e.getMessage()) + ")");
        }
    }

    private void printTable(PrintWriter w, BenchResult r, BenchOptions o, boolean eq20, boolean mlp, JsonNode ref) {
        w.printf(Locale.ROOT, "modular-addition benchmark: best of %d repetition%s, %d available processor%s%n",
                o.repetitions(), o.repetitions() == 1 ? "" : "s", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().availableProcessors() == 1 ? "" : "s");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"workload", "threads", "per step", "steps/s"});
        String eqName = "Eq. (20) step, p = 37, d_h = 512, 492 train pairs";
        if (eq20) {
            rows.add(row(eqName, 1, r.eq20SingleMs() * 1e3));
            if (o.threads() > 1) rows.add(row(eqName, r.threads(), r.eq20ParallelMs() * 1e3));
        }
        if (mlp) {
            rows.add(row("MLP gradient step, n = 11, h = 128, 59 train pairs", 1, r.mlpStepUs()));
            rows.add(row("App. D norm-minimizing direction, one measurement", 1, r.normMinProbeMs() * 1e3));
        }
        int[] width = new int[4];
        for (String[] cells : rows) for (int i = 0; i < 4; i++) width[i] = Math.max(width[i], cells[i].length());
        for (String[] cells : rows)
            w.printf(Locale.ROOT, "  %-" + width[0] + "s  %" + width[1] + "s  %" + width[2] + "s  %" + width[3] + "s%n",
                    (Object[]) cells);
        if (eq20 && o.threads() > 1 && Double.isFinite(r.eq20ParallelMs()))
            w.printf(Locale.ROOT, "  speed-up of the Eq. (20) step on %d threads: %.2fx%n", r.threads(),
                    r.eq20SingleMs() / r.eq20ParallelMs());
        StringBuilder sanity = new StringBuilder("  sanity:");
        if (eq20) sanity.append(String.format(Locale.ROOT, " Eq. (20) test accuracy after %d steps %.3f;",
                o.eq20WarmupSteps() + o.repetitions() * o.eq20TimedSteps(), r.eq20TestAccuracy()));
        if (mlp) sanity.append(String.format(Locale.ROOT, " MLP train loss after %d steps %.4g;",
                o.mlpWarmupSteps() + o.repetitions() * o.mlpTimedSteps(), r.mlpFinalLoss()));
        sanity.setLength(sanity.length() - 1);
        w.println(sanity);
        if (ref != null) printRatios(w, r, o, eq20, mlp, ref);
    }

    /** Our time per step / theirs, for every matching key of timing.py's line that holds a number. */
    private static void printRatios(PrintWriter w, BenchResult r, BenchOptions o, boolean eq20, boolean mlp, JsonNode ref) {
        w.println("  ours / timing.py per step (below 1: we are faster):");
        int shown = 0;
        if (eq20) {
            for (String key : new String[] {"eq20_numpy_f64_ms", "eq20_torch_f64_ms", "eq20_torch_f32_ms"}) {
                shown += ratio(w, "Eq. (20), 1 thread", r.eq20SingleMs(), key, ref);
                if (o.threads() > 1)
                    shown += ratio(w, "Eq. (20), " + r.threads() + " threads", r.eq20ParallelMs(), key, ref);
            }
        }
        if (mlp) {
            for (String key : new String[] {"mlp_numpy_f64_us", "mlp_torch_f64_us", "mlp_torch_f32_us"})
                shown += ratio(w, "MLP step", r.mlpStepUs(), key, ref);
        }
        if (shown == 0) w.println("    (no matching timing.py keys with numbers in the reference)");
    }

    private static int ratio(PrintWriter w, String ours, double value, String key, JsonNode ref) {
        JsonNode v = ref.get(key);
        if (v == null || !v.isNumber() || !(v.doubleValue() > 0) || !Double.isFinite(value)) return 0;
        w.printf(Locale.ROOT, "    %-24s vs %-22s %.2f%n", ours, key, value / v.doubleValue());
        return 1;
    }

    /** {workload, threads, time per step in its unit, steps per second}, from a time in µs. */
    private static String[] row(String name, int threads, double micros) {
        String per;
        if (!Double.isFinite(micros)) per = "n/a";
        else if (micros >= 1000) per = String.format(Locale.ROOT, "%.3g ms", micros / 1e3);
        else per = String.format(Locale.ROOT, "%.3g µs", micros);
        String rate = Double.isFinite(micros) && micros > 0 ? String.format(Locale.ROOT, "%.4g", 1e6 / micros) : "n/a";
        return new String[] {name, Integer.toString(threads), per, rate};
    }

    // ---- option converters ----------------------------------------------------------------

    static final class WhatConverter implements ITypeConverter<What> {
        @Override
        public What convert(String text) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "eq20" -> What.EQ20;
                case "mlp" -> What.MLP;
                case "toy" -> What.TOY;
                case "all" -> What.ALL;
                default -> throw new OptionValueException("--what must be one of eq20, mlp, toy, all, got " + Bounded.quoted(text));
            };
        }
    }

    static final class ThreadsConverter implements ITypeConverter<Integer> {
        static final int MAX = 256;

        @Override
        public Integer convert(String text) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            if (t.equals("all")) return Runtime.getRuntime().availableProcessors();
            try {
                int v = Integer.parseInt(t);
                if (v >= 1 && v <= MAX) return v;
            } catch (NumberFormatException ignored) {
                // fall through to the message
            }
            throw new OptionValueException("--threads must be 'all' or an integer in [1, " + MAX + "], got "
                    + Bounded.quoted(text));
        }
    }

    /** An int option in [min, max] (the shared converter reads longs). */
    abstract static class IntIn implements ITypeConverter<Integer> {
        private final Bounded.LongIn delegate;

        IntIn(String option, int min, int max) {
            this.delegate = new Bounded.LongIn(option, min, max) {};
        }

        @Override
        public Integer convert(String text) {
            return delegate.convert(text).intValue();
        }
    }

    static final class Steps extends IntIn { Steps() { super("--steps", 1, 100_000); } }

    static final class Warmup extends IntIn { Warmup() { super("--warmup", 0, 100_000); } }

    static final class Reps extends IntIn { Reps() { super("--reps", 1, 100); } }
}
