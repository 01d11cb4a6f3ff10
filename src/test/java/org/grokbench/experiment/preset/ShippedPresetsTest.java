package org.grokbench.experiment.preset;

import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.RunSpec;
import org.grokbench.experiment.Sample;
import org.grokbench.model.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The presets in ./presets: index, loading from folder and classpath, consistency, framing. */
class ShippedPresetsTest {
    static final Path FOLDER = Path.of("presets");
    static final List<String> TOYS = List.of("fig1-one-plus-one", "fig2-three-numbers", "fig3-curved",
            "fig3-singular", "fig3-leaky-relu", "fig4-gradient-orthogonality");
    static final List<String> MODULAR = List.of("fig6-simulated-dynamics", "fig5-norm-min-direction", "modular-addition-mlp",
            "sweep-modular-spectral");
    static final List<String> EXPECTED = concat(concat(concat(TOYS, MODULAR), TaskPresetsTest.TWO_PHASE),
            RepresentationPresetsTest.REPRESENTATION);

    static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    static List<String> shippedIds() throws Exception {
        return PresetLoader.readIndex(Files.readString(FOLDER.resolve(PresetLoader.INDEX_FILE)), "index.json");
    }

    /** The phase-diagram presets (Liu et al. 2022, Fig. 6 and App. G), listed under "phaseDiagrams". */
    static final List<String> PHASE_DIAGRAMS = List.of("phase-fig6b-decoder-lr-wd", "phase-fig6a-repr-vs-decoder-lr",
            "phase-appg-init-scale");

    static List<String> phaseDiagramIds() throws Exception {
        return PresetLoader.readIndex(Files.readString(FOLDER.resolve(PresetLoader.INDEX_FILE)), "index.json",
                PresetLoader.PHASE_DIAGRAMS_KEY);
    }

    @Test
    void indexListsExactlyThePresetFilesOfTheFolder() throws Exception {
        List<String> index = concat(shippedIds(), phaseDiagramIds());
        assertEquals(new HashSet<>(PresetLoader.folderPresetIds(FOLDER)), new HashSet<>(index),
                "presets/index.json must list every presets/*.json (except itself) and nothing else");
        assertEquals(index.size(), new HashSet<>(index).size());
    }

    @Test
    void phaseDiagramPresetsShipInOrderApartFromTheExperiments() throws Exception {
        assertEquals(PHASE_DIAGRAMS, phaseDiagramIds());
        assertEquals(PHASE_DIAGRAMS, new PresetLoader(FOLDER).phaseDiagramIds());
        assertEquals(PHASE_DIAGRAMS, new PresetLoader(null).phaseDiagramIds(), "the jar lists them too");
        PresetException e = org.junit.jupiter.api.Assertions.assertThrows(PresetException.class,
                () -> new PresetLoader(FOLDER).resolve("phase-fig6b-decoder-lr-wd"));
        assertTrue(e.getMessage().contains("grokbench phase-diagram --preset phase-fig6b-decoder-lr-wd"), e.getMessage());
        PresetException back = org.junit.jupiter.api.Assertions.assertThrows(PresetException.class,
                () -> new PresetLoader(FOLDER).phaseDiagram("fig1-one-plus-one"));
        assertTrue(back.getMessage().contains("not a phase diagram"), back.getMessage());
    }

    /**
     * Each phase-diagram preset runs in the window in minutes (at most 6 × 6 cells of at most 20 000
     * steps, the paper's toy with seed 5; Fig. 6 b needs 20 000 for its grokking band), names its figure, and its story gives the full 11 × 11
     * command, which must itself be a valid diagram.
     */
    @ParameterizedTest
    @MethodSource("phaseDiagramIds")
    void phaseDiagramPresetIsSmallAndItsStoryGivesTheFullCommand(String id) {
        PhaseDiagramPreset p = new PresetLoader(FOLDER).phaseDiagram(id);
        PhaseDiagramPreset cp = new PresetLoader(null).phaseDiagram(id);
        assertEquals(p, cp, "classpath copy equals the folder copy");
        assertEquals(id, p.id());
        assertEquals("effective-theory-of-representation-learning", p.info().paper());
        assertTrue(p.info().figure().contains("Figure 6") || p.info().figure().contains("Appendix G"), p.info().figure());
        org.grokbench.representation.PhaseDiagram d = p.diagram();
        assertEquals(6, d.columns());
        assertEquals(6, d.rows());
        assertTrue(p.steps() <= 20_000, "a budget a laptop runs in minutes");
        assertEquals(1000, p.delay(), "Table 1's delay");
        assertEquals(5, p.seed());
        String story = p.info().story();
        assertFalse(story.contains("\n"), "one paragraph");
        String cmd = "grokbench phase-diagram --preset " + id + " --x ";
        int at = story.indexOf(cmd);
        assertTrue(at >= 0, "the story states the full 11 x 11 command: " + cmd);
        String[] words = story.substring(at + cmd.length()).split(" ");
        org.grokbench.representation.PhaseDiagram full = PhaseDiagramPreset.diagram(words[0], words[2].replaceAll("[^A-Za-z0-9=:.,-]", "").replaceAll("\\.$", ""),
                p.steps(), p.delay(), p.seed());
        assertEquals(d.xParameter(), full.xParameter());
        assertEquals(d.yParameter(), full.yParameter());
        assertEquals(121, full.cellCount(), "the command is the figure's 11 x 11");
    }

