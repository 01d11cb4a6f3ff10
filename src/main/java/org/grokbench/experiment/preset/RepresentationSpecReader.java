package org.grokbench.experiment.preset;

import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.ModelSpec;
import org.grokbench.experiment.OptimizerSpec;
import org.grokbench.experiment.ProbeSpec;
import org.grokbench.experiment.RunSpec;
import org.grokbench.experiment.ViewSpec;
import org.grokbench.representation.LossKind;
import org.grokbench.representation.OptimizerChoice;
import org.grokbench.representation.ToyModel;
import org.grokbench.representation.ToySpec;
import org.grokbench.representation.ToyTask;

import java.util.List;
import java.util.Locale;

/**
 * Reads the presets of the representation toy (Liu et al. 2022; model kind
 * {@value ModelSpec#REPRESENTATION}): every {@link ToySpec} knob in a {@code representation}
 * object, one run with a label and a step count, the seed of split, targets, initialization and
 * minibatches. Every field left out takes the authors' addition setup ({@link ToySpec#paper()}), or
 * with {@code "group": "s3"} the permutation group of App. H ({@link ToySpec#s3Paper()}: d × d
 * matrix embeddings multiplied, 24 of 36 samples, init scale 0.1, δ = 0.5); p and modular are
 * then not allowed.
 * The format is documented in presets/README.md.
 *
 * <pre>{@code
 * "model": {"kind": "representation"},
 * "representation": {"p": 10, "modular": false, "embeddingDim": 1, "decoderWidths": [200, 200],
 *     "outputDim": 30, "loss": "regression", "trainCount": 45, "batchSize": 45,
 *     "representationOptimizer": {"name": "adamw", "lr": 1e-3, "weightDecay": 0},
 *     "decoderOptimizer": {"name": "adamw", "lr": 1e-4, "weightDecay": 0},
 *     "initScale": 1, "decoderInitScale": 1, "delta": 0.01},
 * "runs": [{"label": "seed 5", "steps": 5000}],
 * "seed": 5
 * }</pre>
 */
final class RepresentationSpecReader {
    static final List<String> KEYS = List.of("group", "p", "modular", "embeddingDim", "decoderWidths", "outputDim", "loss",
            "trainCount", "batchSize", "representationOptimizer", "decoderOptimizer", "initScale", "decoderInitScale", "delta");
    static final List<String> OPTIMIZER_KEYS = List.of("name", "lr", "weightDecay");
    static final List<String> RUN_KEYS = List.of("label", "steps");
    static final List<String> OPTIMIZER_NAMES = List.of("adam", "adamw");
    static final int MAX_P = 100;
    static final int MAX_DIM = 64;
    static final int MAX_LAYERS = 8;
    static final int MAX_WIDTH = 4096;
    /** θ rows of the history hold every parameter: keep the model small enough to scrub. */
    static final int MAX_PARAMETERS = 1_000_000;
    static final NumberRange LR = NumberRange.openClosed(0, PresetLimits.MAX_LR);
    /** PyTorch's weight_decay (the paper's values), as the CLI's --repr-wd / --dec-wd. */
    static final NumberRange WEIGHT_DECAY = NumberRange.closed(0, 100);
    static final NumberRange SCALE = NumberRange.closed(0, 100);
    static final NumberRange DELTA = NumberRange.openClosed(0, 10);

    private RepresentationSpecReader() {}

    static ModelSpec readModel(JsonField f) {
        SpecReader.rejectKeys(f, SpecReader.MODEL_KEYS, List.of("kind"), "model '" + ModelSpec.REPRESENTATION + "'"
                + " (its settings go in the top-level \"representation\" object)");
        f.requireObject(List.of("kind"), "an object {\"kind\": \"representation\"}");
        return ModelSpec.representation();
    }

