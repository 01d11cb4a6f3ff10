package org.grokbench.experiment.preset;

import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.ModelSpec;
import org.grokbench.experiment.ModularDataSpec;
import org.grokbench.experiment.OptimizerSpec;
import org.grokbench.experiment.ProbeSpec;
import org.grokbench.experiment.RunSpec;
import org.grokbench.experiment.ViewSpec;
import org.grokbench.modular.Activation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the modular-addition presets (geometry-of-grokking §6-7 and App. D): model kinds
 * {@code modular-mlp} (Ŷ = σ(XE)W trained by an optimizer) and {@code modular-eq20} (the simulated
 * first-layer dynamics of Eq. 20). The format and the limits are documented on
 * {@link PresetLoader}; the rules that depend on several fields (split sizes, H Hᵀ invertible,
 * memory of the App. D probe) are checked here with the numbers named in the message.
 */
final class ModularSpecReader {
    static final List<String> MODULAR_MODEL_KEYS = List.of("kind", "modulus", "hidden", "activation", "reduction");
    static final List<String> DATA_KEYS = List.of("pairs", "trainFraction", "testCount");
    static final List<String> MLP_RUN_KEYS = List.of("label", "lr", "lambda", "steps", "seed", "optimizer");
    static final List<String> EQ20_RUN_KEYS = List.of("label", "lr", "lambda", "steps", "seed", "initStd");

    /** Activation names in presets, in the order shown in messages. */
    static final List<String> ACTIVATIONS = List.of("relu", "quadratic", "tanh", "linear");
    static final List<String> REDUCTIONS = List.of("sum", "mean");
    static final List<String> PAIRS = List.of("unordered", "ordered");

    static final int MIN_MODULUS = 2, MAX_MODULUS = 97;
    static final int MAX_HIDDEN = PresetLimits.MAX_HIDDEN;
    static final NumberRange TRAIN_FRACTION = new NumberRange(0, true, 1, true);
    /** The App. D probe of modular-mlp costs ~0.1-0.5 s even at n = 11, h = 128: never every step. */
    static final int MLP_MIN_GEOMETRY_EVERY = 10;
    static final int MLP_DEFAULT_GEOMETRY_EVERY = 100;
    /**
     * Default cadence of the Hessian probe on the networks: 40 Lanczos products = 80 gradients,
     * ~35 ms at p = 17, d_h = 128 on a quiet 2-core machine, i.e. ~6 % of 500 training steps
     * (every 100 steps made the run 1.7× slower; measured with {@code grokbench probe-cost}, see the README).
     */
    static final int MLP_CURVATURE_EVERY = 500;
    /**
     * Memory all modular-mlp runs together may spend on the App. D probe's Gram matrix J Jᵀ of
     * (k_train·p)² doubles (one per run, allocated when the run is built).
     */
    static final long PROBE_GRAM_BUDGET_BYTES = 1L << 30;

    private ModularSpecReader() {}

    // ---- model ---------------------------------------------------------------------------

    static ModelSpec readModel(JsonField f, String kind) {
        boolean mlp = kind.equals("modular-mlp");
        List<String> allowed = MODULAR_MODEL_KEYS;
        JsonField inputs = f.child("inputs");
        if (inputs.present())
            throw inputs.fail("not used by model '" + kind + "': its p inputs and outputs are set by \"modulus\";"
                    + " allowed keys in model for it: " + allowed);
        f.requireObject(allowed, "an object {\"kind\", \"modulus\", \"hidden\", \"activation\", \"reduction\"}");
        int p = (int) f.required("modulus", "a whole number in [" + MIN_MODULUS + ", " + MAX_MODULUS + "] (the modulus p)")
                .integer(MIN_MODULUS, MAX_MODULUS, "must be a whole number in [" + MIN_MODULUS + ", " + MAX_MODULUS
                        + "] (the modulus p; odd p recommended, Fourier features need p >= 3)");
        int h = (int) f.required("hidden", "a whole number in [1, " + MAX_HIDDEN + "] (hidden width d_h)")
                .integer(1, MAX_HIDDEN, "must be a whole number in [1, " + MAX_HIDDEN + "] (hidden width d_h)");
        JsonField actField = f.child("activation");
        String activation = actField.present() ? choice(actField, ACTIVATIONS, "the hidden activation σ") : "relu";
        JsonField redField = f.child("reduction");
        String reduction;
        if (redField.present()) {
            reduction = choice(redField, REDUCTIONS, "the loss reduction: \"sum\" is Eq. (12), \"mean\" is PyTorch's mse_loss as in App. D");
        } else if (mlp) {
            throw redField.fail("missing required key for model 'modular-mlp'; expected \"sum\" (Eq. 12, L = ‖Ŷ − Y‖²_F)"
                    + " or \"mean\" (PyTorch's mse_loss, L = ‖Ŷ − Y‖²_F / (k·p), as App. D trained with lr 1);"
                    + " the two differ by a factor k·p in the gradient, so the learning rate depends on it");
        } else {
            reduction = "sum"; // Eq. 20 does not depend on it; it only scales the reported losses
        }
        return new ModelSpec(kind, 0, p, h, engineActivation(activation), reduction);
    }

