package org.grokbench.experiment.preset;

import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.ModelSpec;
import org.grokbench.experiment.OptimizerSpec;
import org.grokbench.experiment.ProbeSpec;
import org.grokbench.experiment.RunSpec;
import org.grokbench.experiment.Sample;
import org.grokbench.experiment.TestSetSpec;
import org.grokbench.experiment.ViewSpec;
import org.grokbench.model.Model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a parsed preset document into an {@link ExperimentSpec}, checking every field (the format
 * and the limits are documented on {@link PresetLoader}). Stops at the first problem. The toy
 * models are read here; the modular-addition models by {@link ModularSpecReader}.
 */
final class SpecReader {
    static final List<String> TOP_KEYS = List.of("id", "title", "story", "paper", "figure", "model", "data", "train",
            "test", "task", "runs", "seed", "probes", "view", "sweep", "representation");
    static final List<String> SWEEP_KEYS = List.of("x", "y");
    /** Keys of {@code model} for any kind; {@link #TOY_MODEL_KEYS} and {@link ModularSpecReader#MODULAR_MODEL_KEYS} say which kind uses which. */
    static final List<String> MODEL_KEYS = List.of("kind", "inputs", "modulus", "hidden", "activation", "reduction", "size");
    static final List<String> TOY_MODEL_KEYS = List.of("kind", "inputs");
    static final List<String> SAMPLE_KEYS = List.of("x", "y");
    static final List<String> TEST_KEYS = List.of("count", "std", "teacher", "accuracyTolerance");
    /** Keys of a toy run; the modular ones are {@link ModularSpecReader#MLP_RUN_KEYS} and {@link ModularSpecReader#EQ20_RUN_KEYS}. */
    static final List<String> TOY_RUN_KEYS = List.of("label", "lr", "lambda", "steps", "init", "optimizer");
    static final List<String> PROBE_KEYS = List.of("geometryEvery", "historyCap", "curvatureEvery");
    static final int MAX_CURVATURE_EVERY = 1_000_000;
    /** Default curvature cadence of the toys: a 2-3 step Lanczos costs a few gradients of a 3-parameter model. */
    static final int TOY_CURVATURE_EVERY = 10;
    static final List<String> VIEW_KEYS = List.of("plane", "logLoss");
    static final Map<String, List<String>> OPTIMIZER_KEYS = Map.of(
            "gd", List.of("name"),
            "momentum", List.of("name", "momentum"),
            "rmsprop", List.of("name", "alpha", "eps"),
            "rprop", List.of("name", "etaMinus", "etaPlus", "stepMin", "stepMax"),
            "adam", List.of("name", "beta1", "beta2", "eps"),
            "adamw", List.of("name", "beta1", "beta2", "eps"),
            "adamax", List.of("name", "beta1", "beta2", "eps"));

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    static final String ID_RULE = "lowercase letters, digits, '-' and '_' (at most 64, starting with a letter or digit)";

    static final int MAX_INPUTS = 100;
    static final int MAX_SAMPLES = 10_000;
    static final int MAX_RUNS = 8;
    static final long MAX_STEPS = PresetLimits.MAX_STEPS;
    static final NumberRange LR = NumberRange.openClosed(0, PresetLimits.MAX_LR);
    static final NumberRange LAMBDA = NumberRange.closed(0, PresetLimits.MAX_LAMBDA);
    static final NumberRange INIT = NumberRange.closed(-1000, 1000);
    static final NumberRange DATA = NumberRange.closed(-1e6, 1e6);
    static final NumberRange PLANE = NumberRange.closed(-1e6, 1e6);
    static final NumberRange POSITIVE = NumberRange.positive();
    static final NumberRange BETA = NumberRange.closedOpen(0, 1);
    /** Rprop's factors and step bounds (Riedmiller &amp; Braun 1993: η⁻ = 0.5, η⁺ = 1.2). */
    static final NumberRange ETA_MINUS = NumberRange.open(0, 1);
    static final NumberRange ETA_PLUS = NumberRange.openClosed(1, 10);
    static final NumberRange STEP_MIN = NumberRange.closed(0, 1000);
    static final NumberRange STEP_MAX = NumberRange.openClosed(0, 1e6);
    static final int MAX_TEST_COUNT = 100_000;
    static final int MAX_GEOMETRY_EVERY = 10_000;
    static final int MIN_HISTORY_CAP = 1_000, MAX_HISTORY_CAP = 1_000_000;

