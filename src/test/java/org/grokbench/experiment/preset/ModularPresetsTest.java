package org.grokbench.experiment.preset;

import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.ModularDataSpec;
import org.grokbench.experiment.ModularProblem;
import org.grokbench.experiment.ProbeSpec;
import org.grokbench.experiment.Run;
import org.grokbench.experiment.RunSpec;
import org.grokbench.experiment.RunStatus;
import org.grokbench.experiment.Snapshot;
import org.grokbench.modular.Activation;
import org.grokbench.modular.TwoLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped modular-addition presets and the modular part of the format: shapes, paper settings, defaults. */
class ModularPresetsTest {
    static final PresetLoader LOADER = new PresetLoader(ShippedPresetsTest.FOLDER);

    static List<String> modularIds() { return ShippedPresetsTest.MODULAR; }

    static String minimal(String model, String data, String run) {
        return """
                {"id": "m", "title": "t", "story": "s", "paper": "p", "figure": "f",
                 "model": %s, "data": %s, "runs": [%s]}
                """.formatted(model, data, run);
    }

    @ParameterizedTest
    @MethodSource("modularIds")
    void loadsAsAModularExperimentThatTheEngineBuilds(String id) {
        ExperimentSpec spec = LOADER.resolve(id);
        assertEquals(id, spec.id());
        assertTrue(spec.model().isModular(), spec.model().kind());
        assertTrue(spec.train().isEmpty(), "modular presets have no toy samples");
        assertNull(spec.test(), "modular presets have no toy test set");
        assertNotNull(spec.view());
        ModularDataSpec data = spec.modularData();
        assertNotNull(data);
        Set<String> labels = new HashSet<>();
        for (RunSpec r : spec.runs()) {
            assertEquals(0, r.init().length, "θ₀ is drawn from the run's seed");
            assertTrue(labels.add(r.label()), "duplicate label " + r.label());
        }
        ModularProblem problem = Experiment.build(spec).modular();
        assertNotNull(problem);
        assertEquals(spec.model().modulus(), problem.modulus());
        assertEquals(spec.model().hidden(), problem.hidden());
        int p = problem.modulus();
        int k = "ordered".equals(data.pairs()) ? p * p : p * (p + 1) / 2;
        assertEquals(k, problem.train().size() + problem.test().size());
        assertTrue(problem.train().size() > 0 && problem.test().size() > 0);
        if (spec.model().kind().equals("modular-eq20")) assertTrue(problem.train().size() <= problem.hidden(), "H Hᵀ invertible");
        else assertTrue(spec.probes().geometryEvery() >= 10, "the App. D probe is too costly for every step");
    }

    @Test
    void fig6HasTheSettingsOfSection73() {
        ExperimentSpec spec = LOADER.resolve("fig6-simulated-dynamics");
        assertEquals("modular-eq20", spec.model().kind());
        assertEquals(37, spec.model().modulus());
        assertEquals(512, spec.model().hidden());
        assertEquals("relu", spec.model().activation());
        assertEquals(new ModularDataSpec("unordered", 0.7, 0), spec.modularData());
        ModularProblem problem = Experiment.build(spec).modular();
        assertEquals(492, problem.train().size());
        assertEquals(211, problem.test().size());
        assertEquals(List.of("seed 1", "seed 2", "seed 3", "seed 4", "seed 5"), spec.runs().stream().map(RunSpec::label).toList());
        Set<Long> seeds = new HashSet<>();
        for (RunSpec r : spec.runs()) {
            assertEquals(1e-3, r.lr(), "η");
            assertEquals(5000, r.steps(), "T");
            assertEquals(Math.pow(37, -0.25), r.initStd(), 1e-5, "E ~ N(0, p^-1/2) read as variance p^-1/2");
            assertTrue(seeds.add(r.initSeed()), "five different initializations");
        }
        assertTrue(spec.probes().historyCap() > 5000, "every step of T = 5000 kept");
    }

    @Test
    void fig5HasTheSettingsOfAppendixD() {
        ExperimentSpec spec = LOADER.resolve("fig5-norm-min-direction");
        assertEquals("modular-mlp", spec.model().kind());
        assertEquals(11, spec.model().modulus());
        assertEquals(128, spec.model().hidden());
        assertEquals("relu", spec.model().activation());
        assertEquals("mean", spec.model().reduction(), "PyTorch mse_loss");
        assertEquals(7, spec.modularData().testCount());
        assertEquals("unordered", spec.modularData().pairs());
        assertEquals(5, spec.runs().size());
        for (RunSpec r : spec.runs()) {
            assertEquals(1.0, r.lr());
            assertEquals(TwoLayerNetwork.lambdaFromTorchWeightDecay(1e-4), r.lambda(), 1e-18, "PyTorch weight_decay 1e-4");
            assertEquals("gd", r.optimizer().name(), "full-batch gradient descent, no momentum");
            assertTrue(Double.isNaN(r.initStd()), "PyTorch's default initialization");
        }
        assertEquals(59, Experiment.build(spec).modular().train().size());
    }