    /** The engine's name ({@link Activation} constant, lower case) for a preset activation name. */
    static String engineActivation(String name) {
        Activation a = name.equals("linear") ? Activation.IDENTITY : Activation.valueOf(name.toUpperCase(Locale.ROOT));
        return a.name().toLowerCase(Locale.ROOT);
    }

    private static String choice(JsonField f, List<String> options, String what) {
        if (!f.node.isTextual() || !options.contains(f.node.textValue()))
            throw f.fail("must be one of " + options + " (" + what + "), got " + JsonField.describe(f.node));
        return f.node.textValue();
    }

    // ---- whole preset --------------------------------------------------------------------

    static ExperimentSpec read(JsonField root, String id, String title, String story, String paper, String figure,
                               ModelSpec model) {
        String kind = model.kind();
        boolean mlp = kind.equals("modular-mlp");
        for (String key : List.of("train", "test", "view", "task")) {
            JsonField k = root.child(key);
            if (k.present())
                throw k.fail("not allowed for model '" + kind + "': a modular-addition preset takes its pairs (a, b, (a + b) mod p)"
                        + " and their train/test split from \"data\" {\"pairs\", \"trainFraction\" or \"testCount\"}"
                        + (key.equals("view") ? " and has no parameter plane to frame" : "") + "; remove \"" + key + "\"");
        }
        Split split = readData(root.required("data", "an object {\"pairs\": \"unordered\", \"trainFraction\": 0.7}"
                + " or {\"pairs\": \"unordered\", \"testCount\": 7} (required for model '" + kind + "')"), model);

        int pk = model.modulus() * model.hidden();
        List<RunSpec> runs = new ArrayList<>();
        Map<String, String> labels = new HashMap<>();
        List<JsonField> runFields = root.required("runs", "an array of 1 to " + SpecReader.MAX_RUNS + " runs")
                .array(1, SpecReader.MAX_RUNS, "runs");
        for (JsonField r : runFields) {
            RunSpec run = mlp ? readMlpRun(r, 2 * pk) : readEq20Run(r, pk);
            SpecReader.checkUniqueLabel(labels, run, r);
            runs.add(run);
        }

        long seed = SpecReader.readSeed(root);

        JsonField probesField = root.child("probes");
        ProbeSpec probes;
        if (mlp) {
            String why = "for model 'modular-mlp' the geometry probe is App. D's norm-minimizing direction:"
                    + " 100 projection steps and a Cholesky factorization of the " + split.gramSide() + " × " + split.gramSide()
                    + " Gram matrix J Jᵀ, ~0.1-0.5 s already at p = 11, d_h = 128";
            probes = probesField.present()
                    ? SpecReader.readProbes(probesField, MLP_MIN_GEOMETRY_EVERY, MLP_DEFAULT_GEOMETRY_EVERY, why, MLP_CURVATURE_EVERY)
                    : new ProbeSpec(MLP_DEFAULT_GEOMETRY_EVERY, ProbeSpec.defaults().historyCap(), MLP_CURVATURE_EVERY);
            checkProbeMemory(split, runs.size(), root.child("runs"));
        } else {
            probes = probesField.present()
                    ? SpecReader.readProbes(probesField, 1, ProbeSpec.defaults().geometryEvery(), null, 0)
                    : ProbeSpec.defaults();
        }
        return new ExperimentSpec(id, title, story, paper, figure, model, List.of(), null, runs, seed, probes,
                ViewSpec.defaults(), split.spec());
    }

    // ---- data ----------------------------------------------------------------------------

    /**
     * The data spec and the sizes it gives: k pairs in all, {@code train} of them for training.
     * {@code source} is the field that set the split (for messages).
     */
    record Split(ModularDataSpec spec, int k, int train, int modulus, JsonField source, String how) {
        int test() { return k - train; }
        /** Rows of the App. D Jacobian, k_train·p. */
        long gramSide() { return (long) train * modulus; }
    }

