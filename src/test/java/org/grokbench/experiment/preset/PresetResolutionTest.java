package org.grokbench.experiment.preset;

import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.OptimizerSpec;
import org.grokbench.experiment.ProbeSpec;
import org.grokbench.experiment.RunSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Name vs path resolution, the classpath fallback, user folders, listing and defaults. */
class PresetResolutionTest {
    static final Path FOLDER = ShippedPresetsTest.FOLDER;
    static final String FIG1 = "fig1-one-plus-one";

    static String fig1Text() throws Exception {
        return Files.readString(FOLDER.resolve(FIG1 + ".json"));
    }

    static String minimal(String id) {
        return """
                {"id": "%s", "title": "t", "story": "s", "paper": "p", "figure": "f",
                 "model": {"kind": "linear", "inputs": 2},
                 "train": [{"x": [1, 1], "y": [2]}],
                 "test": {"count": 10, "teacher": [1, 1]},
                 "runs": [{"label": "a", "lr": 0.1, "lambda": 0.01, "steps": 10, "init": [-1, 3]}]}
                """.formatted(id);
    }

    @Test
    void nameAndPathGiveTheSameSpec(@TempDir Path tmp) throws Exception {
        PresetLoader loader = new PresetLoader(FOLDER);
        ExperimentSpec byName = loader.resolve(FIG1);
        ExperimentSpec byRelativePath = loader.resolve("presets/" + FIG1 + ".json");
        ExperimentSpec byAbsolutePath = loader.resolve(FOLDER.resolve(FIG1 + ".json").toAbsolutePath().toString());
        ExperimentSpec byLoad = loader.load(FOLDER.resolve(FIG1 + ".json"));
        for (ExperimentSpec s : List.of(byRelativePath, byAbsolutePath, byLoad)) {
            assertEquals(byName.id(), s.id());
            assertEquals(byName.story(), s.story());
            assertEquals(byName.runs().size(), s.runs().size());
            assertArrayEquals(byName.view().plane(), s.view().plane());
        }
        // a bare file name ending in .json is a path (relative to the working directory), not a name
        PresetException e = assertThrows(PresetException.class, () -> loader.resolve(FIG1 + ".json"));
        assertTrue(e.getMessage().contains("file not found"), e.getMessage());
    }

    @Test
    void classpathFallbackWhenTheFolderIsMissing(@TempDir Path tmp) {
        PresetLoader loader = new PresetLoader(tmp.resolve("no-such-folder"));
        assertNull(loader.folder());
        ExperimentSpec spec = loader.resolve(FIG1);
        assertEquals(FIG1, spec.id());
        assertEquals(ShippedPresetsTest.EXPECTED, loader.list().stream().map(PresetInfo::id).toList());
        assertEquals(new PresetLoader(FOLDER).list(), loader.list());
        assertEquals(ShippedPresetsTest.EXPECTED, new PresetLoader(null).availableIds());
    }

    @Test
    void listGivesTitlePaperFigureAndStory() {
        List<PresetInfo> infos = new PresetLoader(FOLDER).list();
        assertEquals(ShippedPresetsTest.EXPECTED, infos.stream().map(PresetInfo::id).toList());
        PresetInfo first = infos.get(0);
        assertEquals("geometry-of-grokking", first.paper());
        assertEquals("Figure 1", first.figure());
        assertFalse(first.title().isBlank());
        assertTrue(first.story().contains("1 + 1 = 2"));
    }

