package org.grokbench.experiment.preset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.preset.MalformedPresetTest.Case;
import org.grokbench.representation.Composition;
import org.grokbench.representation.ToySpec;
import org.grokbench.representation.ToyTask;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The representation-toy presets (Liu et al. 2022): each loads into a {@link ToySpec} whose seed is
 * the preset's, with an ideal validation bound of 1 (the split can be learned); malformed ones are
 * refused with one line naming the field and its range.
 */
class RepresentationPresetsTest {
    static final List<String> REPRESENTATION = List.of("repr-addition-1d", "repr-addition-2d", "repr-modular-circle", "repr-s3");

    static List<String> ids() { return REPRESENTATION; }

    @ParameterizedTest
    @MethodSource("ids")
    void loadsWithItsSeedAndALearnableSplit(String id) {
        ExperimentSpec spec = new PresetLoader(ShippedPresetsTest.FOLDER).resolve(id);
        assertTrue(spec.model().isRepresentation());
        assertEquals(spec.seed(), spec.representation().seed());
        Experiment e = Experiment.build(spec);
        if (spec.representation().task() == ToyTask.S3) {
            // App. H: matrix embeddings multiplied, no linear ideal model; every validation label occurs in training
            assertEquals(Composition.MATRIX_PRODUCT, e.representation().composition());
            assertNull(e.representation().ideal());
            boolean[] seen = new boolean[ToyTask.S3_ORDER];
            for (int s : e.representation().split().train()) seen[e.representation().table().label(s)] = true;
            for (int s : e.representation().split().validation()) assertTrue(seen[e.representation().table().label(s)]);
        } else {
            assertEquals(1.0, e.representation().ideal().validationAccBar(), 0.0, "no validation sample is out of reach");
        }
        assertEquals(1, spec.runs().size());
        assertEquals(spec.representation().representation().lr(), spec.runs().get(0).lr(), 0.0);
        assertEquals(spec.representation().representation().lambda(), spec.runs().get(0).lambda(), 0.0);
    }

    static Case repr(String name, Consumer<ObjectNode> edit, String path, String... fragments) throws Exception {
        return MalformedModularPresetTest.tree(name, "repr-addition-1d", edit, path, fragments);
    }

    static Case s3(String name, Consumer<ObjectNode> edit, String path, String... fragments) throws Exception {
        return MalformedModularPresetTest.tree(name, "repr-s3", edit, path, fragments);
    }

    static ObjectNode toy(ObjectNode root) { return (ObjectNode) root.get("representation"); }

