package org.grokbench.experiment.preset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each case breaks a copy of the Figure 1 preset in one way, saves it as broken.json and checks
 * that loading it fails with a one-line message naming the file, the field path and what is
 * allowed.
 */
class MalformedPresetTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE = "broken.json";

    /** One way to break the preset: the file text, the field path and fragments of the allowed values. */
    record Case(String name, String text, String path, List<String> fragments) {
        @Override public String toString() { return name; }
    }

    /** The Figure 1 preset renamed to match broken.json, as it is written on disk. */
    static String baseText() throws Exception {
        String text = Files.readString(ShippedPresetsTest.FOLDER.resolve("fig1-one-plus-one.json"));
        String renamed = text.replace("\"id\": \"fig1-one-plus-one\"", "\"id\": \"broken\"");
        if (renamed.equals(text)) throw new IllegalStateException("fig1 preset changed its id line");
        return renamed;
    }

    static Case raw(String name, UnaryOperator<String> edit, String path, String... fragments) throws Exception {
        String base = baseText();
        String text = edit.apply(base);
        if (text.equals(base)) throw new IllegalStateException(name + ": the edit changed nothing");
        return new Case(name, text, path, List.of(fragments));
    }

    static Case tree(String name, Consumer<ObjectNode> edit, String path, String... fragments) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(baseText());
        edit.accept(root);
        return new Case(name, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root), path, List.of(fragments));
    }

    static ObjectNode run(ObjectNode root, int i) { return (ObjectNode) root.get("runs").get(i); }
    static ObjectNode obj(ObjectNode root, String key) { return (ObjectNode) root.get(key); }

    static List<Case> cases() throws Exception {
        List<Case> c = new ArrayList<>();
        // --- JSON syntax and non-finite numbers (edited as text)
        c.add(raw("missing comma", t -> t.replace("\"lambda\": 0.2, \"steps\"", "\"lambda\": 0.2 \"steps\""),
                "runs[2].lambda", "invalid JSON", "line 13, column"));
        c.add(raw("NaN", t -> t.replace("\"lambda\": 0.2,", "\"lambda\": NaN,"), "runs[2].lambda", "[0, 10]", "NaN"));
        c.add(raw("Infinity", t -> t.replace("\"lr\": 0.1, \"lambda\": 0.01", "\"lr\": Infinity, \"lambda\": 0.01"),
                "runs[0].lr", "(0, 10]", "Infinity"));
        c.add(raw("overflowing number", t -> t.replace("\"lr\": 0.1, \"lambda\": 0.01", "\"lr\": 1e999, \"lambda\": 0.01"),
                "runs[0].lr", "(0, 10]", "not allowed"));
        c.add(raw("duplicate key", t -> t.replace("\"seed\": 0,", "\"seed\": 0, \"seed\": 1,"), "seed", "duplicate key 'seed'"));
        c.add(raw("trailing content", t -> t + "\n{}\n", JsonField.TOP, "exactly one JSON object"));
        c.add(raw("empty file", t -> "", JsonField.TOP, "expected a JSON object"));
        c.add(raw("top level is an array", t -> "[" + t + "]", JsonField.TOP, "must be a JSON object"));
        // --- wrong types
        c.add(tree("lr as a string", r -> run(r, 0).put("lr", "0.1"), "runs[0].lr", "(0, 10]", "the string \"0.1\""));
        c.add(tree("seed as a string", r -> r.put("seed", "0"), "seed", "whole number"));
        c.add(tree("seed not an integer", r -> r.put("seed", 1.5), "seed", "whole number", "1.5"));
        c.add(tree("steps not an integer", r -> run(r, 0).put("steps", 2.5), "runs[0].steps", "whole number in [1, 1000000]"));
        c.add(tree("logLoss not a boolean", r -> obj(r, "view").put("logLoss", "yes"), "view.logLoss", "true or false"));
        c.add(tree("runs not an array", r -> r.putObject("runs"), "runs", "array of 1 to 8 runs"));
        c.add(tree("model not an object", r -> r.put("model", "linear"), "model", "an object"));
        c.add(tree("init element a string", r -> ((ArrayNode) run(r, 1).get("init")).set(1, "1"), "runs[1].init[1]", "[-1000, 1000]"));
        c.add(tree("empty title", r -> r.put("title", "  "), "title", "non-empty string"));
        // --- unknown and missing keys
        c.add(tree("unknown top-level key", r -> { r.remove("seed"); r.put("seeed", 0); }, "seeed",
                "unknown key", "did you mean 'seed'", "allowed keys in (top level): [id, title, story"));
        c.add(tree("unknown run key", r -> { run(r, 0).remove("lambda"); run(r, 0).put("lamda", 0.01); }, "runs[0].lamda",
                "did you mean 'lambda'", "[label, lr, lambda, steps, init, optimizer]"));
        c.add(tree("unknown probes key", r -> obj(r, "probes").put("every", 5), "probes.every", "[geometryEvery, historyCap, curvatureEvery]"));
        c.add(tree("missing title", r -> r.remove("title"), "title", "missing required key", "non-empty string"));
        c.add(tree("missing lr", r -> run(r, 0).remove("lr"), "runs[0].lr", "missing required key", "(0, 10]"));
        c.add(tree("missing teacher", r -> obj(r, "test").remove("teacher"), "test.teacher", "missing required key"));
        c.add(tree("missing inputs for linear", r -> obj(r, "model").remove("inputs"), "model.inputs", "[1, 100]"));
        // --- ranges
        c.add(tree("lambda too big", r -> run(r, 1).put("lambda", 12), "runs[1].lambda", "[0, 10]", "got 12"));
        c.add(tree("negative lambda", r -> run(r, 1).put("lambda", -0.1), "runs[1].lambda", "[0, 10]"));
        c.add(tree("zero lr", r -> run(r, 0).put("lr", 0), "runs[0].lr", "(0, 10]"));
        c.add(tree("lr too big", r -> run(r, 2).put("lr", 10.5), "runs[2].lr", "(0, 10]"));
        c.add(tree("zero steps", r -> run(r, 0).put("steps", 0), "runs[0].steps", "[1, 1000000]"));
        c.add(tree("too many steps", r -> run(r, 0).put("steps", 1e7), "runs[0].steps", "[1, 1000000]"));
        c.add(tree("geometryEvery 0", r -> obj(r, "probes").put("geometryEvery", 0), "probes.geometryEvery", "[1, 10000]"));
        c.add(tree("curvatureEvery negative", r -> obj(r, "probes").put("curvatureEvery", -1),
                "probes.curvatureEvery", "divisor or multiple of probes.geometryEvery", "got -1"));
        c.add(tree("curvatureEvery neither divides nor is a multiple of geometryEvery", r -> obj(r, "probes").put("geometryEvery", 4).put("curvatureEvery", 10),
                "probes.curvatureEvery", "divisor or multiple of probes.geometryEvery (4)", "got 10"));
        c.add(tree("historyCap too small", r -> obj(r, "probes").put("historyCap", 999), "probes.historyCap", "[1000, 1000000]"));
        c.add(tree("test count 0", r -> obj(r, "test").put("count", 0), "test.count", "[1, 100000]"));
        c.add(tree("test count too big", r -> obj(r, "test").put("count", 100_001), "test.count", "[1, 100000]"));
        c.add(tree("zero std", r -> obj(r, "test").put("std", 0), "test.std", "> 0"));
        c.add(tree("negative tolerance", r -> obj(r, "test").put("accuracyTolerance", -0.1), "test.accuracyTolerance", "> 0"));
        c.add(tree("init out of range", r -> ((ArrayNode) run(r, 0).get("init")).set(0, 5000), "runs[0].init[0]", "[-1000, 1000]"));
        // --- array lengths
        c.add(tree("init too long", r -> ((ArrayNode) run(r, 0).get("init")).add(0), "runs[0].init",
                "exactly 2 numbers", "[w1, w2]", "got an array of 3"));
        c.add(tree("x too long", r -> ((ArrayNode) r.get("train").get(0).get("x")).add(1), "train[0].x",
                "exactly 2 numbers", "one per input"));
        c.add(tree("y too long", r -> ((ArrayNode) r.get("train").get(0).get("y")).add(1), "train[0].y",
                "exactly 1 number", "one per output"));
        c.add(tree("teacher too short", r -> ((ArrayNode) obj(r, "test").get("teacher")).remove(1), "test.teacher",
                "exactly 2 numbers", "one per parameter"));
        c.add(tree("plane of 3 numbers", r -> ((ArrayNode) obj(r, "view").get("plane")).remove(3), "view.plane",
                "exactly 4 numbers", "xmin < xmax"));
        c.add(tree("plane with xmin > xmax", r -> ((ArrayNode) obj(r, "view").get("plane")).set(0, 3), "view.plane",
                "xmin < xmax and ymin < ymax", "got [3, 2.5, -0.5, 2.5]"));
        c.add(tree("no training samples", r -> r.putArray("train"), "train", "1 to 10000", "an empty array"));
        c.add(tree("no runs", r -> r.putArray("runs"), "runs", "1 to 8 runs", "an empty array"));
        c.add(tree("nine runs", r -> {
            ArrayNode runs = (ArrayNode) r.get("runs");
            for (int i = 3; i < 9; i++) runs.add(run(r, 0).deepCopy().put("label", "run " + i));
        }, "runs", "1 to 8 runs", "an array of 9"));
        // --- names
        c.add(tree("unknown model kind", r -> obj(r, "model").put("kind", "mlp"), "model.kind",
                "[linear, two-layer-linear, leaky-relu, parabola, modular-mlp, modular-eq20, diagonal-linear, relu-student, matrix-completion, representation]", "\"mlp\""));
        c.add(tree("wrong inputs for two-layer-linear", r -> obj(r, "model").put("kind", "two-layer-linear"), "model.inputs",
                "must be 1 for model 'two-layer-linear'"));
        c.add(tree("unknown optimizer name", r -> run(r, 0).put("optimizer", "sgd"), "runs[0].optimizer",
                "[gd, momentum, rmsprop, rprop, adam, adamw, adamax]", "\"sgd\""));
        c.add(tree("unknown optimizer in object", r -> run(r, 0).putObject("optimizer").put("name", "adagrad"),
                "runs[0].optimizer.name", "[gd, momentum, rmsprop, rprop, adam, adamw, adamax]"));
        c.add(tree("rmsprop alpha of 1", r -> run(r, 0).putObject("optimizer").put("name", "rmsprop").put("alpha", 1.0),
                "runs[0].optimizer.alpha", "[0, 1)"));
        c.add(tree("rprop etaPlus of 1", r -> run(r, 0).putObject("optimizer").put("name", "rprop").put("etaPlus", 1.0),
                "runs[0].optimizer.etaPlus", "(1, 10]"));
        c.add(tree("rprop etaMinus of 1", r -> run(r, 0).putObject("optimizer").put("name", "rprop").put("etaMinus", 1),
                "runs[0].optimizer.etaMinus", "(0, 1)"));
        c.add(tree("rprop stepMax below stepMin", r -> run(r, 0).putObject("optimizer").put("name", "rprop")
                        .put("stepMin", 0.1).put("stepMax", 0.01), "runs[0].optimizer.stepMax",
                "stepMax must exceed stepMin", "0.1", "0.01"));
        c.add(tree("beta1 given to rprop", r -> run(r, 0).putObject("optimizer").put("name", "rprop").put("beta1", 0.9),
                "runs[0].optimizer.beta1", "not used by optimizer 'rprop'",
                "allowed keys for 'rprop': [name, etaMinus, etaPlus, stepMin, stepMax]"));
        c.add(tree("adamax beta2 of 1", r -> run(r, 1).putObject("optimizer").put("name", "adamax").put("beta2", 1),
                "runs[1].optimizer.beta2", "[0, 1)"));
        c.add(tree("momentum of 1", r -> run(r, 0).putObject("optimizer").put("name", "momentum").put("momentum", 1.0),
                "runs[0].optimizer.momentum", "[0, 1)"));
        c.add(tree("beta2 of 1", r -> run(r, 1).putObject("optimizer").put("name", "adam").put("beta2", 1),
                "runs[1].optimizer.beta2", "[0, 1)"));
        c.add(tree("eps of 0", r -> run(r, 1).putObject("optimizer").put("name", "adamw").put("eps", 0),
                "runs[1].optimizer.eps", "> 0"));
        c.add(tree("momentum given to gd", r -> run(r, 0).putObject("optimizer").put("name", "gd").put("momentum", 0.9),
                "runs[0].optimizer.momentum", "not used by optimizer 'gd'", "allowed keys for 'gd': [name]"));
        c.add(tree("duplicate labels", r -> run(r, 1).put("label", "λ = 0.01"), "runs[1].label",
                "must be unique", "also used by runs[0]"));
        c.add(tree("id differs from file name", r -> r.put("id", "fig1-one-plus-one"), "id",
                "must equal the file name", "\"broken\""));
        c.add(tree("malformed id", r -> r.put("id", "Broken File"), "id", "lowercase letters, digits"));
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRejectedWithFileFieldAndAllowedValues(Case c, @TempDir Path tmp) throws Exception {
        assertRejected(c, tmp);
    }

    /** Loading the case's text from a file in {@code tmp} fails with one line naming file, field and allowed values. */
    static void assertRejected(Case c, Path tmp) throws Exception {
        Path file = tmp.resolve(FILE);
        Files.writeString(file, c.text());
        PresetException e = assertThrows(PresetException.class, () -> new PresetLoader(tmp).load(file));
        String m = e.getMessage();
        assertNotNull(m);
        assertFalse(m.contains("\n") || m.contains("\r"), "one line: " + m);
        assertEquals(file.toString(), e.source());
        assertEquals(c.path(), e.fieldPath(), m);
        assertTrue(m.startsWith(file + ": " + c.path() + ": "), m);
        for (String f : c.fragments()) assertTrue(m.contains(f), "missing '" + f + "' in: " + m);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resolveByPathReportsTheSame(Case c, @TempDir Path tmp) throws Exception {
        Path file = tmp.resolve(FILE);
        Files.writeString(file, c.text());
        PresetException byLoad = assertThrows(PresetException.class, () -> new PresetLoader(tmp).load(file));
        PresetException byName = assertThrows(PresetException.class, () -> new PresetLoader(tmp).resolve("broken"));
        assertEquals(byLoad.getMessage(), byName.getMessage());
    }

    @org.junit.jupiter.api.Test
    void thereAreAtLeastTwentyDistinctCases() throws Exception {
        List<Case> all = cases();
        assertTrue(all.size() >= 20);
        assertEquals(all.size(), all.stream().map(Case::name).distinct().count());
        assertEquals(all.size(), all.stream().map(Case::text).distinct().count());
    }
}
