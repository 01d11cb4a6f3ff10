package org.grokbench.experiment.preset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each case breaks a copy of the Fig. 6 (b) phase-diagram preset in one way; loading it fails with
 * one line naming the file, the field path and what is allowed.
 */
class MalformedPhaseDiagramPresetTest {
    record Case(String name, String find, String replace, String path, List<String> fragments) {
        @Override public String toString() { return name; }
    }

    static String baseText() throws Exception {
        return Files.readString(ShippedPresetsTest.FOLDER.resolve("phase-fig6b-decoder-lr-wd.json"))
                .replace("\"id\": \"phase-fig6b-decoder-lr-wd\"", "\"id\": \"broken\"");
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(new Case("unknown axis parameter", "\"x\": \"decoderLr=", "\"x\": \"decoderLR2=", "phaseDiagram.x",
                List.of("unknown phase-diagram parameter 'decoderLR2'", "decoderLr, decoderWd, reprLr, reprWd, initScale")));
        c.add(new Case("value out of range", "decoderWd=lin:0:10:6", "decoderWd=lin:0:200:6", "phaseDiagram.y",
                List.of("decoderWd must be a number in [0, 100]", "got 120")));
        c.add(new Case("log axis through zero", "decoderLr=log:1e-5:1e-2:6", "decoderLr=log:0:1e-2:6", "phaseDiagram.x",
                List.of("log:a:b:n needs a, b > 0")));
        c.add(new Case("too many values", "decoderWd=lin:0:10:6", "decoderWd=lin:0:10:500", "phaseDiagram.y",
                List.of("n must be in [1, 101]")));
        c.add(new Case("same parameter twice", "decoderWd=lin:0:10:6", "decoderLr=1e-4,1e-3", "phaseDiagram.y",
                List.of("another parameter than x", "decoderLr")));
        c.add(new Case("zero steps", "\"steps\": 20000", "\"steps\": 0", "phaseDiagram.steps", List.of("[1, 1000000]")));
        c.add(new Case("missing steps", "\"steps\": 20000, ", "", "phaseDiagram.steps", List.of("missing required key", "step budget")));
        c.add(new Case("fractional delay", "\"delay\": 1000", "\"delay\": 10.5", "phaseDiagram.delay", List.of("whole number")));
        c.add(new Case("unknown key", "\"seed\": 5", "\"seeds\": 5", "phaseDiagram.seeds", List.of("unknown key", "did you mean 'seed'")));
        c.add(new Case("axis not a string", "\"x\": \"decoderLr=log:1e-5:1e-2:6\"", "\"x\": 3", "phaseDiagram.x", List.of("non-empty string")));
        c.add(new Case("experiment key in a phase preset", "\"paper\":", "\"runs\": [], \"paper\":", "runs", List.of("unknown key")));
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRejectedWithFileFieldAndAllowedValues(Case c, @TempDir Path tmp) throws Exception {
        String base = baseText(), text = base.replace(c.find(), c.replace());
        assertFalse(text.equals(base), c.name() + ": the edit changed nothing");
        Path file = tmp.resolve("broken.json");
        Files.writeString(file, text);
        for (String key : List.of(file.toString(), "broken")) {
            PresetException e = assertThrows(PresetException.class, () -> new PresetLoader(tmp).phaseDiagram(key));
            String m = e.getMessage();
            assertFalse(m.contains("\n"), "one line: " + m);
            assertEquals(c.path(), e.fieldPath(), m);
            assertTrue(m.startsWith(file + ": " + c.path() + ": "), m);
            for (String f : c.fragments()) assertTrue(m.contains(f), "missing '" + f + "' in: " + m);
        }
    }

    @Test
    void aUsersPhasePresetInTheFolderIsListedAsAPhaseDiagramNotAsAnExperiment(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("my-phase.json"), baseText().replace("\"id\": \"broken\"", "\"id\": \"my-phase\""));
        PresetLoader l = new PresetLoader(tmp);
        assertTrue(l.phaseDiagramIds().contains("my-phase"));
        assertFalse(l.availableIds().contains("my-phase"));
        assertEquals(6, l.phaseDiagram("my-phase").diagram().columns());
        l.list(); // the experiment list still reads: the phase preset is not among them
    }

    @Test
    void theIndexKeepsTheTwoListsApart() {
        PresetException both = assertThrows(PresetException.class, () -> PresetLoader.readIndex(
                "{\"presets\": [\"a\"], \"phaseDiagrams\": [\"b\", \"a\"]}", "presets/index.json", PresetLoader.PHASE_DIAGRAMS_KEY));
        assertTrue(both.getMessage().startsWith("presets/index.json: phaseDiagrams[1]: must be unique"), both.getMessage());
        PresetException key = assertThrows(PresetException.class, () -> PresetLoader.readIndex(
                "{\"presets\": [], \"phaseDiagram\": []}", "presets/index.json"));
        assertTrue(key.getMessage().contains("did you mean 'phaseDiagrams'"), key.getMessage());
        assertEquals(List.of(), PresetLoader.readIndex("{\"presets\": [\"a\"]}", "i", PresetLoader.PHASE_DIAGRAMS_KEY),
                "the phase list is optional");
    }
}
