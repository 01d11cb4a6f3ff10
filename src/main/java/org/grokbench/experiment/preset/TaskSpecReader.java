package org.grokbench.experiment.preset;

import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.ModelSpec;
import org.grokbench.experiment.OptimizerSpec;
import org.grokbench.experiment.ProbeSpec;
import org.grokbench.experiment.RunSpec;
import org.grokbench.experiment.TaskSpec;
import org.grokbench.experiment.TwoPhaseSpec;
import org.grokbench.experiment.ViewSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the presets of the generated regression tasks (riemannian-norm-minimisation §5, see
 * {@code experiment.RegressionTask}): {@code diagonal-linear}, {@code relu-student} and
 * {@code matrix-completion}. Their data come from a {@code task} object and the seed, their θ₀
 * from each run's {@code seed} and {@code initStd}. The format is documented in presets/README.md.
 */
final class TaskSpecReader {
    static final List<String> TASK_KEYS = List.of("samples", "sparsity", "teacherHidden", "rank", "testCount",
            "accuracyTolerance", "interpolationThreshold", "dropFraction");
    static final List<String> RUN_KEYS = List.of("label", "lr", "lambda", "steps", "seed", "initStd", "optimizer");
    static final int MAX_INPUTS = 1000;
    static final int MAX_HIDDEN = 1000;
    static final int MAX_SIZE = 100;
    static final int MAX_PARAMETERS = 100_000;
    static final int MAX_TEST = 100_000;
    /** The probes project onto Z numerically (an SVD of the k × d Jacobian per iteration): not every step. */
    static final int TASK_GEOMETRY_EVERY = 100;
    static final int TASK_CURVATURE_EVERY = 100;
    static final NumberRange THRESHOLD = NumberRange.openClosed(0, 1);
    static final NumberRange FRACTION = new NumberRange(0, true, 1, true);
    static final NumberRange INIT_STD = NumberRange.openClosed(0, 100);

    private TaskSpecReader() {}

    static List<String> modelKeys(String kind) {
        return switch (kind) {
            case "diagonal-linear" -> List.of("kind", "inputs");
            case "relu-student" -> List.of("kind", "inputs", "hidden");
            default -> List.of("kind", "size", "hidden");
        };
    }

    static ModelSpec readModel(JsonField f, String kind) {
        List<String> allowed = modelKeys(kind);
        SpecReader.rejectKeys(f, SpecReader.MODEL_KEYS, allowed, "model '" + kind + "'");
        f.requireObject(allowed, "an object " + allowed);
        ModelSpec spec = switch (kind) {
            case "diagonal-linear" -> ModelSpec.task(kind, inputs(f, "n of ŷ = ⟨u⊙u − v⊙v, x⟩"), 0);
            case "relu-student" -> ModelSpec.task(kind, inputs(f, "n of ŷ = Σ a_j relu(w_j·x)"),
                    (int) f.required("hidden", "a whole number in [1, " + MAX_HIDDEN + "] (student width m)").integer(1, MAX_HIDDEN));
            default -> ModelSpec.task(kind,
                    (int) f.required("size", "a whole number in [2, " + MAX_SIZE + "] (side s of the s × s matrix)").integer(2, MAX_SIZE),
                    (int) f.required("hidden", "a whole number in [1, " + MAX_SIZE + "] (inner width h of U Vᵀ)").integer(1, MAX_SIZE));
        };
        int d = spec.create().parameterCount();
        if (d > MAX_PARAMETERS)
            throw f.fail("gives " + d + " parameters, more than " + MAX_PARAMETERS + "; use a smaller model");
        return spec;
    }

    private static int inputs(JsonField f, String what) {
        return (int) f.required("inputs", "a whole number in [1, " + MAX_INPUTS + "] (" + what + ")").integer(1, MAX_INPUTS);
    }

    static ExperimentSpec read(JsonField root, String id, String title, String story, String paper, String figure,
                               ModelSpec model) {
        String kind = model.kind();
        for (String key : List.of("train", "test", "view", "data")) {
            JsonField k = root.child(key);
            if (k.present())
                throw k.fail("not allowed for model '" + kind + "': a regression-task preset generates its training and test"
                        + " samples from \"task\" and \"seed\"; remove \"" + key + "\"");
        }
        TaskSpec task = readTask(root.required("task", "an object " + taskKeys(kind) + " (required for model '" + kind + "')"), model);

        List<RunSpec> runs = new ArrayList<>();
        Map<String, String> labels = new HashMap<>();
        for (JsonField r : root.required("runs", "an array of 1 to " + SpecReader.MAX_RUNS + " runs").array(1, SpecReader.MAX_RUNS, "runs")) {
            RunSpec run = readRun(r, kind);
            SpecReader.checkUniqueLabel(labels, run, r);
            runs.add(run);
        }
        long seed = SpecReader.readSeed(root);
        JsonField probesField = root.child("probes");
        ProbeSpec probes = probesField.present()
                ? SpecReader.readProbes(probesField, 1, TASK_GEOMETRY_EVERY, null, TASK_CURVATURE_EVERY)
                : new ProbeSpec(TASK_GEOMETRY_EVERY, ProbeSpec.defaults().historyCap(), TASK_CURVATURE_EVERY);
        return new ExperimentSpec(id, title, story, paper, figure, model, List.of(), null, runs, seed, probes,
                ViewSpec.defaults(), null, task);
    }