    static List<Case> cases() throws Exception {
        List<Case> c = new ArrayList<>();
        c.add(repr("p too large", r -> toy(r).put("p", 101), "representation.p", "[2, 100]"));
        c.add(repr("p not whole", r -> toy(r).put("p", 3.5), "representation.p", "[2, 100]"));
        c.add(repr("modular not boolean", r -> toy(r).put("modular", "yes"), "representation.modular", "true or false"));
        c.add(repr("embedding dim 0", r -> toy(r).put("embeddingDim", 0), "representation.embeddingDim", "[1, 64]"));
        c.add(repr("width 0", r -> toy(r).putArray("decoderWidths").add(200).add(0), "representation.decoderWidths[1]",
                "[1, 4096]"));
        c.add(repr("too many layers", r -> {
            var a = toy(r).putArray("decoderWidths");
            for (int i = 0; i < 9; i++) a.add(4);
        }, "representation.decoderWidths", "0 to 8"));
        c.add(repr("too many parameters", r -> toy(r).putArray("decoderWidths").add(4096).add(4096), "representation.decoderWidths",
                "more than 1000000"));
        c.add(repr("output dim", r -> toy(r).put("outputDim", 0), "representation.outputDim", "[1, 4096]"));
        c.add(repr("output dim with classification", r -> toy(r).put("loss", "classification"), "representation.outputDim",
                "not used with \"loss\": \"classification\""));
        c.add(repr("unknown loss", r -> toy(r).put("loss", "hinge"), "representation.loss", "\"regression\"", "\"classification\""));
        c.add(repr("train count", r -> toy(r).put("trainCount", 56), "representation.trainCount", "[1, 55]"));
        c.add(repr("batch above train count", r -> toy(r).put("batchSize", 46), "representation.batchSize", "[1, 45]"));
        c.add(repr("optimizer name", r -> ((ObjectNode) toy(r).get("decoderOptimizer")).put("name", "sgd"),
                "representation.decoderOptimizer.name", "[adam, adamw]"));
        c.add(repr("lr 0", r -> ((ObjectNode) toy(r).get("representationOptimizer")).put("lr", 0),
                "representation.representationOptimizer.lr", "(0, 10]"));
        c.add(repr("lr missing", r -> ((ObjectNode) toy(r).get("representationOptimizer")).remove("lr"),
                "representation.representationOptimizer.lr", "missing required key", "(0, 10]"));
        c.add(repr("negative weight decay", r -> ((ObjectNode) toy(r).get("decoderOptimizer")).put("weightDecay", -1),
                "representation.decoderOptimizer.weightDecay", "[0, 100]"));
        c.add(repr("optimizer typo", r -> ((ObjectNode) toy(r).get("decoderOptimizer")).put("weightdecay", 1),
                "representation.decoderOptimizer.weightdecay", "did you mean 'weightDecay'"));
        c.add(repr("init scale", r -> toy(r).put("initScale", 101), "representation.initScale", "[0, 100]"));
        c.add(repr("decoder init scale", r -> toy(r).put("decoderInitScale", -0.5), "representation.decoderInitScale", "[0, 100]"));
        c.add(repr("delta 0", r -> toy(r).put("delta", 0), "representation.delta", "(0, 10]"));
        c.add(repr("unknown group", r -> toy(r).put("group", "s4"), "representation.group", "\"addition\"", "\"s3\""));
        c.add(repr("p with s3", r -> toy(r).put("group", "s3"), "representation.p", "not used with \"group\": \"s3\""));
        c.add(s3("s3 matrix side", r -> toy(r).put("embeddingDim", 17), "representation.embeddingDim", "[1, 16]", "matrix"));
        c.add(s3("s3 train count", r -> toy(r).put("trainCount", 37), "representation.trainCount", "[1, 36]", "S3"));
        c.add(s3("s3 modular", r -> toy(r).put("modular", true), "representation.modular", "not used with \"group\": \"s3\""));
        c.add(repr("unknown knob", r -> toy(r).put("hidden", 3), "representation.hidden", "unknown key"));
        c.add(repr("two runs", r -> ((com.fasterxml.jackson.databind.node.ArrayNode) r.get("runs")).addObject()
                .put("label", "b").put("steps", 5), "runs", "exactly 1"));
        c.add(repr("lr in the run", r -> ((ObjectNode) r.get("runs").get(0)).put("lr", 0.1), "runs[0].lr",
                "unknown key", "representationOptimizer"));
        c.add(repr("steps", r -> ((ObjectNode) r.get("runs").get(0)).put("steps", 0), "runs[0].steps", "[1, 1000000]"));
        c.add(repr("data given", r -> r.putObject("data").put("trainFraction", 0.5), "data",
                "not allowed for model 'representation'"));
        c.add(repr("modulus on the model", r -> ((ObjectNode) r.get("model")).put("modulus", 7), "model.modulus",
                "not used by model 'representation'"));
        c.add(repr("curvature probe", r -> r.putObject("probes").put("curvatureEvery", 10), "probes.curvatureEvery", "must be 0"));
        c.add(MalformedModularPresetTest.tree("representation on a toy", "fig1-one-plus-one",
                r -> r.putObject("representation").put("p", 5), "representation", "only for model 'representation'"));
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejectsWithOneLineNamingTheField(Case c, @TempDir Path tmp) throws Exception {
        MalformedPresetTest.assertRejected(c, tmp);
    }
}
