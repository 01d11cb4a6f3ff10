package org.grokbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ReprCommandTest {
    @Test
    void lambda3SurveyPrintsTheTransitionAndWritesEveryTrial(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("l3.csv");
        Cli.Result r = Cli.run("repr", "--lambda3", "--fractions", "0.2,0.7,1", "--trials", "6", "--out", csv.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(2).strip().startsWith("0.200") && lines.get(2).contains(" 0.000 "), r.out());
        assertTrue(lines.get(4).strip().startsWith("1.000") && lines.get(4).contains(" 1.000 "), r.out());
        assertTrue(r.out().contains("critical fraction r_c = 0.4"), r.out());   // crossing between 0.2 and 0.7
        List<String> rows = Files.readAllLines(csv);
        assertEquals(ReprCommand.LAMBDA3_HEADER, rows.get(0));
        assertEquals(1 + 18, rows.size());
        assertTrue(rows.get(1).startsWith("0.2,11,0,0.0,"), rows.get(1));
        String[] full = rows.get(18).split(",");
        assertEquals("55", full[1]);
        assertEquals(1 / (Double.parseDouble(full[3]) * 1e-3), Double.parseDouble(full[4]), 1e-6);
    }

    @Test
    void linearFractionGridIncludesBothEnds() {
        Cli.Result r = Cli.run("repr", "--lambda3", "--fractions", "lin:0.5:1:3", "--trials", "2");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(2).strip().startsWith("0.500"), r.out());
        assertTrue(lines.get(3).strip().startsWith("0.750"), r.out());
        assertTrue(lines.get(4).strip().startsWith("1.000"), r.out());
    }

    @Test
    void trainingPrintsAccuracyRqiAndThePhase(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("run.csv");
        Cli.Result r = Cli.run("effective-theory", "--steps", "40", "--every", "10", "--widths", "8", "--output-dim", "4",
                "--dec-lr", "1e-3", "--out", csv.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("decoder 1-8-4 tanh"), r.out());
        assertTrue(r.out().contains("ideal model (App. E): nullity 2"), r.out());
        assertTrue(r.out().contains("phase (App. A, budget 40 steps, delay < 1000): "), r.out());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(ReprCommand.HISTORY_HEADER, rows.get(0));
        assertEquals(1 + 5, rows.size());
        assertTrue(rows.get(5).startsWith("40,"), rows.get(5));
        // same seed, same numbers
        Path again = dir.resolve("again.csv");
        Cli.run("repr", "--steps", "40", "--every", "10", "--widths", "8", "--output-dim", "4", "--dec-lr", "1e-3",
                "--out", again.toString());
        assertEquals(rows, Files.readAllLines(again));
    }

    @Test
    void modularClassificationWithTwoDimensionalEmbeddingsRuns() {
        Cli.Result r = Cli.run("repr", "--modular", "--p", "7", "--loss", "classification", "--dim", "2", "--widths", "6,6",
                "--batch", "5", "--steps", "5", "--every", "5");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("addition mod 7 (28 samples): 2D embeddings, decoder 2-6-6-7 tanh, classification"), r.out());
        assertTrue(r.out().contains("|D| = 23, |D'| = 5, batch 5"), r.out());
    }

    @Test
    void badArgumentsNameTheOptionAndItsRange() {
        Cli.Result f = Cli.run("repr", "--lambda3", "--fractions", "lin:0:1:5");
        assertEquals(ExitCodes.USAGE, f.exitCode());
        assertTrue(f.err().contains("--fractions must be lin:A:B:N"), f.err());
        Cli.Result t = Cli.run("repr", "--train", "60", "--steps", "1");
        assertEquals(ExitCodes.USAGE, t.exitCode());
        assertTrue(t.err().contains("--train must be an integer in [1, 55] for p = 10, got 60"), t.err());
        Cli.Result w = Cli.run("repr", "--widths", "200,0");
        assertEquals(ExitCodes.USAGE, w.exitCode());
        assertTrue(w.err().contains("--widths must be an integer in [1, 4096], got 0"), w.err());
        Cli.Result l = Cli.run("repr", "--loss", "hinge");
        assertEquals(ExitCodes.USAGE, l.exitCode());
    }

    @Test
    void figuresAreWrittenAsPngs(@TempDir Path dir) throws Exception {
        Path map = dir.resolve("map.png"), theory = dir.resolve("theory.png"), rate = dir.resolve("rate.png");
        Cli.Result r = Cli.run("repr", "--steps", "30", "--every", "10", "--widths", "8", "--output-dim", "4", "--dim", "2",
                "--grid", "20", "--width", "640", "--height", "400", "--trials", "4", "--fractions", "0.3,0.8",
                "--decoder-map", map.toString(), "--theory", theory.toString(), "--rate-vs-fraction", rate.toString());
        assertEquals(0, r.exitCode(), r.err());
        for (Path png : List.of(map, theory, rate)) {
            java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
            assertEquals(640, img.getWidth(), png.toString());
            assertEquals(400, img.getHeight(), png.toString());
        }
        assertTrue(r.out().contains("RQI > 0.95 at step "), r.out());
        assertTrue(r.out().contains("lambda3 survey: 4 training sets per fraction, critical fraction r_c = "), r.out());
        Cli.Result survey = Cli.run("repr", "--lambda3", "--fractions", "0.3,0.8", "--trials", "4", "--width", "640",
                "--height", "400", "--rate-vs-fraction", dir.resolve("survey.png").toString());
        assertEquals(0, survey.exitCode(), survey.err());
        assertTrue(Files.size(dir.resolve("survey.png")) > 1000);
        Cli.Result bad = Cli.run("repr", "--grid", "1", "--steps", "1");
        assertEquals(ExitCodes.USAGE, bad.exitCode());
        assertTrue(bad.err().contains("--grid must be an integer in [2, 1000], got 1"), bad.err());
    }
}
