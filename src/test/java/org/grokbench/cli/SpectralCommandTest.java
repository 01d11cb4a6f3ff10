package org.grokbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpectralCommandTest {
    @TempDir
    Path tmp;

    /** Figure 1's toy over 60 steps: one line per run with the four numbers and a forecast, the caveat, and the PNG. */
    @Test
    void printsEveryRunAndWritesTheFigure() throws Exception {
        Cli.Result r = Cli.run("spectral", "fig1-one-plus-one", "--steps", "60", "--out", tmp.toString(),
                "--width", "800", "--height", "500");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("fig1-one-plus-one: finished, trained 60 steps"), r.out());
        assertTrue(lines.get(1).contains("first 60 steps, trend σ = 10 steps"), r.out());
        assertTrue(lines.get(2).contains("activity") && lines.get(2).contains("forecast"), r.out());
        for (int i = 3; i < 6; i++) {
            assertTrue(lines.get(i).strip().startsWith("λ = "), lines.get(i));
            assertTrue(lines.get(i).contains("like runs that"), lines.get(i));
        }
        assertTrue(r.out().contains("not a guarantee"), r.out());
        Path png = tmp.resolve("spectral-signature.png");
        assertTrue(Files.size(png) > 10_000, "figure written");
    }

    @Test
    void badArgumentsNameTheOption() {
        Cli.Result steps = Cli.run("spectral", "fig1-one-plus-one", "--steps", "3");
        assertEquals(ExitCodes.USAGE, steps.exitCode());
        assertTrue(steps.err().contains("--steps must be an integer in [8, 1000000], got 3"), steps.err());
        Cli.Result width = Cli.run("spectral", "fig1-one-plus-one", "--trend-width", "0.2");
        assertEquals(ExitCodes.USAGE, width.exitCode());
        assertTrue(width.err().contains("--trend-width must be 0 or a number in [0.5, 10000], got 0.2"), width.err());
        Cli.Result eq20 = Cli.run("spectral", "fig6-simulated-dynamics");
        assertEquals(ExitCodes.USAGE, eq20.exitCode());
        assertTrue(eq20.err().contains("no training loss"), eq20.err());
    }
}
