package org.grokbench.experiment.preset;

import org.grokbench.representation.PhaseDiagram;
import org.grokbench.sweep.SweepException;

import java.util.List;

/**
 * Reads a phase-diagram preset ({@link PhaseDiagramPreset}): the texts every preset has and a
 * {@code "phaseDiagram"} object {@code {"x": "decoderLr=log:1e-5:1e-2:6", "y": "decoderWd=lin:0:10:6",
 * "steps": 3000, "delay": 1000, "seed": 5}}. Axes are checked as the command line checks them, so
 * a preset that loads is a diagram that runs.
 */
final class PhaseDiagramPresetReader {
    static final List<String> TOP_KEYS = List.of("id", "title", "story", "paper", "figure", PhaseDiagramPreset.KEY);
    /** Step budget and delay, as the CLI's --steps and --delay. */
    static final long MAX_STEPS = 1_000_000;

    private PhaseDiagramPresetReader() {}

    /** Whether a preset's top-level object is a phase-diagram preset. */
    static boolean isPhaseDiagram(JsonField root) {
        return root.child(PhaseDiagramPreset.KEY).present();
    }

    static PhaseDiagramPreset read(JsonField root, String expectedId) {
        root.requireObject(TOP_KEYS, "a JSON object (a phase-diagram preset)");
        String id = SpecReader.readId(root, expectedId);
        PresetInfo info = SpecReader.readInfo(root, id);
        JsonField d = root.required(PhaseDiagramPreset.KEY, "an object {\"x\": ..., \"y\": ..., \"steps\": ...}");
        d.requireObject(PhaseDiagramPreset.KEYS, "an object {\"x\": \"decoderLr=log:1e-5:1e-2:6\", \"y\": \"decoderWd=lin:0:10:6\", \"steps\": 3000}");
        String x = axis(d.required("x", "an axis \"PARAM=LIST\" such as \"decoderLr=log:1e-5:1e-2:6\""));
        String y = axis(d.required("y", "an axis \"PARAM=LIST\" such as \"decoderWd=lin:0:10:6\""));
        long steps = d.required("steps", "the step budget per cell, a whole number in [1, " + MAX_STEPS + "]").integer(1, MAX_STEPS);
        JsonField df = d.child("delay"), sf = d.child("seed");
        long delay = df.present() ? df.integer(1, MAX_STEPS) : PhaseDiagramPreset.DEFAULT_DELAY;
        long seed = sf.present() ? sf.integer(Long.MIN_VALUE, Long.MAX_VALUE, "must be a whole number (64-bit)") : PhaseDiagramPreset.DEFAULT_SEED;
        PhaseDiagram.Axis ax = PhaseDiagram.Axis.parse(x), ay = PhaseDiagram.Axis.parse(y);
        if (ax.parameter() == ay.parameter())
            throw d.child("y").fail("must sweep another parameter than x (both sweep " + ax.parameter().key() + ")");
        return new PhaseDiagramPreset(info, x, y, steps, delay, seed);
    }

    private static String axis(JsonField f) {
        String text = f.text(500);
        try {
            PhaseDiagram.Axis.parse(text);
        } catch (SweepException e) {
            throw f.fail(e.getMessage());
        }
        return text;
    }
}