    @Test
    void modularDefaults() {
        ExperimentSpec eq20 = new PresetLoader(null).parse(minimal("{\"kind\": \"modular-eq20\", \"modulus\": 7, \"hidden\": 32}",
                "{\"trainFraction\": 0.5}", "{\"label\": \"a\", \"lr\": 0.001, \"steps\": 3, \"seed\": 4}"), "mem");
        assertEquals("relu", eq20.model().activation());
        assertEquals("sum", eq20.model().reduction());
        assertEquals("unordered", eq20.modularData().pairs());
        assertEquals(ProbeSpec.defaults(), eq20.probes());
        assertEquals(0L, eq20.seed());
        RunSpec r = eq20.runs().get(0);
        assertEquals(0.0, r.lambda());
        assertEquals(4L, r.initSeed());
        assertTrue(Double.isNaN(r.initStd()), "NaN = the engine's default std p^-1/2");

        ExperimentSpec mlp = new PresetLoader(null).parse(minimal(
                "{\"kind\": \"modular-mlp\", \"modulus\": 7, \"hidden\": 16, \"reduction\": \"mean\"}",
                "{\"pairs\": \"ordered\", \"testCount\": 9}", "{\"label\": \"a\", \"lr\": 1, \"lambda\": 0, \"steps\": 3, \"seed\": 1}"), "mem");
        assertEquals(100, mlp.probes().geometryEvery(), "the App. D probe is not run every step by default");
        assertEquals(9, mlp.modularData().testCount());
        assertEquals(40 / 49.0, mlp.modularData().trainFraction(), 1e-15, "the fraction in use");
        assertEquals(40, Experiment.build(mlp).modular().train().size());
    }

    @Test
    void initStdIsPassedToEq20() {
        ExperimentSpec spec = new PresetLoader(null).parse(minimal("{\"kind\": \"modular-eq20\", \"modulus\": 5, \"hidden\": 16}",
                "{\"trainFraction\": 0.5}", "{\"label\": \"a\", \"lr\": 0.001, \"steps\": 3, \"seed\": 4, \"initStd\": 0.25}"), "mem");
        assertEquals(0.25, spec.runs().get(0).initStd());
    }

    /**
     * Every activation name of the format runs in the engine (the preset name "linear" is the engine's
     * IDENTITY). Two training pairs, so that H Hᵀ is invertible for every σ.
     */
    @Test
    void everyActivationNameRunsInTheEngine() {
        for (String act : ModularSpecReader.ACTIVATIONS) {
            for (String kind : List.of("modular-mlp", "modular-eq20")) {
                String json = minimal("{\"kind\": \"" + kind + "\", \"modulus\": 5, \"hidden\": 16, \"activation\": \"" + act
                                + "\", \"reduction\": \"sum\"}", "{\"testCount\": 13}",
                        "{\"label\": \"a\", \"lr\": 0.001, \"lambda\": 0, \"steps\": 3, \"seed\": 2}")
                        .replace("\"runs\"", "\"probes\": {\"geometryEvery\": 10}, \"runs\"");
                ExperimentSpec spec = new PresetLoader(null).parse(json, "mem");
                Experiment e = Experiment.build(spec);
                Activation expected = act.equals("linear") ? Activation.IDENTITY : Activation.valueOf(act.toUpperCase());
                assertEquals(expected, e.modular().activation(), act);
                Snapshot s = new Run(e).runBlocking();
                assertEquals(RunStatus.FINISHED, s.status(), kind + " " + act + ": " + s.message());
                assertEquals(3, s.step());
            }
        }
    }

    @Test
    void eq20RankRuleCountsTheTrainingPairsExactly() {
        // p = 7: k = 28 unordered pairs; 16 test pairs leave 12 = d_h training pairs (allowed), 15 leave 13 (refused)
        String model = "{\"kind\": \"modular-eq20\", \"modulus\": 7, \"hidden\": 12}";
        String run = "{\"label\": \"a\", \"lr\": 0.001, \"steps\": 3, \"seed\": 1}";
        assertEquals(16, new PresetLoader(null).parse(minimal(model, "{\"testCount\": 16}", run), "mem").modularData().testCount());
        PresetException e = assertThrows(PresetException.class,
                () -> new PresetLoader(null).parse(minimal(model, "{\"testCount\": 15}", run), "mem"));
        assertEquals("data.testCount", e.fieldPath());
        assertTrue(e.getMessage().contains("13 training pairs") && e.getMessage().contains("use testCount >= 16"), e.getMessage());
    }
}
