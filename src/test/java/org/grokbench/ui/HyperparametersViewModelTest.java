package org.grokbench.ui;

import org.grokbench.experiment.Command;
import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.preset.PresetLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Validation and what committing does, without a toolkit. */
class HyperparametersViewModelTest {
    private final List<Command> sent = new ArrayList<>();
    private final List<ExperimentSpec> resets = new ArrayList<>();
    private HyperparametersViewModel vm;

    @BeforeEach
    void setUp() {
        ExperimentSpec spec = new PresetLoader().resolve("fig1-one-plus-one");
        vm = new HyperparametersViewModel(spec, new HyperparametersViewModel.Actions() {
            @Override public void send(Command c) { sent.add(c); }
            @Override public void reset(ExperimentSpec s) { resets.add(s); }
        });
    }

    @Test
    void showsThePresetValues() {
        assertEquals(3, vm.rows().size());
        assertEquals("0.1", vm.rows().get(0).lr().getText());
        assertEquals("0.01", vm.rows().get(0).lambda().getText());
        assertEquals("-1, 1", vm.rows().get(0).init().getText());
        assertEquals("3000", vm.steps().getText());
        assertEquals("0", vm.seed().getText());
    }

    @Test
    void aValidLearningRateIsSentBetweenStepsAndKeptForResets() {
        vm.rows().get(1).lr().setText("0.05");
        assertTrue(vm.rows().get(1).lr().isValid());
        assertTrue(vm.commitLr(1));
        assertEquals(List.of(new Command.SetLearningRate(1, 0.05)), sent);
        assertEquals(0.05, vm.spec().runs().get(1).lr());
        assertEquals(0.1, vm.spec().runs().get(0).lr());
        assertTrue(resets.isEmpty());
    }

    @Test
    void invalidValuesAreMarkedWithTheirRangeAndNeverApplied() {
        for (String bad : new String[] {"abc", "0", "-0.1", "11", "NaN", ""}) {
            vm.rows().get(0).lr().setText(bad);
            assertFalse(vm.rows().get(0).lr().isValid(), bad);
            assertTrue(vm.rows().get(0).lr().errorProperty().get().contains("0 < lr ≤ 10"),
                    vm.rows().get(0).lr().errorProperty().get());
            assertFalse(vm.commitLr(0), bad);
        }
        vm.rows().get(2).lambda().setText("-1");
        assertTrue(vm.rows().get(2).lambda().errorProperty().get().contains("0 ≤ λ ≤ 10"));
        assertFalse(vm.commitLambda(2));
        vm.rows().get(0).init().setText("1, 2, 3");
        assertTrue(vm.rows().get(0).init().errorProperty().get().contains("2 numbers"));
        assertFalse(vm.commitInit(0));
        vm.steps().setText("0");
        assertTrue(vm.steps().errorProperty().get().contains("1 ≤ steps ≤ 10000000"));
        assertFalse(vm.commitSteps());
        vm.seed().setText("1.5");
        assertFalse(vm.commitSeed());
        assertTrue(sent.isEmpty());
        assertTrue(resets.isEmpty());
        assertEquals(0.1, vm.spec().runs().get(0).lr());
    }

    @Test
    void seedStepsAndInitRestartTheRun() {
        vm.seed().setText("7");
        assertTrue(vm.commitSeed());
        vm.steps().setText("1e6");
        assertTrue(vm.commitSteps());
        vm.rows().get(2).init().setText("(0.5, -2)");
        assertTrue(vm.commitInit(2));
        assertEquals(3, resets.size());
        ExperimentSpec last = resets.get(2);
        assertEquals(7, last.seed());
        assertEquals(1_000_000, last.maxSteps());
        assertArrayEquals(new double[] {0.5, -2}, last.runs().get(2).init());
        assertArrayEquals(new double[] {-1, 1}, last.runs().get(0).init());
        assertTrue(sent.isEmpty());
    }

    @Test
    void committingAnUnchangedValueDoesNothing() {
        assertTrue(vm.commitLr(0));
        assertTrue(vm.commitLambda(0));
        assertTrue(vm.commitInit(0));
        assertTrue(vm.commitSeed());
        assertTrue(vm.commitSteps());
        assertTrue(sent.isEmpty());
        assertTrue(resets.isEmpty());
    }

    @Test
    void phasesFollowTheLosses() {
        assertEquals(Phase.BEFORE_MEMORIZATION, Phase.of(1, 2, 0, 0, 4, 4));
        assertEquals(Phase.MEMORIZED, Phase.of(0.03, 2, 0, 0, 4, 4));
        assertEquals(Phase.GENERALIZED, Phase.of(0.03, 0.02, 0, 0.5, 4, 4));
        assertEquals(Phase.GENERALIZED, Phase.of(0.5, 0.5, 1, 0.99, 4, 4));
        assertEquals(null, Phase.of(Double.NaN, 1, 0, 0, 4, 4));
    }

    @Test
    void exportFilesAreNamedAfterPresetPanelAndStep() {
        assertEquals("fig1-one-plus-one_parameter-plane_step000420.png",
                PanelExporter.fileName("fig1-one-plus-one", "parameter-plane", 420));
    }

    @Test
    void logPaceGivesEveryDecadeTheSameTime() {
        assertEquals(WorkbenchViewModel.PACE_MIN_RATE, WorkbenchViewModel.pacedRate(0));
        double r1 = WorkbenchViewModel.pacedRate(1000), r2 = WorkbenchViewModel.pacedRate(10000);
        assertEquals(10, r2 / r1, 1e-9);
        // integrating step' = step·ln10/T from 1000 to 10000 takes T seconds
        assertEquals(WorkbenchViewModel.SECONDS_PER_DECADE, Math.log(10) * 1000 / r1, 1e-9);
    }

    @Test
    void representationRunsEditBothOptimizersAsWeightDecaysAndKeepTheToySpecInStep() {
        ExperimentSpec spec = new PresetLoader().resolve("repr-addition-1d");
        HyperparametersViewModel r = new HyperparametersViewModel(spec, new HyperparametersViewModel.Actions() {
            @Override public void send(Command c) { sent.add(c); }
            @Override public void reset(ExperimentSpec s) { resets.add(s); }
        });
        HyperparametersViewModel.RunRow row = r.rows().get(0);
        assertTrue(row.hasDecoder());
        assertEquals(null, row.init());
        assertEquals("0.001", row.lr().getText());
        assertEquals("0.0001", row.decoderLr().getText());
        row.lambda().setText("0.2");
        assertTrue(r.commitLambda(0));
        row.decoderLr().setText("0.001");
        assertTrue(r.commitDecoderLr(0));
        row.decoderWd().setText("101");
        assertFalse(r.commitDecoderWd(0));
        assertTrue(row.decoderWd().errorProperty().get().contains("0 ≤ decoder wd ≤ 100"), row.decoderWd().errorProperty().get());
        assertEquals(List.of(new Command.SetWeightDecay(0, 0.1), new Command.SetDecoderLearningRate(0, 0.001)), sent,
                "the representation's wd 0.2 is the engine's λ = 0.1");
        assertEquals(0.1, r.spec().runs().get(0).lambda(), 0.0);
        assertEquals(0.2, r.spec().representation().representation().weightDecay(), 0.0);
        assertEquals(0.001, r.spec().representation().decoder().lr(), 0.0);
        assertEquals(spec.seed(), r.spec().representation().seed());
        assertTrue(resets.isEmpty());
    }
}