    @Test
    void userFolderOverridesAndExtendsTheShippedPresets(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve(FIG1 + ".json"), fig1Text().replace(
                "\"title\": \"Grokking 1 + 1 = 2 with two weights\"", "\"title\": \"My own 1 + 1\""));
        Files.writeString(tmp.resolve("aaa-mine.json"), minimal("aaa-mine"));
        PresetLoader loader = new PresetLoader(tmp);
        assertEquals("My own 1 + 1", loader.resolve(FIG1).title());
        assertEquals("fig2-three-numbers", loader.resolve("fig2-three-numbers").id()); // not in tmp: from the classpath
        List<String> ids = loader.list().stream().map(PresetInfo::id).toList();
        int n = ShippedPresetsTest.EXPECTED.size();
        assertEquals(n + 1, ids.size());
        assertEquals(ShippedPresetsTest.EXPECTED, ids.subList(0, n), "shipped ones first, in index order");
        assertEquals("aaa-mine", ids.get(n));
        assertEquals("My own 1 + 1", loader.list().get(0).title());
    }

    @Test
    void brokenUserPresetFailsTheListingWithItsFileName(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("zz-broken.json"), minimal("zz-broken").replace("\"lr\": 0.1", "\"lr\": -1"));
        PresetException e = assertThrows(PresetException.class, () -> new PresetLoader(tmp).list());
        assertTrue(e.getMessage().contains(tmp.resolve("zz-broken.json").toString()), e.getMessage());
        assertEquals("runs[0].lr", e.fieldPath());
    }

    @Test
    void oddlyNamedUserFileFailsTheListingWithItsPath(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("My Preset.json");
        Files.writeString(file, minimal("my-preset"));
        PresetException e = assertThrows(PresetException.class, () -> new PresetLoader(tmp).list());
        assertTrue(e.getMessage().startsWith(file + ": id: must equal the file name"), e.getMessage());
    }

    @Test
    void unknownNameNamesWhereItLookedAndListsThePresets(@TempDir Path tmp) {
        PresetException e = assertThrows(PresetException.class, () -> new PresetLoader(FOLDER).resolve("fig9-nothing"));
        String m = e.getMessage();
        assertTrue(m.startsWith("fig9-nothing: "), m);
        assertTrue(m.contains(FOLDER.resolve("fig9-nothing.json").toString()), m);
        assertTrue(m.contains("classpath:/presets/fig9-nothing.json"), m);
        assertTrue(m.contains("available presets: [" + String.join(", ", ShippedPresetsTest.EXPECTED) + "]"), m);
        assertFalse(m.contains("\n"));
    }

    @Test
    void missingFileNamesThePathAndListsThePresets(@TempDir Path tmp) {
        Path file = tmp.resolve("nowhere.json");
        PresetException e = assertThrows(PresetException.class, () -> new PresetLoader(FOLDER).resolve(file.toString()));
        assertTrue(e.getMessage().startsWith(file + ": file not found"), e.getMessage());
        assertTrue(e.getMessage().contains(FIG1), e.getMessage());
        assertEquals(file.toString(), e.source());
    }

    @Test
    void badNamesAreRefused() {
        PresetException e = assertThrows(PresetException.class, () -> new PresetLoader(FOLDER).resolve("Fig 1!"));
        assertTrue(e.getMessage().contains("not a preset name"), e.getMessage());
        assertTrue(e.getMessage().contains(FIG1), e.getMessage());
        assertThrows(PresetException.class, () -> new PresetLoader(FOLDER).resolve(" "));
    }

    @Test
    void parseHasNoFileNameRuleAndUsesTheSourceNameInMessages() {
        PresetLoader loader = new PresetLoader(FOLDER);
        assertEquals("any-id", loader.parse(minimal("any-id"), "clipboard").id());
        PresetException e = assertThrows(PresetException.class,
                () -> loader.parse(minimal("x").replace("\"steps\": 10", "\"steps\": 0"), "clipboard"));
        assertTrue(e.getMessage().startsWith("clipboard: runs[0].steps: "), e.getMessage());
    }

    @Test
    void idMustMatchTheFileNameWhenLoadedFromAFile(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("good-name.json");
        Files.writeString(file, minimal("good-name"));
        assertEquals("good-name", new PresetLoader(tmp).load(file).id());
        assertEquals("good-name", new PresetLoader(tmp).resolve("good-name").id());
    }

    @Test
    void defaultsFillTheOptionalFields() {
        ExperimentSpec spec = new PresetLoader(null).parse(minimal("d"), "mem");
        RunSpec run = spec.runs().get(0);
        assertEquals(OptimizerSpec.gd(), run.optimizer());
        assertEquals(ProbeSpec.defaults().withCurvatureEvery(10), spec.probes(), "toys probe the Hessian every 10 steps by default");
        assertEquals(0L, spec.seed());
        assertEquals(1.0, spec.test().std());
        assertEquals(0.1, spec.test().accuracyTolerance());
        assertTrue(spec.view().logLoss());
        double[] p = spec.view().plane();
        // derived from the init (-1, 3) and the teacher (1, 1), padded
        assertTrue(p[0] < -1 && p[1] > 1 && p[2] < 1 && p[3] > 3, java.util.Arrays.toString(p));
        assertTrue(p[1] - p[0] < 6 && p[3] - p[2] < 6, java.util.Arrays.toString(p));
    }

    @Test
    void viewWithoutPlaneIsDerivedAndLogLossIsKept() {
        ExperimentSpec spec = new PresetLoader(null).parse(minimal("d").replace("\"runs\"",
                "\"view\": {\"logLoss\": false}, \"runs\""), "mem");
        assertFalse(spec.view().logLoss());
        assertEquals(4, spec.view().plane().length);
    }

    @Test
    void fixedInputModelsNeedNoInputsKey() {
        String json = """
                {"id": "p", "title": "t", "story": "s", "paper": "p", "figure": "f",
                 "model": {"kind": "parabola"}, "train": [{"x": [1, 1], "y": [0]}],
                 "test": {"count": 5, "teacher": [0, 0]},
                 "runs": [{"label": "a", "lr": 0.02, "lambda": 0.02, "steps": 10, "init": [1.5, 0.5]}]}
                """;
        assertEquals(2, new PresetLoader(null).parse(json, "mem").model().inputs());
        assertEquals(2, new PresetLoader(null).parse(json.replace("\"parabola\"}", "\"parabola\", \"inputs\": 2}"), "mem")
                .model().inputs());
    }

    @Test
    void optimizerAsNameOrObject() {
        PresetLoader loader = new PresetLoader(null);
        String base = minimal("o");
        OptimizerSpec adam = loader.parse(base.replace("\"init\": [-1, 3]", "\"init\": [-1, 3], \"optimizer\": \"adam\""), "mem")
                .runs().get(0).optimizer();
        assertEquals(new OptimizerSpec("adam", 0.9, 0.9, 0.999, 1e-8), adam);
        OptimizerSpec mom = loader.parse(base.replace("\"init\": [-1, 3]",
                "\"init\": [-1, 3], \"optimizer\": {\"name\": \"momentum\", \"momentum\": 0.5}"), "mem").runs().get(0).optimizer();
        assertEquals("momentum", mom.name());
        assertEquals(0.5, mom.momentum());
        OptimizerSpec adamw = loader.parse(base.replace("\"init\": [-1, 3]",
                "\"init\": [-1, 3], \"optimizer\": {\"name\": \"adamw\", \"beta1\": 0.8, \"beta2\": 0.99, \"eps\": 1e-6}"), "mem")
                .runs().get(0).optimizer();
        assertEquals(new OptimizerSpec("adamw", 0.9, 0.8, 0.99, 1e-6), adamw);
    }

    @Test
    void wholeNumbersMayBeWrittenWithExponents() {
        ExperimentSpec spec = new PresetLoader(null).parse(minimal("w").replace("\"steps\": 10", "\"steps\": 1e6")
                .replace("\"runs\"", "\"seed\": -42, \"runs\""), "mem");
        assertEquals(1_000_000L, spec.runs().get(0).steps());
        assertEquals(-42L, spec.seed());
    }

    @Test
    void invalidUtf8IsReportedByFile(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("bad.json");
        Files.write(file, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});
        PresetException e = assertThrows(PresetException.class, () -> new PresetLoader(tmp).load(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void brokenIndexIsReportedWithItsPath() {
        PresetException e = assertThrows(PresetException.class,
                () -> PresetLoader.readIndex("{\"presets\": [\"a\", \"a\"]}", "presets/index.json"));
        assertEquals("presets[1]", e.fieldPath());
        assertTrue(e.getMessage().startsWith("presets/index.json: presets[1]: must be unique"), e.getMessage());
    }
}
