package org.grokbench.sweep;

import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.preset.PresetLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepAxisTest {
    @Test
    void explicitListKeepsItsOrderAndReadsAsLogSpacedWhenRatiosAreEven() {
        SweepAxis a = SweepAxis.parse("lambda=1e-5,3e-5,1e-4,3e-4,1e-3");
        assertEquals(SweepParameter.LAMBDA, a.parameter());
        assertEquals(List.of(1e-5, 3e-5, 1e-4, 3e-4, 1e-3), a.values());
        assertTrue(a.logSpaced());
        assertTrue(SweepAxis.parse("lr=0.625,1.25,2.5,5,10").logSpaced());
        assertFalse(SweepAxis.parse("trainFraction=0.1,0.2,0.3,0.4").logSpaced());
    }

    @Test
    void logAndLinearRangesHitTheirEndPointsExactly() {
        SweepAxis log = SweepAxis.parse("LR=log:0.01:1:3");
        assertEquals(3, log.size());
        assertEquals(0.01, log.value(0), 0);
        assertEquals(0.1, log.value(1), 0);
        assertEquals(1, log.value(2), 0);
        assertTrue(log.logSpaced());
        SweepAxis lin = SweepAxis.parse("trainFraction=lin:0.2:0.8:4");
        assertEquals(List.of(0.2, 0.4, 0.6, 0.8), lin.values(), "rounded to 12 significant digits");
        assertFalse(lin.logSpaced());
        assertEquals(List.of(1.0, 3.0, 5.0), SweepAxis.parse("steps=lin:1:5:3").values());
    }

    @Test
    void badAxesNameTheParameterAndWhatIsAllowed() {
        assertMessage("unknown sweep parameter 'eta'; allowed: lr, lambda, seed, steps, trainFraction, hidden",
                () -> SweepAxis.parse("eta=1,2"));
        assertMessage("lr must be a number in (0, 10], got 20", () -> SweepAxis.parse("lr=1,20"));
        assertMessage("lambda must be a number in [0, 10], got 'x' in '1e-3,x'", () -> SweepAxis.parse("lambda=1e-3,x"));
        assertMessage("lambda: log:a:b:n: a and b must be > 0 for a log-spaced axis, got 'log:0:1:3'",
                () -> SweepAxis.parse("lambda=log:0:1:3"));
        assertMessage("lr: log:a:b:n: n must be a whole number in [1, 101], got 0", () -> SweepAxis.parse("lr=log:1:2:0"));
        assertMessage("lr: lin:a:b:n needs exactly a, b and n, got 'lin:1:2'", () -> SweepAxis.parse("lr=lin:1:2"));
        assertMessage("steps must be a whole number in [1, 1000000], got 1.5", () -> SweepAxis.parse("steps=1.5"));
        assertMessage("hidden: lin:1:2:5 rounds to repeated whole numbers; use fewer values",
                () -> SweepAxis.parse("hidden=lin:1:2:5"));
        assertMessage("lr: the list '1,1' repeats a value", () -> SweepAxis.parse("lr=1,1"));
        assertThrows(SweepException.class, () -> SweepAxis.parse("lr"));
        assertThrows(SweepException.class, () -> SweepAxis.parse("lr=1,,2"));
    }

    @Test
    void parametersApplyToTheRunAndRefuseModelsTheyDoNotFit() {
        ExperimentSpec toy = new PresetLoader(Path.of("presets")).resolve("fig1-one-plus-one");
        ExperimentSpec s = SweepParameter.LR.apply(SweepParameter.LAMBDA.apply(toy, 1, 0.3), 1, 0.05);
        assertEquals(0.3, s.runs().get(1).lambda());
        assertEquals(0.05, s.runs().get(1).lr());
        assertEquals(toy.runs().get(0).lr(), s.runs().get(0).lr(), "other runs are untouched");
        assertEquals(77, SweepParameter.SEED.apply(toy, 0, 77).seed());
        assertEquals(10, SweepParameter.STEPS.apply(toy, 0, 10).runs().get(0).steps());
        assertMessage("hidden applies only to the modular-addition presets (model kinds [modular-mlp, modular-eq20]);"
                + " fig1-one-plus-one has model 'linear'", () -> SweepParameter.HIDDEN.apply(toy, 0, 8));

        ExperimentSpec mlp = new PresetLoader(Path.of("presets")).resolve("modular-addition-mlp");
        ExperimentSpec m = SweepParameter.HIDDEN.apply(SweepParameter.TRAIN_FRACTION.apply(mlp, 0, 0.5), 0, 64);
        assertEquals(64, m.model().hidden());
        assertEquals(0.5, m.modularData().trainFraction());
        ExperimentSpec seeded = SweepParameter.SEED.apply(mlp, 0, 5);
        assertEquals(5, seeded.seed());
        assertEquals(5, seeded.runs().get(0).initSeed(), "a drawn θ₀ follows the seed too");
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable e) {
        assertEquals(expected, assertThrows(SweepException.class, e).getMessage());
    }
}