    static final double DEFAULT_STD = 1.0;
    static final double DEFAULT_TOLERANCE = 0.1;

    private SpecReader() {}

    /**
     * @param expectedId the file name the id must equal, or null when the preset has no file name
     */
    /**
     * The optional {@code "sweep": {"x": "PARAM=LIST", "y": "PARAM=LIST"}} of a preset: the default
     * grid of {@code grokbench sweep} and the window's Sweep tab (y may be left out for a 1-D sweep).
     * Only the shape is checked here; the axes are parsed, with messages naming the parameter, by
     * the sweep itself.
     */
    static SweepDefaults sweepDefaults(JsonField root) {
        JsonField f = root.child("sweep");
        if (!f.present()) return null;
        f.requireObject(SWEEP_KEYS, "an object {\"x\": \"lambda=1e-5,1e-4\", \"y\": \"lr=1,2\"}");
        String x = f.required("x", "an axis \"PARAM=LIST\" such as \"lambda=log:1e-5:1e-3:5\"").text(500);
        JsonField y = f.child("y");
        return new SweepDefaults(x, y.present() ? y.text(500) : null);
    }

    /** The preset's {@code id}, well formed and equal to {@code expectedId} (the file name) when given. */
    static String readId(JsonField root, String expectedId) {
        JsonField idField = root.required("id", "a preset id: " + ID_RULE);
        String id = idField.text(64);
        if (!ID.matcher(id).matches()) throw idField.fail("must be " + ID_RULE + ", got \"" + id + "\"");
        if (expectedId != null && !id.equals(expectedId))
            throw idField.fail("must equal the file name without .json (\"" + expectedId + "\"), got \"" + id + "\"");
        return id;
    }

    /** The texts every preset has: title, story, paper and figure. */
    static PresetInfo readInfo(JsonField root, String id) {
        String title = root.required("title", "a non-empty string").text(200);
        String story = root.required("story", "a non-empty string").text(5000);
        String paper = root.required("paper", "a non-empty string such as \"geometry-of-grokking\"").text(100);
        String figure = root.required("figure", "a non-empty string such as \"Figure 1\"").text(100);
        return new PresetInfo(id, title, paper, figure, story);
    }

    static ExperimentSpec read(JsonField root, String expectedId) {
        root.requireObject(TOP_KEYS, "a JSON object (a preset)");
        String id = readId(root, expectedId);
        sweepDefaults(root);
        PresetInfo info = readInfo(root, id);
        String title = info.title(), story = info.story(), paper = info.paper(), figure = info.figure();

        ModelSpec modelSpec = readModel(root.required("model", "an object {\"kind\": ..., ...}"));
        if (modelSpec.isRepresentation()) return RepresentationSpecReader.read(root, id, title, story, paper, figure);
        JsonField reprField = root.child("representation");
        if (reprField.present())
            throw reprField.fail("only for model '" + ModelSpec.REPRESENTATION + "' (the toy of the effective-theory paper), not for '"
                    + modelSpec.kind() + "'; remove it");
        if (modelSpec.isModular()) return ModularSpecReader.read(root, id, title, story, paper, figure, modelSpec);
        if (modelSpec.isTask()) return TaskSpecReader.read(root, id, title, story, paper, figure, modelSpec);
        return readToy(root, id, title, story, paper, figure, modelSpec);
    }

