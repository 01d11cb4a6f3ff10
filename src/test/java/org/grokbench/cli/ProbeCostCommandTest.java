package org.grokbench.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProbeCostCommandTest {
    @Test
    void timesTheRunWithTheProbeOffAndAtEachCadence() {
        Cli.Result r = Cli.run("probe-cost", "fig1-one-plus-one", "--steps", "300", "--every", "1,50", "--reps", "1");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).contains("d = 2") && lines.get(0).contains("one Hessian reading"), r.out());
        assertTrue(lines.get(2).strip().startsWith("off") && lines.get(2).endsWith("1.000x"), r.out());
        assertTrue(lines.get(3).strip().startsWith("every 1 "), r.out());
        assertTrue(lines.get(4).strip().startsWith("every 50 "), r.out());
        assertEquals(5, lines.size(), r.out());
    }

    @Test
    void refusesSimulatedDynamicsAndBadCadences() {
        Cli.Result eq20 = Cli.run("probe-cost", "fig6-simulated-dynamics", "--steps", "2", "--reps", "1");
        assertEquals(ExitCodes.USAGE, eq20.exitCode());
        assertTrue(eq20.err().contains("no training loss"), eq20.err());
        Cli.Result zero = Cli.run("probe-cost", "fig1-one-plus-one", "--every", "0");
        assertEquals(ExitCodes.USAGE, zero.exitCode());
        assertTrue(zero.err().contains("--every must be an integer in [1, 1000000], got 0"), zero.err());
    }
}
