package org.grokbench.ui;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The race tab's fields: App. I's defaults, and invalid text never becomes a request. */
class RaceViewModelTest {
    @Test
    void defaultsAreTheAppendixSetting() {
        RaceViewModel vm = new RaceViewModel();
        RaceViewModel.Request r = vm.request().orElseThrow();
        assertEquals(RaceViewModel.Function.ROSENBROCK, r.function());
        assertArrayEquals(new double[] {-1.5, 2.5}, r.start());
        assertEquals(1e-3, r.lr());
        assertEquals(10_000, r.steps());
        assertTrue(vm.validBinding().get());
    }

    @Test
    void invalidFieldsNameTheFieldAndItsRange() {
        RaceViewModel vm = new RaceViewModel();
        vm.lr().setText("0");
        assertFalse(vm.validBinding().get());
        assertTrue(vm.request().isEmpty());
        assertEquals("lr: allowed 0 < lr ≤ 10", vm.lr().errorProperty().get());
        vm.lr().setText("0.01");
        vm.steps().setText("300000");
        assertEquals("steps: allowed whole number, 1 ≤ steps ≤ 200000", vm.steps().errorProperty().get());
        vm.steps().setText("500");
        vm.start().setText("1");
        assertTrue(vm.start().errorProperty().get().startsWith("start: allowed 2 numbers"), vm.start().errorProperty().get());
        vm.start().setText("0.5, -2");
        assertTrue(vm.validBinding().get());
        vm.functionProperty().set(RaceViewModel.Function.RASTRIGIN);
        RaceViewModel.Request r = vm.request().orElseThrow();
        assertEquals("rastrigin", r.function().id());
        assertArrayEquals(new double[] {0.5, -2}, r.start());
        assertEquals(500, r.steps());
    }
}
