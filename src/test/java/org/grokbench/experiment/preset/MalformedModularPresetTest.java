package org.grokbench.experiment.preset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.grokbench.experiment.preset.MalformedPresetTest.Case;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each case breaks a copy of a shipped modular-addition preset (Figure 6: model 'modular-eq20';
 * Figure 5: model 'modular-mlp') or of the Figure 1 toy preset with a modular-only field, saves it
 * as broken.json and checks that loading fails with a one-line message naming the file, the field
 * path and what is allowed.
 */
class MalformedModularPresetTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE = "broken.json";
    static final String EQ20 = "fig6-simulated-dynamics";
    static final String MLP = "fig5-norm-min-direction";

    static ObjectNode base(String id) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(Files.readString(ShippedPresetsTest.FOLDER.resolve(id + ".json")));
        root.put("id", "broken");
        return root;
    }

    static Case tree(String name, String id, Consumer<ObjectNode> edit, String path, String... fragments) throws Exception {
        ObjectNode root = base(id);
        String before = root.toString();
        edit.accept(root);
        if (root.toString().equals(before)) throw new IllegalStateException(name + ": the edit changed nothing");
        return new Case(name, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root), path, List.of(fragments));
    }

    static Case eq20(String name, Consumer<ObjectNode> edit, String path, String... fragments) throws Exception {
        return tree(name, EQ20, edit, path, fragments);
    }

    static Case mlp(String name, Consumer<ObjectNode> edit, String path, String... fragments) throws Exception {
        return tree(name, MLP, edit, path, fragments);
    }

    static ObjectNode run(ObjectNode root, int i) { return (ObjectNode) root.get("runs").get(i); }
    static ObjectNode obj(ObjectNode root, String key) { return (ObjectNode) root.get(key); }

    static List<Case> cases() throws Exception {
        List<Case> c = new ArrayList<>();
        // --- toy-only and modular-only parts
        c.add(eq20("train given", r -> r.putArray("train").addObject().putArray("x").add(1), "train",
                "not allowed for model 'modular-eq20'", "\"data\"", "remove \"train\""));
        c.add(mlp("test given", r -> r.putObject("test").put("count", 10), "test",
                "not allowed for model 'modular-mlp'", "\"trainFraction\" or \"testCount\""));
        c.add(eq20("view given", r -> r.putObject("view").put("logLoss", true), "view",
                "not allowed for model 'modular-eq20'", "no parameter plane"));
        c.add(eq20("inputs given", r -> obj(r, "model").put("inputs", 37), "model.inputs",
                "not used by model 'modular-eq20'", "\"modulus\"", "[kind, modulus, hidden, activation, reduction]"));
        c.add(tree("data for a toy", "fig1-one-plus-one", r -> r.putObject("data").put("trainFraction", 0.5), "data",
                "only for the modular-addition models [modular-mlp, modular-eq20]", "toy model 'linear'"));
        c.add(tree("modulus for a toy", "fig1-one-plus-one", r -> obj(r, "model").put("modulus", 11), "model.modulus",
                "not used by toy model 'linear'", "[kind, inputs]"));
        c.add(tree("seed in a toy run", "fig1-one-plus-one", r -> run(r, 0).put("seed", 3), "runs[0].seed",
                "only for the modular-addition models", "starts from \"init\""));
        // --- model
        c.add(eq20("modulus too big", r -> obj(r, "model").put("modulus", 98), "model.modulus", "[2, 97]", "got 98"));
        c.add(mlp("modulus 1", r -> obj(r, "model").put("modulus", 1), "model.modulus", "[2, 97]", "odd p recommended"));
        c.add(mlp("missing modulus", r -> obj(r, "model").remove("modulus"), "model.modulus", "missing required key", "[2, 97]"));
        c.add(eq20("hidden 0", r -> obj(r, "model").put("hidden", 0), "model.hidden", "[1, 4096]", "d_h"));
        c.add(mlp("hidden too big", r -> obj(r, "model").put("hidden", 5000), "model.hidden", "[1, 4096]", "got 5000"));
        c.add(mlp("unknown activation", r -> obj(r, "model").put("activation", "sigmoid"), "model.activation",
                "[relu, quadratic, tanh, linear]", "\"sigmoid\""));
        c.add(mlp("unknown reduction", r -> obj(r, "model").put("reduction", "avg"), "model.reduction",
                "[sum, mean]", "Eq. (12)"));
        c.add(mlp("missing reduction for the MLP", r -> obj(r, "model").remove("reduction"), "model.reduction",
                "missing required key for model 'modular-mlp'", "\"sum\"", "\"mean\"", "learning rate"));
        // --- data
        c.add(eq20("missing data", r -> r.remove("data"), "data", "missing required key", "trainFraction", "testCount"));
        c.add(eq20("data not an object", r -> r.put("data", 0.7), "data", "must be an object"));
        c.add(eq20("both trainFraction and testCount", r -> obj(r, "data").put("testCount", 100), "data.testCount",
                "not allowed together with data.trainFraction", "exactly one of"));
        c.add(mlp("neither trainFraction nor testCount", r -> obj(r, "data").remove("testCount"), "data",
                "exactly one of \"trainFraction\"", "[1, 65]"));
        c.add(eq20("trainFraction 1", r -> obj(r, "data").put("trainFraction", 1), "data.trainFraction", "(0, 1)", "got 1"));
        c.add(eq20("trainFraction 0", r -> obj(r, "data").put("trainFraction", 0), "data.trainFraction", "(0, 1)"));
        c.add(eq20("trainFraction leaving no training pair", r -> obj(r, "data").put("trainFraction", 0.0005),
                "data.trainFraction", "0 training pairs", "k = 703 unordered pairs for p = 37", "[1, 702]"));
        c.add(mlp("testCount = k", r -> obj(r, "data").put("testCount", 66), "data.testCount",
                "[1, 65]", "k = 66 unordered pairs for p = 11", "got 66"));
        c.add(mlp("testCount 0", r -> obj(r, "data").put("testCount", 0), "data.testCount", "[1, 65]"));
        c.add(mlp("testCount up to p² for ordered pairs", r -> obj(r, "data").put("pairs", "ordered").put("testCount", 121),
                "data.testCount", "[1, 120]", "k = 121 ordered pairs"));
        c.add(mlp("unknown pairs", r -> obj(r, "data").put("pairs", "both"), "data.pairs", "[unordered, ordered]"));
        c.add(mlp("unknown data key", r -> obj(r, "data").put("trainfraction", 0.5), "data.trainfraction",
                "did you mean 'trainFraction'", "[pairs, trainFraction, testCount]"));
        c.add(eq20("more training pairs than hidden units", r -> obj(r, "model").put("hidden", 256), "data.trainFraction",
                "gives 492 training pairs", "at most d_h = 256", "492 × 492", "invertible", "trainFraction <= 0.364",
                "model.hidden >= 492"));
        c.add(eq20("testCount leaving more pairs than hidden units", r -> {
            obj(r, "model").put("hidden", 64);
            obj(r, "data").remove("trainFraction");
            obj(r, "data").put("testCount", 7);
        }, "data.testCount", "gives 696 training pairs", "at most d_h = 64", "use testCount >= 639"));
        c.add(eq20("linear activation needs at most p training pairs", r -> obj(r, "model").put("activation", "linear"),
                "data.trainFraction", "at most p = 37", "H = XE has rank at most p"));
        c.add(mlp("App. D probe too large for one run", r -> {
            obj(r, "model").put("modulus", 97);
            obj(r, "data").remove("testCount");
            obj(r, "data").put("trainFraction", 0.5);
        }, "data.trainFraction", "2377 training pairs", "Gram matrix", "MiB", "at most 119 training pairs at p = 97"));
        c.add(mlp("App. D probes too large for five runs", r -> {
            obj(r, "model").put("modulus", 37);
            obj(r, "data").remove("testCount");
            obj(r, "data").put("trainFraction", 0.3);
        }, "runs", "has 5 runs", "7807² doubles", "use at most 2 runs"));
        // --- runs
        c.add(eq20("init given", r -> run(r, 0).putArray("init").add(0.1), "runs[0].init",
                "not allowed for model 'modular-eq20'", "18944 numbers", "\"seed\""));
        c.add(mlp("init given to the MLP", r -> run(r, 1).putArray("init").add(0.1), "runs[1].init",
                "not allowed for model 'modular-mlp'", "2816 numbers"));
        c.add(eq20("missing run seed", r -> run(r, 2).remove("seed"), "runs[2].seed", "missing required key", "θ₀"));
        c.add(mlp("run seed not whole", r -> run(r, 0).put("seed", 1.5), "runs[0].seed", "whole number"));
        c.add(eq20("initStd 0", r -> run(r, 0).put("initStd", 0), "runs[0].initStd", "> 0"));
        c.add(mlp("initStd for the MLP", r -> run(r, 0).put("initStd", 0.1), "runs[0].initStd",
                "not supported for model 'modular-mlp'", "PyTorch"));
        c.add(eq20("nonzero lambda for Eq. 20", r -> run(r, 0).put("lambda", 0.01), "runs[0].lambda",
                "must be 0 (or left out) for model 'modular-eq20'", "λ → 0"));
        c.add(eq20("optimizer for Eq. 20", r -> run(r, 0).put("optimizer", "adam"), "runs[0].optimizer",
                "not used by model 'modular-eq20'", "E ← E + η ΔE"));
        c.add(mlp("unknown optimizer for the MLP", r -> run(r, 0).put("optimizer", "sgd"), "runs[0].optimizer",
                "[gd, momentum, rmsprop, rprop, adam, adamw, adamax]"));
        c.add(eq20("unknown run key", r -> run(r, 0).put("sed", 1), "runs[0].sed",
                "did you mean 'seed'", "[label, lr, lambda, steps, seed, initStd]"));
        c.add(mlp("duplicate labels", r -> run(r, 1).put("label", "seed 1"), "runs[1].label", "must be unique"));
        // --- probes
        c.add(mlp("geometry probe every step for the MLP", r -> obj(r, "probes").put("geometryEvery", 1),
                "probes.geometryEvery", "[10, 10000]", "App. D", "got 1"));
        c.add(eq20("curvature probe on the Eq. 20 dynamics", r -> obj(r, "probes").put("curvatureEvery", 10),
                "probes.curvatureEvery", "must be 0", "no training loss"));
        c.add(mlp("geometry probe every 9 steps for the MLP", r -> obj(r, "probes").put("geometryEvery", 9),
                "probes.geometryEvery", "[10, 10000]", "649 × 649"));
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRejectedWithFileFieldAndAllowedValues(Case c, @TempDir Path tmp) throws Exception {
        MalformedPresetTest.assertRejected(c, tmp);
    }

    @Test
    void thereAreAtLeastTenDistinctCases() throws Exception {
        List<Case> all = cases();
        assertTrue(all.size() >= 10);
        assertEquals(all.size(), all.stream().map(Case::name).distinct().count());
        assertEquals(all.size(), all.stream().map(Case::text).distinct().count());
    }

    /** The bases themselves load: every case fails because of its own edit. */
    @Test
    void theUnbrokenBasesLoad(@TempDir Path tmp) throws Exception {
        for (String id : List.of(EQ20, MLP)) {
            Path file = tmp.resolve(FILE);
            Files.writeString(file, base(id).toString());
            assertEquals("broken", new PresetLoader(tmp).load(file).id());
        }
    }
}
