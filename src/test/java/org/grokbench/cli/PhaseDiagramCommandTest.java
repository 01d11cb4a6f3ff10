package org.grokbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PhaseDiagramCommandTest {
    @Test
    void tinyGridWritesCsvAndPngAndResumes(@TempDir Path dir) throws Exception {
        String[] args = {"phase-diagram", "--x", "decoderLr=1e-3,1e-2", "--y", "decoderWd=0,1", "--steps", "4",
                "--threads", "2", "--out", dir.toString(), "--width", "600", "--height", "400"};
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("phase diagram: 4 cells (decoderLr × 2, decoderWd × 2), budget 4 steps"), r.out());
        List<String> rows = Files.readAllLines(dir.resolve(PhaseDiagramCommand.CSV_FILE));
        assertEquals(5, rows.size());
        assertTrue(rows.get(0).startsWith("i,j,decoderLr,decoderWd,status,seconds,phase,"), rows.get(0));
        assertTrue(Files.size(dir.resolve(PhaseDiagramCommand.FIGURE_FILE)) > 1000);
        assertTrue(r.out().contains("confusion"), r.out());   // 4 steps cannot fit the training set
        Cli.Result again = Cli.run(args);
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("resuming: 4 cells already done"), again.out());
    }

    @Test
    void badAxisNamesTheParameterAndItsRange(@TempDir Path dir) {
        Cli.Result r = Cli.run("phase-diagram", "--x", "decoderLr=-1,1e-3", "--out", dir.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("--x: decoderLr must be a number in (0, 100]"), r.err());
        Cli.Result d = Cli.run("phase-diagram", "--diagram", "fig9", "--out", dir.toString());
        assertEquals(ExitCodes.USAGE, d.exitCode());
        assertTrue(d.err().contains("--diagram must be fig6b or fig6a"), d.err());
    }

    @Test
    void presetGivesAxesAndBudgetAndOptionsOverrideThem(@TempDir Path dir) throws Exception {
        // App. G's preset: its y axis (initScale) and seed stay, x and the budget are made tiny here
        Cli.Result r = Cli.run("phase-diagram", "--preset", "phase-appg-init-scale", "--x", "decoderLr=1e-3",
                "--steps", "3", "--threads", "1", "--out", dir.toString(), "--no-figures");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("phase diagram: 6 cells (decoderLr × 1, initScale × 6), budget 3 steps"), r.out());
        String csv = Files.readString(dir.resolve(PhaseDiagramCommand.CSV_FILE));
        assertTrue(csv.startsWith("i,j,decoderLr,initScale,"), csv);
        Cli.Result both = Cli.run("phase-diagram", "--preset", "phase-appg-init-scale", "--diagram", "fig6a", "--out", dir.toString());
        assertEquals(ExitCodes.USAGE, both.exitCode());
        assertTrue(both.err().contains("give --preset or --diagram, not both"), both.err());
        Cli.Result wrong = Cli.run("phase-diagram", "--preset", "fig1-one-plus-one", "--out", dir.toString());
        assertEquals(ExitCodes.USAGE, wrong.exitCode(), wrong.err());
        assertTrue(wrong.err().contains("not a phase diagram"), wrong.err());
    }
}