    private static ExperimentSpec readToy(JsonField root, String id, String title, String story, String paper,
                                          String figure, ModelSpec modelSpec) {
        JsonField dataField = root.child("data");
        if (dataField.present())
            throw dataField.fail("only for the modular-addition models " + ModelSpec.MODULAR_KINDS + "; toy model '"
                    + modelSpec.kind() + "' is trained on \"train\" and tested on \"test\"");
        JsonField taskField = root.child("task");
        if (taskField.present())
            throw taskField.fail("only for the regression tasks " + ModelSpec.TASK_KINDS + ", which generate their samples; toy model '"
                    + modelSpec.kind() + "' is trained on \"train\" and tested on \"test\"");
        Model model = modelSpec.create();
        String modelText = "model '" + modelSpec.kind() + "'"
                + (modelSpec.kind().equals("linear") || modelSpec.kind().equals("leaky-relu") ? " with " + modelSpec.inputs() + " inputs" : "");

        List<Sample> train = new ArrayList<>();
        for (JsonField s : root.required("train", "an array of samples {\"x\": [...], \"y\": [...]}")
                .array(1, MAX_SAMPLES, "samples {\"x\": [...], \"y\": [...]}")) {
            s.requireObject(SAMPLE_KEYS, "a sample object {\"x\": [...], \"y\": [...]}");
            double[] x = s.required("x", "an array of " + model.inputDim() + " numbers")
                    .numbers(model.inputDim(), DATA, "one per input of " + modelText);
            double[] y = s.required("y", "an array of " + model.outputDim() + " number(s)")
                    .numbers(model.outputDim(), DATA, "one per output of " + modelText);
            train.add(new Sample(x, y));
        }

        String paramText = "one per parameter " + model.parameterNames() + " of " + modelText;
        TestSetSpec test = readTest(root.required("test", "an object {\"count\": ..., \"teacher\": [...]}"),
                model.parameterCount(), paramText);

        List<RunSpec> runs = new ArrayList<>();
        Map<String, String> labels = new HashMap<>();
        for (JsonField r : root.required("runs", "an array of 1 to " + MAX_RUNS + " runs").array(1, MAX_RUNS, "runs")) {
            RunSpec run = readRun(r, modelSpec.kind(), model.parameterCount(), paramText);
            checkUniqueLabel(labels, run, r);
            runs.add(run);
        }

        long seed = readSeed(root);
        JsonField probesField = root.child("probes");
        ProbeSpec probes = probesField.present() ? readProbes(probesField, 1, ProbeSpec.defaults().geometryEvery(), null, TOY_CURVATURE_EVERY)
                : ProbeSpec.defaults().withCurvatureEvery(TOY_CURVATURE_EVERY);

        JsonField viewField = root.child("view");
        ViewSpec view = readView(viewField, runs, test.teacher());

        return new ExperimentSpec(id, title, story, paper, figure, modelSpec, train, test, runs, seed, probes, view);
    }

    static void checkUniqueLabel(Map<String, String> labels, RunSpec run, JsonField r) {
        String earlier = labels.putIfAbsent(run.label(), r.path);
        if (earlier != null)
            throw r.child("label").fail("must be unique among runs, got \"" + run.label() + "\" (also used by " + earlier + ")");
    }

    static long readSeed(JsonField root) {
        JsonField seedField = root.child("seed");
        return seedField.present()
                ? seedField.integer(Long.MIN_VALUE, Long.MAX_VALUE, "must be a whole number (a 64-bit integer)") : 0L;
    }

