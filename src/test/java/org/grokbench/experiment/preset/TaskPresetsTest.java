package org.grokbench.experiment.preset;

import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.RunSpec;
import org.grokbench.experiment.preset.MalformedPresetTest.Case;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two-phase presets (generated regression tasks): each loads, builds a task of the stated
 * shape, and carries a λ = 0 twin from the same θ₀; malformed task presets are refused with one
 * line naming the field.
 */
class TaskPresetsTest {
    static final List<String> TWO_PHASE = List.of("twophase-sparse-regression", "twophase-relu-teacher",
            "twophase-matrix-completion", "twophase-lambda-sweep");

    static List<String> ids() { return TWO_PHASE; }

    @ParameterizedTest
    @MethodSource("ids")
    void buildsItsTaskAndHasALambdaZeroTwinFromTheSameStart(String id) {
        ExperimentSpec spec = new PresetLoader(ShippedPresetsTest.FOLDER).resolve(id);
        assertTrue(spec.model().isTask());
        Experiment e = Experiment.build(spec);
        assertEquals(spec.task().samples(), e.trainData().size());
        assertTrue(e.testData().size() > 0);
        RunSpec twin = spec.runs().stream().filter(r -> r.lambda() == 0).findFirst().orElseThrow();
        for (RunSpec r : spec.runs()) {
            double[] theta = e.initialParameters(r);
            assertEquals(e.model().parameterCount(), theta.length);
            assertArrayEquals(e.initialParameters(twin), theta, "same θ₀ as the twin: " + r.label());
        }
        // The runs start far from Z: the first phase has work to do.
        assertTrue(e.newTrainLoss().value(e.initialParameters(twin)) > 1e-2);
    }

    static Case task(String name, java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> edit,
                     String path, String... fragments) throws Exception {
        return MalformedModularPresetTest.tree(name, "twophase-sparse-regression", edit, path, fragments);
    }

    static List<Case> cases() throws Exception {
        List<Case> c = new ArrayList<>();
        c.add(task("no task", r -> r.remove("task"), "task", "required for model 'diagonal-linear'"));
        c.add(task("too many samples", r -> ((com.fasterxml.jackson.databind.node.ObjectNode) r.get("task")).put("samples", 41),
                "task.samples", "[1, 40]", "underdetermined"));
        c.add(task("teacher for the diagonal network", r -> ((com.fasterxml.jackson.databind.node.ObjectNode) r.get("task"))
                .put("teacherHidden", 2), "task.teacherHidden", "not used by model 'diagonal-linear'"));
        c.add(task("drop fraction 1", r -> ((com.fasterxml.jackson.databind.node.ObjectNode) r.get("task")).put("dropFraction", 1),
                "task.dropFraction", "(0, 1)"));
        c.add(task("init given", r -> ((com.fasterxml.jackson.databind.node.ObjectNode) r.get("runs").get(0))
                .putArray("init").add(1), "runs[0].init", "initStd"));
        c.add(task("train given", r -> r.putArray("train"), "train", "generates its training and test samples"));
        c.add(task("size for the diagonal network", r -> ((com.fasterxml.jackson.databind.node.ObjectNode) r.get("model"))
                .put("size", 3), "model.size", "not used by model 'diagonal-linear'"));
        c.add(MalformedModularPresetTest.tree("task on a toy", "fig1-one-plus-one", r -> r.putObject("task").put("samples", 3),
                "task", "only for the regression tasks"));
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejectsWithOneLineNamingTheField(Case c, @TempDir Path tmp) throws Exception {
        MalformedPresetTest.assertRejected(c, tmp);
    }
}