    static Split readData(JsonField f, ModelSpec model) {
        f.requireObject(DATA_KEYS, "an object {\"pairs\": ..., \"trainFraction\": ...} or {\"pairs\": ..., \"testCount\": ...}");
        int p = model.modulus();
        JsonField pairsField = f.child("pairs");
        String pairs = pairsField.present()
                ? choice(pairsField, PAIRS, "\"unordered\": all a <= b, k = p(p+1)/2 as in §7.1; \"ordered\": all p² pairs (a, b)")
                : "unordered";
        int k = pairs.equals("ordered") ? p * p : p * (p + 1) / 2;
        String kText = "k = " + k + " " + pairs + " pairs for p = " + p;
        JsonField fracField = f.child("trainFraction");
        JsonField countField = f.child("testCount");
        String exactlyOne = "give exactly one of \"trainFraction\" (the fraction f_s of the " + k + " pairs used for training,"
                + " in (0, 1)) or \"testCount\" (the number of test pairs, in [1, " + (k - 1) + "])";
        Split split;
        if (fracField.present() && countField.present()) {
            throw countField.fail("not allowed together with data.trainFraction; " + exactlyOne);
        } else if (fracField.present()) {
            double fs = fracField.number(TRAIN_FRACTION);
            int train = (int) Math.round(fs * k); // as ModularAdditionData.splitByTrainFraction
            if (train < 1 || train > k - 1)
                throw fracField.fail("gives round(" + NumberRange.format(fs) + " · " + k + ") = " + train + " training pairs ("
                        + kText + "); both the training set and the test set must be non-empty, so round(f_s · k)"
                        + " must be in [1, " + (k - 1) + "]");
            split = new Split(new ModularDataSpec(pairs, fs, 0), k, train, p, fracField,
                    "data.trainFraction " + NumberRange.format(fs) + " of " + kText);
        } else if (countField.present()) {
            if (k < 2) throw countField.fail("cannot split " + kText + " into a training and a test set; use a larger modulus");
            int test = (int) countField.integer(1, k - 1, "must be a whole number in [1, " + (k - 1) + "] (" + kText
                    + "; the rest are the training pairs, at least one)");
            // trainFraction then only reports the fraction in use (the engine splits by testCount > 0)
            split = new Split(new ModularDataSpec(pairs, (k - test) / (double) k, test), k, k - test, p, countField,
                    "data.testCount " + test + " of " + kText);
        } else {
            throw f.fail("must " + exactlyOne);
        }
        if (model.kind().equals("modular-eq20")) checkEq20Rank(split, model);
        return split;
    }

    /**
     * Eq. 20 needs A = (H Hᵀ)⁻¹ with H = σ(XE) of size k_train × d_h: H Hᵀ has rank at most d_h
     * (at most p for a linear σ, since then H = XE), so k_train must not exceed it.
     */
    private static void checkEq20Rank(Split s, ModelSpec model) {
        int h = model.hidden(), p = model.modulus();
        boolean linear = model.activation().equals(Activation.IDENTITY.name().toLowerCase(Locale.ROOT));
        int rank = linear ? Math.min(h, p) : h;
        if (s.train() <= rank) return;
        String bound = linear && p < h ? "p = " + p + " (with the linear activation H = XE has rank at most p)" : "d_h = " + h;
        String fix = s.source().path.endsWith("testCount")
                ? "use testCount >= " + (s.k() - rank)
                : "use trainFraction <= " + NumberRange.format(Math.floor(1000.0 * rank / s.k()) / 1000);
        throw s.source().fail("gives " + s.train() + " training pairs (" + s.how() + "), but model 'modular-eq20' needs"
                + " at most " + bound + " of them: H = σ(XE) is " + s.train() + " × " + h + " and H Hᵀ ("
                + s.train() + " × " + s.train() + ") must be invertible for A = (H Hᵀ)⁻¹; " + fix
                + (linear && p < h ? "" : " or model.hidden >= " + s.train()));
    }

    /** All modular-mlp runs together must fit their App. D Gram matrices (k_train·p)² into the budget. */
    private static void checkProbeMemory(Split s, int runs, JsonField runsField) {
        long side = s.gramSide();
        long perRun = side * side * Double.BYTES;
        if (perRun * runs <= PROBE_GRAM_BUDGET_BYTES) return;
        String what = "model 'modular-mlp' keeps, per run, the Gram matrix J Jᵀ of its App. D geometry probe: (k_train·p)² = "
                + side + "² doubles = " + mib(perRun) + " MiB";
        if (perRun > PROBE_GRAM_BUDGET_BYTES) {
            long maxSide = (long) Math.floor(Math.sqrt(PROBE_GRAM_BUDGET_BYTES / (double) Double.BYTES));
            throw s.source().fail("gives " + s.train() + " training pairs (" + s.how() + "), too many: " + what
                    + ", over the limit of " + mib(PROBE_GRAM_BUDGET_BYTES) + " MiB; k_train·p must be at most " + maxSide
                    + ", i.e. at most " + maxSide / s.modulus() + " training pairs at p = " + s.modulus());
        }
        throw runsField.fail("has " + runs + " runs, too many for this data set: " + what + ", " + mib(perRun * runs)
                + " MiB for all runs, over the limit of " + mib(PROBE_GRAM_BUDGET_BYTES) + " MiB; use at most "
                + PROBE_GRAM_BUDGET_BYTES / perRun + " runs or fewer training pairs");
    }