    private static ModelSpec readModel(JsonField f) {
        if (!f.node.isObject()) throw f.fail("must be an object {\"kind\": ..., ...}, got " + JsonField.describe(f.node));
        JsonField kindField = f.required("kind", "one of " + ModelSpec.KINDS);
        if (!kindField.node.isTextual() || !ModelSpec.KINDS.contains(kindField.node.textValue()))
            throw kindField.fail("must be one of " + ModelSpec.KINDS + ", got " + JsonField.describe(kindField.node));
        String kind = kindField.node.textValue();
        if (ModelSpec.MODULAR_KINDS.contains(kind)) return ModularSpecReader.readModel(f, kind);
        if (ModelSpec.TASK_KINDS.contains(kind)) return TaskSpecReader.readModel(f, kind);
        if (ModelSpec.REPRESENTATION.equals(kind)) return RepresentationSpecReader.readModel(f);
        rejectKeys(f, MODEL_KEYS, TOY_MODEL_KEYS, "toy model '" + kind + "'");
        f.requireObject(TOY_MODEL_KEYS, "an object {\"kind\": ..., \"inputs\": ...}");
        JsonField inputs = f.child("inputs");
        return switch (kind) {
            case "linear", "leaky-relu" -> {
                if (!inputs.present()) throw inputs.fail("missing required key for model '" + kind
                        + "'; expected a whole number in [1, " + MAX_INPUTS + "]");
                yield new ModelSpec(kind, (int) inputs.integer(1, MAX_INPUTS));
            }
            case "two-layer-linear" -> new ModelSpec(kind, fixedInputs(inputs, kind, 1));
            default -> new ModelSpec(kind, fixedInputs(inputs, kind, 2));
        };
    }

    /**
     * Rejects the keys of {@code f} that are known in general ({@code known}) but not used by
     * {@code what} ({@code allowed}), naming what is allowed instead.
     */
    static void rejectKeys(JsonField f, List<String> known, List<String> allowed, String what) {
        for (var it = f.node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (known.contains(key) && !allowed.contains(key))
                throw f.child(key).fail("not used by " + what + "; allowed keys in " + f.displayPath() + " for it: " + allowed);
        }
    }

    private static int fixedInputs(JsonField inputs, String kind, int n) {
        if (inputs.present() && !(inputs.node.isNumber() && inputs.node.doubleValue() == n))
            throw inputs.fail("must be " + n + " for model '" + kind + "' (or left out), got " + JsonField.describe(inputs.node));
        return n;
    }

    private static TestSetSpec readTest(JsonField f, int params, String paramText) {
        f.requireObject(TEST_KEYS, "an object {\"count\": ..., \"teacher\": [...]}");
        int count = (int) f.required("count", "a whole number in [1, " + MAX_TEST_COUNT + "]").integer(1, MAX_TEST_COUNT);
        JsonField stdField = f.child("std");
        double std = stdField.present() ? stdField.number(POSITIVE) : DEFAULT_STD;
        double[] teacher = f.required("teacher", "an array of " + params + " numbers").numbers(params, INIT, paramText);
        JsonField tolField = f.child("accuracyTolerance");
        double tol = tolField.present() ? tolField.number(POSITIVE) : DEFAULT_TOLERANCE;
        return new TestSetSpec(count, std, teacher, tol);
    }

    private static RunSpec readRun(JsonField r, String kind, int params, String paramText) {
        if (r.node.isObject()) {
            for (String key : List.of("seed", "initStd")) {
                JsonField k = r.child(key);
                if (k.present())
                    throw k.fail("only for the modular-addition models " + ModelSpec.MODULAR_KINDS + ", which draw θ₀ at random;"
                            + " a run of toy model '" + kind + "' starts from \"init\"; allowed keys for it: " + TOY_RUN_KEYS);
            }
        }
        r.requireObject(TOY_RUN_KEYS, "a run object {\"label\", \"lr\", \"lambda\", \"steps\", \"init\"}");
        String label = r.required("label", "a non-empty string").text(60);
        double lr = r.required("lr", LR.describe()).number(LR);
        double lambda = r.required("lambda", LAMBDA.describe()).number(LAMBDA);
        long steps = r.required("steps", "a whole number in [1, " + MAX_STEPS + "]").integer(1, MAX_STEPS);
        double[] init = r.required("init", "an array of " + params + " numbers").numbers(params, INIT, paramText);
        JsonField opt = r.child("optimizer");
        OptimizerSpec optimizer = opt.present() ? readOptimizer(opt) : OptimizerSpec.gd();
        return new RunSpec(label, lr, lambda, steps, init, optimizer);
    }