    static List<String> toyIds() { return TOYS; }

    static List<String> modularIds() { return MODULAR; }

    @Test
    void toyFiguresThenModularThenTwoPhaseThenRepresentationPresetsShipInDisplayOrder() throws Exception {
        assertEquals(EXPECTED, shippedIds());
        assertEquals(EXPECTED, new PresetLoader(FOLDER).availableIds());
    }

    @ParameterizedTest
    @MethodSource("toyIds")
    void loadsWithConsistentShapes(String id) {
        ExperimentSpec spec = new PresetLoader(FOLDER).resolve(id);
        assertEquals(id, spec.id());
        Model model = spec.model().create();
        int d = model.parameterCount();
        assertFalse(spec.train().isEmpty());
        for (Sample s : spec.train()) {
            assertEquals(model.inputDim(), s.x().length);
            assertEquals(model.outputDim(), s.y().length);
        }
        assertEquals(d, spec.test().teacher().length);
        assertTrue(spec.test().count() > 0 && spec.test().std() > 0 && spec.test().accuracyTolerance() > 0);
        assertFalse(spec.runs().isEmpty());
        assertTrue(spec.runs().size() <= 8);
        Set<String> labels = new HashSet<>();
        for (RunSpec r : spec.runs()) {
            assertEquals(d, r.init().length, r.label());
            assertTrue(labels.add(r.label()), "duplicate label " + r.label());
            assertEquals("gd", r.optimizer().name(), "the paper's toys use plain gradient descent");
        }
        assertEquals(4, spec.view().plane().length);
    }

    @ParameterizedTest
    @MethodSource("toyIds")
    void viewFramesEveryStartAndTheTeacher(String id) {
        ExperimentSpec spec = new PresetLoader(FOLDER).resolve(id);
        double[] p = spec.view().plane();
        for (RunSpec r : spec.runs()) assertInside(p, r.init(), id + " " + r.label());
        assertInside(p, spec.test().teacher(), id + " teacher");
    }

    private static void assertInside(double[] plane, double[] theta, String what) {
        assertTrue(theta[0] > plane[0] && theta[0] < plane[1] && theta[1] > plane[2] && theta[1] < plane[3],
                what + " outside the view plane");
    }

    @ParameterizedTest
    @MethodSource("shippedIds")
    void storyIsOneParagraphCitingThePaperAndOurChoices(String id) {
        ExperimentSpec spec = new PresetLoader(FOLDER).resolve(id);
        if (TaskPresetsTest.TWO_PHASE.contains(id)) {
            assertEquals("riemannian-norm-minimisation", spec.paper());
            assertTrue(spec.figure().startsWith("Synthetic regression"), spec.figure());
        } else if (RepresentationPresetsTest.REPRESENTATION.contains(id)) {
            assertEquals("effective-theory-of-representation-learning", spec.paper());
            assertTrue(spec.figure().startsWith("Figure "), spec.figure());
        } else {
            assertTrue(List.of("geometry-of-grokking", "predicting-grokking-spectral-signature").contains(spec.paper()), spec.paper());
            assertTrue(spec.figure().startsWith("Figure ") || spec.figure().startsWith("Section "), spec.figure());
        }
        assertFalse(spec.story().contains("\n"), "one paragraph");
        assertTrue(spec.story().length() > 400, "a real story");
        assertTrue(spec.story().contains("The paper gives no"),
                "where the paper is silent the story must say which values we chose");
    }

    @ParameterizedTest
    @MethodSource("shippedIds")
    void classpathCopyEqualsTheFolderCopy(String id) {
        ExperimentSpec fromFolder = new PresetLoader(FOLDER).resolve(id);
        ExperimentSpec fromClasspath = new PresetLoader(null).resolve(id);
        assertEquals(fromFolder.title(), fromClasspath.title());
        assertEquals(fromFolder.story(), fromClasspath.story());
        assertEquals(fromFolder.runs().size(), fromClasspath.runs().size());
        for (int i = 0; i < fromFolder.runs().size(); i++)
            assertArrayEquals(fromFolder.runs().get(i).init(), fromClasspath.runs().get(i).init());
        assertArrayEquals(fromFolder.view().plane(), fromClasspath.view().plane());
    }

    @Test
    void fig1MatchesThePaperSettings() {
        ExperimentSpec spec = new PresetLoader(FOLDER).resolve("fig1-one-plus-one");
        assertEquals("linear", spec.model().kind());
        assertEquals(2, spec.model().inputs());
        assertArrayEquals(new double[] {1, 1}, spec.train().get(0).x());
        assertArrayEquals(new double[] {2}, spec.train().get(0).y());
        assertEquals(100, spec.test().count());
        assertArrayEquals(new double[] {1, 1}, spec.test().teacher());
        assertEquals(List.of(0.01, 0.1, 0.2), spec.runs().stream().map(RunSpec::lambda).toList());
        for (RunSpec r : spec.runs()) assertArrayEquals(new double[] {-1, 1}, r.init());
    }
}