    private static long mib(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }

    // ---- runs ----------------------------------------------------------------------------

    private static RunSpec readMlpRun(JsonField r, int d) {
        rejectInit(r, "modular-mlp", d, "\"seed\"");
        if (r.node.isObject() && r.child("initStd").present())
            throw r.child("initStd").fail("not supported for model 'modular-mlp': its θ₀ is PyTorch's default initialization"
                    + " (E, W ~ U(±1/√fan_in)) drawn from \"seed\", with no scale option; allowed keys for it: " + MLP_RUN_KEYS);
        r.requireObject(MLP_RUN_KEYS, "a run object {\"label\", \"lr\", \"lambda\", \"steps\", \"seed\"}");
        String label = r.required("label", "a non-empty string").text(60);
        double lr = r.required("lr", SpecReader.LR.describe()).number(SpecReader.LR);
        double lambda = r.required("lambda", SpecReader.LAMBDA.describe() + " (L_λ = L + λ‖θ‖²; PyTorch's weight_decay w is λ = w/2)")
                .number(SpecReader.LAMBDA);
        long steps = r.required("steps", "a whole number in [1, " + SpecReader.MAX_STEPS + "]").integer(1, SpecReader.MAX_STEPS);
        long seed = runSeed(r);
        JsonField opt = r.child("optimizer");
        OptimizerSpec optimizer = opt.present() ? SpecReader.readOptimizer(opt) : OptimizerSpec.gd();
        return new RunSpec(label, lr, lambda, steps, new double[0], optimizer, seed, Double.NaN);
    }

    private static RunSpec readEq20Run(JsonField r, int pk) {
        rejectInit(r, "modular-eq20", pk, "\"seed\" and optionally \"initStd\"");
        if (r.node.isObject() && r.child("optimizer").present())
            throw r.child("optimizer").fail("not used by model 'modular-eq20': Eq. (20) moves E by E ← E + η ΔE with η = \"lr\","
                    + " there is no optimizer; allowed keys for it: " + EQ20_RUN_KEYS);
        r.requireObject(EQ20_RUN_KEYS, "a run object {\"label\", \"lr\", \"steps\", \"seed\"}");
        String label = r.required("label", "a non-empty string").text(60);
        double lr = r.required("lr", SpecReader.LR.describe() + " (the step size η of E ← E + η ΔE)").number(SpecReader.LR);
        JsonField lambdaField = r.child("lambda");
        if (lambdaField.present()) {
            double lambda = lambdaField.number(SpecReader.LAMBDA);
            if (lambda != 0)
                throw lambdaField.fail("must be 0 (or left out) for model 'modular-eq20', got " + NumberRange.format(lambda)
                        + ": Eq. (20) is the λ → 0 limit with time measured in units of 1/λ, so λ does not enter;"
                        + " the step size is \"lr\" (η)");
        }
        long steps = r.required("steps", "a whole number in [1, " + SpecReader.MAX_STEPS + "]").integer(1, SpecReader.MAX_STEPS);
        long seed = runSeed(r);
        JsonField stdField = r.child("initStd");
        double std = stdField.present() ? stdField.number(SpecReader.POSITIVE) : Double.NaN;
        return new RunSpec(label, lr, 0, steps, new double[0], OptimizerSpec.gd(), seed, std);
    }

    private static void rejectInit(JsonField r, String kind, int d, String instead) {
        if (r.node.isObject() && r.child("init").present())
            throw r.child("init").fail("not allowed for model '" + kind + "': θ₀ has " + d + " numbers and is drawn at random;"
                    + " give " + instead + " instead");
    }

    private static long runSeed(JsonField r) {
        return r.required("seed", "a whole number (a 64-bit integer) that draws this run's θ₀")
                .integer(Long.MIN_VALUE, Long.MAX_VALUE, "must be a whole number (a 64-bit integer) that draws this run's θ₀");
    }
}