    static OptimizerSpec readOptimizer(JsonField f) {
        OptimizerSpec d = OptimizerSpec.gd();
        if (f.node.isTextual()) {
            String name = f.node.textValue();
            if (!OptimizerSpec.NAMES.contains(name))
                throw f.fail("must be one of " + OptimizerSpec.NAMES + " or an object {\"name\": ...}, got \"" + name + "\"");
            return OptimizerSpec.named(name);
        }
        if (!f.node.isObject())
            throw f.fail("must be one of " + OptimizerSpec.NAMES + " or an object {\"name\": ...}, got " + JsonField.describe(f.node));
        JsonField nameField = f.required("name", "one of " + OptimizerSpec.NAMES);
        if (!nameField.node.isTextual() || !OptimizerSpec.NAMES.contains(nameField.node.textValue()))
            throw nameField.fail("must be one of " + OptimizerSpec.NAMES + ", got " + JsonField.describe(nameField.node));
        String name = nameField.node.textValue();
        List<String> allowed = OPTIMIZER_KEYS.get(name);
        for (var it = f.node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (allowed.contains(key)) continue;
            boolean known = OPTIMIZER_KEYS.values().stream().anyMatch(l -> l.contains(key));
            String hint = known ? null : JsonField.suggestion(key, allowed);
            throw f.child(key).fail((known ? "not used by optimizer '" + name + "'" : "unknown key")
                    + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                    + "; allowed keys for '" + name + "': " + allowed);
        }
        double momentum = f.child("momentum").present() ? f.child("momentum").number(BETA) : d.momentum();
        double beta1 = f.child("beta1").present() ? f.child("beta1").number(BETA) : d.beta1();
        double beta2 = f.child("beta2").present() ? f.child("beta2").number(BETA) : d.beta2();
        double eps = f.child("eps").present() ? f.child("eps").number(POSITIVE) : d.eps();
        double alpha = f.child("alpha").present() ? f.child("alpha").number(BETA) : d.alpha();
        double etaMinus = f.child("etaMinus").present() ? f.child("etaMinus").number(ETA_MINUS) : d.etaMinus();
        double etaPlus = f.child("etaPlus").present() ? f.child("etaPlus").number(ETA_PLUS) : d.etaPlus();
        double stepMin = f.child("stepMin").present() ? f.child("stepMin").number(STEP_MIN) : d.stepMin();
        double stepMax = f.child("stepMax").present() ? f.child("stepMax").number(STEP_MAX) : d.stepMax();
        if (!(stepMax > stepMin)) {
            JsonField blamed = f.child("stepMax").present() ? f.child("stepMax") : f.child("stepMin");
            throw blamed.fail("stepMax must exceed stepMin, got stepMin = " + NumberRange.format(stepMin)
                    + " and stepMax = " + NumberRange.format(stepMax));
        }
        return new OptimizerSpec(name, momentum, beta1, beta2, eps, alpha, etaMinus, etaPlus, stepMin, stepMax);
    }