    static ExperimentSpec read(JsonField root, String id, String title, String story, String paper, String figure) {
        for (String key : List.of("train", "test", "view", "data", "task")) {
            JsonField k = root.child(key);
            if (k.present())
                throw k.fail("not allowed for model '" + ModelSpec.REPRESENTATION + "': the addition table, its split and"
                        + " the model come from \"representation\" and \"seed\"; remove \"" + key + "\"");
        }
        long seed = SpecReader.readSeed(root);
        JsonField rf = root.child("representation");
        ToySpec toy = rf.present() ? readToy(rf, seed) : ToySpec.paper().withSeed(seed);

        JsonField runsField = root.required("runs", "an array of exactly 1 run {\"label\", \"steps\"}");
        JsonField r = runsField.array(1, 1, "run {\"label\", \"steps\"} (a representation preset trains one model)").get(0);
        for (String key : List.of("lr", "lambda", "optimizer", "init", "seed", "initStd")) {
            JsonField k = r.child(key);
            if (r.node.isObject() && k.present())
                throw k.fail("unknown key for a run of model '" + ModelSpec.REPRESENTATION + "'; allowed keys in " + r.displayPath()
                        + ": " + RUN_KEYS + " (learning rates and weight decays go in representation.representationOptimizer and"
                        + " representation.decoderOptimizer, the seed at the top level)");
        }
        r.requireObject(RUN_KEYS, "a run object {\"label\", \"steps\"} (the learning rates and weight decays are in"
                + " representation.representationOptimizer and representation.decoderOptimizer)");
        String label = r.required("label", "a non-empty string").text(60);
        long steps = r.required("steps", "a whole number in [1, " + SpecReader.MAX_STEPS + "]").integer(1, SpecReader.MAX_STEPS);
        JsonField probesField = root.child("probes");
        ProbeSpec probes = probesField.present() ? SpecReader.readProbes(probesField, 1, 1, null, 0) : ProbeSpec.defaults();
        return experiment(id, title, story, paper, figure, toy, label, steps, probes);
    }

    /**
     * The representation experiment of {@code toy} (its seed is the experiment's): one run of
     * {@code steps} steps, as a preset file describes it; also how a phase-diagram cell opens in
     * the window.
     */
    static ExperimentSpec experiment(String id, String title, String story, String paper, String figure, ToySpec toy,
                                            String label, long steps, ProbeSpec probes) {
        OptimizerChoice rep = toy.representation();
        RunSpec run = new RunSpec(label, rep.lr(), rep.lambda(), steps, new double[0], OptimizerSpec.named(rep.name()), toy.seed(), Double.NaN);
        return new ExperimentSpec(id, title, story, paper, figure, ModelSpec.representation(), List.of(), null, List.of(run),
                toy.seed(), probes, ViewSpec.defaults(), null, null, toy);
    }