    static List<String> taskKeys(String kind) {
        List<String> keys = new ArrayList<>(List.of("samples"));
        switch (kind) {
            case "diagonal-linear" -> keys.addAll(List.of("sparsity", "testCount"));
            case "relu-student" -> keys.addAll(List.of("teacherHidden", "testCount"));
            default -> keys.add("rank");
        }
        keys.addAll(List.of("accuracyTolerance", "interpolationThreshold", "dropFraction"));
        return keys;
    }

    private static TaskSpec readTask(JsonField f, ModelSpec model) {
        String kind = model.kind();
        List<String> allowed = taskKeys(kind);
        SpecReader.rejectKeys(f, TASK_KEYS, allowed, "model '" + kind + "'");
        f.requireObject(allowed, "an object " + allowed);
        int sparsity = 0, teacher = 0, rank = 0, test = 0, samples;
        switch (kind) {
            case "diagonal-linear" -> {
                int n = model.inputs();
                samples = count(f, "samples", 1, n, "training samples; fewer than the " + n + " inputs make the sparse regression underdetermined");
                sparsity = count(f, "sparsity", 1, n, "nonzero entries of the ground truth β*");
                test = count(f, "testCount", 1, MAX_TEST, "held-out samples");
            }
            case "relu-student" -> {
                samples = count(f, "samples", 1, SpecReader.MAX_SAMPLES, "training samples");
                teacher = count(f, "teacherHidden", 1, MAX_HIDDEN, "units of the ReLU teacher");
                test = count(f, "testCount", 1, MAX_TEST, "held-out samples");
            }
            default -> {
                int s = model.inputs();
                rank = count(f, "rank", 1, s, "rank r of the ground-truth matrix");
                samples = count(f, "samples", 1, s * s - 1, "observed entries of the " + s + " × " + s
                        + " matrix; the other entries are the test set, so at most " + (s * s - 1));
            }
        }
        double tol = f.child("accuracyTolerance").present() ? f.child("accuracyTolerance").number(SpecReader.POSITIVE) : SpecReader.DEFAULT_TOLERANCE;
        double threshold = f.child("interpolationThreshold").present() ? f.child("interpolationThreshold").number(THRESHOLD)
                : TwoPhaseSpec.DEFAULT_INTERPOLATION_THRESHOLD;
        double fraction = f.child("dropFraction").present() ? f.child("dropFraction").number(FRACTION)
                : TwoPhaseSpec.DEFAULT_DROP_FRACTION;
        return new TaskSpec(samples, sparsity, teacher, rank, test, tol, new TwoPhaseSpec(threshold, fraction));
    }

    private static int count(JsonField f, String key, int lo, int hi, String what) {
        String expect = "a whole number in [" + lo + ", " + hi + "] (" + what + ")";
        return (int) f.required(key, expect).integer(lo, hi, "must be " + expect);
    }

    private static RunSpec readRun(JsonField r, String kind) {
        if (r.node.isObject() && r.child("init").present())
            throw r.child("init").fail("not allowed for model '" + kind + "': θ₀ is drawn as N(0, initStd²) from the run's"
                    + " \"seed\"; allowed keys for it: " + RUN_KEYS);
        r.requireObject(RUN_KEYS, "a run object {\"label\", \"lr\", \"lambda\", \"steps\", \"seed\", \"initStd\"}");
        String label = r.required("label", "a non-empty string").text(60);
        double lr = r.required("lr", SpecReader.LR.describe()).number(SpecReader.LR);
        double lambda = r.required("lambda", SpecReader.LAMBDA.describe()).number(SpecReader.LAMBDA);
        long steps = r.required("steps", "a whole number in [1, " + SpecReader.MAX_STEPS + "]").integer(1, SpecReader.MAX_STEPS);
        JsonField seedField = r.child("seed");
        long seed = seedField.present() ? seedField.integer(Long.MIN_VALUE, Long.MAX_VALUE, "must be a whole number (a 64-bit integer)") : 0L;
        JsonField stdField = r.child("initStd");
        double std = stdField.present() ? stdField.number(INIT_STD) : Double.NaN;
        JsonField opt = r.child("optimizer");
        OptimizerSpec optimizer = opt.present() ? SpecReader.readOptimizer(opt) : OptimizerSpec.gd();
        return new RunSpec(label, lr, lambda, steps, new double[0], optimizer, seed, std);
    }
}