    /**
     * @param minEvery     the smallest allowed geometryEvery
     * @param defaultEvery geometryEvery when the key is absent
     * @param why          why the minimum is above 1 (shown in the message), or null
     * @param curvatureTarget the curvature cadence wanted when the key is absent (rounded up to a
     *                     multiple of geometryEvery); 0 when the model has no training loss to probe
     */
    static ProbeSpec readProbes(JsonField f, int minEvery, int defaultEvery, String why, int curvatureTarget) {
        f.requireObject(PROBE_KEYS, "an object {\"geometryEvery\": ..., \"historyCap\": ..., \"curvatureEvery\": ...}");
        ProbeSpec d = ProbeSpec.defaults();
        JsonField every = f.child("geometryEvery");
        JsonField cap = f.child("historyCap");
        int e = every.present() ? (int) every.integer(minEvery, MAX_GEOMETRY_EVERY, "must be a whole number in ["
                + minEvery + ", " + MAX_GEOMETRY_EVERY + "]" + (why == null ? "" : " (" + why + ")")) : defaultEvery;
        int c = cap.present() ? (int) cap.integer(MIN_HISTORY_CAP, MAX_HISTORY_CAP) : d.historyCap();
        ProbeSpec probes = new ProbeSpec(e, c);
        JsonField curvature = f.child("curvatureEvery");
        if (!curvature.present()) return probes.withCurvatureEvery(curvatureTarget == 0 ? 0 : probes.alignedCadence(curvatureTarget));
        if (curvatureTarget == 0) {
            curvature.integer(0, 0, "must be 0: this model has no training loss whose Hessian could be probed");
            return probes;
        }
        // Nested cadences, so that the rows history thinning keeps carry both probes.
        String expect = "must be 0 (off), or a divisor or multiple of probes.geometryEvery (" + e + ") in [1, " + MAX_CURVATURE_EVERY + "]";
        int k = (int) curvature.integer(0, MAX_CURVATURE_EVERY, expect);
        if (k > 0 && !ProbeSpec.nested(k, e)) throw curvature.fail(expect + ", got " + k);
        return probes.withCurvatureEvery(k);
    }

    private static ViewSpec readView(JsonField f, List<RunSpec> runs, double[] teacher) {
        boolean logLoss = true;
        double[] plane = null;
        if (f.present()) {
            f.requireObject(VIEW_KEYS, "an object {\"plane\": [xmin, xmax, ymin, ymax], \"logLoss\": true}");
            JsonField logField = f.child("logLoss");
            if (logField.present()) logLoss = logField.bool();
            JsonField planeField = f.child("plane");
            if (planeField.present()) {
                plane = planeField.numbers(4, PLANE, "[xmin, xmax, ymin, ymax] with xmin < xmax and ymin < ymax");
                if (!(plane[0] < plane[1]) || !(plane[2] < plane[3]))
                    throw planeField.fail("must be 4 numbers [xmin, xmax, ymin, ymax] with xmin < xmax and ymin < ymax, got ["
                            + NumberRange.format(plane[0]) + ", " + NumberRange.format(plane[1]) + ", "
                            + NumberRange.format(plane[2]) + ", " + NumberRange.format(plane[3]) + "]");
            }
        }
        if (plane == null) plane = derivePlane(runs, teacher);
        return new ViewSpec(plane, logLoss);
    }

    /**
     * The (θ₁, θ₂) box around all initial points and the teacher, padded by a fifth of its span
     * (at least 1 wide) and rounded outwards to halves; {@link ViewSpec#defaults()} for models
     * with a single parameter.
     */
    static double[] derivePlane(List<RunSpec> runs, double[] teacher) {
        if (teacher.length < 2) return ViewSpec.defaults().plane();
        double xmin = teacher[0], xmax = teacher[0], ymin = teacher[1], ymax = teacher[1];
        for (RunSpec r : runs) {
            double[] p = r.init();
            xmin = Math.min(xmin, p[0]);
            xmax = Math.max(xmax, p[0]);
            ymin = Math.min(ymin, p[1]);
            ymax = Math.max(ymax, p[1]);
        }
        double padX = 0.2 * Math.max(xmax - xmin, 1), padY = 0.2 * Math.max(ymax - ymin, 1);
        return new double[] {
                Math.floor(2 * (xmin - padX)) / 2, Math.ceil(2 * (xmax + padX)) / 2,
                Math.floor(2 * (ymin - padY)) / 2, Math.ceil(2 * (ymax + padY)) / 2};
    }
}