    private static ToySpec readToy(JsonField f, long seed) {
        f.requireObject(KEYS, "an object " + KEYS);
        ToyTask task = ToyTask.ADDITION;
        JsonField gf = f.child("group");
        if (gf.present()) {
            String expect = "must be \"addition\" (Dec(E_a + E_b) over 0..p-1) or \"s3\" (the permutation group of App. H,"
                    + " Dec(E_a E_b) with matrix embeddings)";
            if (!gf.node.isTextual() || !List.of("addition", "s3").contains(gf.node.textValue()))
                throw gf.fail(expect + ", got " + JsonField.describe(gf.node));
            task = gf.node.textValue().equals("s3") ? ToyTask.S3 : ToyTask.ADDITION;
        }
        boolean s3 = task == ToyTask.S3;
        if (s3)
            for (String k : List.of("p", "modular"))
                if (f.child(k).present()) throw f.child(k).fail("not used with \"group\": \"s3\" (6 permutations, no modulus); remove it");
        ToySpec d = s3 ? ToySpec.s3Paper() : ToySpec.paper();
        int maxDim = s3 ? ToyTask.MAX_MATRIX_DIM : MAX_DIM;
        int p = f.child("p").present() ? (int) f.child("p").integer(2, MAX_P, "must be a whole number in [2, " + MAX_P
                + "] (symbols 0..p-1)") : d.p();
        boolean modular = f.child("modular").present() ? f.child("modular").bool() : d.modular();
        int dim = f.child("embeddingDim").present() ? (int) f.child("embeddingDim").integer(1, maxDim,
                "must be a whole number in [1, " + maxDim + "] (" + (s3 ? "side of each d x d embedding matrix E_k"
                        : "dimension of each embedding E_k") + ")") : d.embeddingDim();
        int[] widths = d.hiddenWidths();
        JsonField wf = f.child("decoderWidths");
        if (wf.present()) {
            List<JsonField> ws = wf.array(0, MAX_LAYERS, "hidden widths (tanh layers of the decoder), each in [1, " + MAX_WIDTH + "]");
            widths = new int[ws.size()];
            for (int i = 0; i < widths.length; i++)
                widths[i] = (int) ws.get(i).integer(1, MAX_WIDTH, "must be a whole number in [1, " + MAX_WIDTH + "] (a hidden layer's width)");
        }
        LossKind loss = d.loss();
        JsonField lf = f.child("loss");
        if (lf.present()) {
            String expect = "must be \"regression\" (MSE to random targets) or \"classification\" (cross-entropy)";
            if (!lf.node.isTextual()) throw lf.fail(expect + ", got " + JsonField.describe(lf.node));
            String v = lf.node.textValue();
            if (!v.equals("regression") && !v.equals("classification")) throw lf.fail(expect + ", got \"" + v + "\"");
            loss = LossKind.valueOf(v.toUpperCase(Locale.ROOT));
        }
        int outputDim = d.outputDim();
        JsonField of = f.child("outputDim");
        if (of.present()) {
            if (loss == LossKind.CLASSIFICATION)
                throw of.fail("not used with \"loss\": \"classification\" (the output has one logit per class); remove it");
            outputDim = (int) of.integer(1, MAX_WIDTH, "must be a whole number in [1, " + MAX_WIDTH + "] (dimension of the regression targets)");
        }
        int k = task.tableSize(p);
        int trainCount = f.child("trainCount").present()
                ? (int) f.child("trainCount").integer(1, k, "must be a whole number in [1, " + k + "] (training samples |D| of the "
                + k + (s3 ? " ordered pairs (a, b) of S3)" : " pairs (i, j), i <= j, for p = " + p + ")"))
                : s3 ? d.trainCount() : (int) Math.round(k * 45.0 / 55.0);
        int batch = f.child("batchSize").present()
                ? (int) f.child("batchSize").integer(1, trainCount, "must be a whole number in [1, " + trainCount
                + "] (minibatch size; at most trainCount, which is a full batch)")
                : trainCount;
        OptimizerChoice rep = f.child("representationOptimizer").present()
                ? readOptimizer(f.child("representationOptimizer")) : d.representation();
        OptimizerChoice dec = f.child("decoderOptimizer").present() ? readOptimizer(f.child("decoderOptimizer")) : d.decoder();
        double init = f.child("initScale").present() ? f.child("initScale").number(SCALE) : d.initScale();
        double decInit = f.child("decoderInitScale").present() ? f.child("decoderInitScale").number(SCALE) : d.decoderInitScale();
        double delta = f.child("delta").present() ? f.child("delta").number(DELTA) : d.delta();
        int classes = s3 ? ToyTask.S3_ORDER : modular ? p : 2 * p - 1;
        ToyModel shape = new ToyModel(p, dim, task.composition(), widths, outputDim, classes, loss, 0);
        long params = (long) shape.embeddingSize() + shape.decoderSize();
        if (params > MAX_PARAMETERS)
            throw (wf.present() ? wf : f).fail("gives " + params + " parameters, more than " + MAX_PARAMETERS
                    + "; use narrower or fewer decoder layers");
        return new ToySpec(p, modular, dim, widths, outputDim, loss, trainCount, seed, rep, dec, init, decInit, batch, delta, task);
    }

    private static OptimizerChoice readOptimizer(JsonField f) {
        f.requireObject(OPTIMIZER_KEYS, "an object {\"name\": \"adam\" or \"adamw\", \"lr\": ..., \"weightDecay\": ...}");
        boolean decoupled = true;
        JsonField nf = f.child("name");
        if (nf.present()) {
            if (!nf.node.isTextual() || !OPTIMIZER_NAMES.contains(nf.node.textValue()))
                throw nf.fail("must be one of " + OPTIMIZER_NAMES + " (AdamW decays θ by lr·weightDecay; Adam adds"
                        + " weightDecay·θ to the gradient), got " + JsonField.describe(nf.node));
            decoupled = nf.node.textValue().equals("adamw");
        }
        double lr = f.required("lr", LR.describe()).number(LR);
        double wd = f.child("weightDecay").present() ? f.child("weightDecay").number(WEIGHT_DECAY) : 0;
        return new OptimizerChoice(decoupled, lr, wd);
    }
}
