package org.grokbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@code grokbench repr --group s3}: the permutation group of App. H from the command line. */
class ReprGroupCommandTest {
    @Test
    void s3TrainsMatrixEmbeddingsAndPrintsTheSameReadings(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("s3.csv");
        Cli.Result r = Cli.run("repr", "--group", "s3", "--dim", "2", "--steps", "20", "--every", "10", "--widths", "8",
                "--output-dim", "4", "--out", csv.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("group S3 (6 elements, 36 samples): 2x2 matrix embeddings, decoder 4-8-4 tanh, regression;"
                + " |D| = 24, |D'| = 12, batch 24"), r.out());
        assertTrue(r.out().contains("90 generalized parallelograms"), r.out());
        assertTrue(r.out().contains("init scale 0.1"), r.out());
        assertTrue(r.out().contains("delta 0.5"), r.out());
        assertFalse(r.out().contains("lambda3"), r.out());
        assertTrue(r.out().contains("phase (App. A, budget 20 steps"), r.out());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(ReprCommand.HISTORY_HEADER, rows.get(0));
        assertEquals(1 + 3, rows.size());
        assertTrue(rows.get(3).startsWith("20,") && rows.get(3).endsWith(",NaN"), rows.get(3));
    }

    @Test
    void classificationHasOneLogitPerPermutation() {
        Cli.Result r = Cli.run("repr", "--group", "S3", "--loss", "classification", "--widths", "6", "--train", "30",
                "--steps", "2", "--every", "1");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("3x3 matrix embeddings, decoder 9-6-6 tanh, classification; |D| = 30, |D'| = 6"), r.out());
    }

    @Test
    void additionOnlyOptionsAndOutOfRangeValuesNameTheOption() {
        Cli.Result p = Cli.run("repr", "--group", "s3", "--p", "7", "--steps", "1");
        assertEquals(ExitCodes.USAGE, p.exitCode());
        assertTrue(p.err().contains("--p applies to --group addition only"), p.err());
        Cli.Result m = Cli.run("repr", "--group", "s3", "--lambda3");
        assertEquals(ExitCodes.USAGE, m.exitCode());
        assertTrue(m.err().contains("--lambda3 applies to --group addition only"), m.err());
        Cli.Result dm = Cli.run("repr", "--group", "s3", "--steps", "1", "--decoder-map", "unused.png");
        assertEquals(ExitCodes.USAGE, dm.exitCode());
        assertTrue(dm.err().contains("--decoder-map applies to --group addition only"), dm.err());
        Cli.Result t = Cli.run("repr", "--group", "s3", "--train", "37", "--steps", "1");
        assertEquals(ExitCodes.USAGE, t.exitCode());
        assertTrue(t.err().contains("--train must be an integer in [1, 36] for --group s3, got 37"), t.err());
        Cli.Result d = Cli.run("repr", "--group", "s3", "--dim", "17", "--steps", "1");
        assertEquals(ExitCodes.USAGE, d.exitCode());
        assertTrue(d.err().contains("--dim must be an integer in [1, 16] for --group s3"), d.err());
        Cli.Result g = Cli.run("repr", "--group", "s4");
        assertEquals(ExitCodes.USAGE, g.exitCode());
        assertTrue(g.err().contains("--group"), g.err());
    }

    @Test
    void presetRunsThroughTheRunCommandWithoutIdealBounds(@TempDir Path dir) throws Exception {
        Cli.Result r = Cli.run("run", "repr-s3", "--steps", "20", "--out", dir.resolve("run").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("S3 (App. H): no ideal model bounds"), r.out());
        String summary = Files.readString(dir.resolve("run").resolve("summary.json"));
        assertTrue(summary.contains("\"group\" : \"s3\""), summary);
        assertTrue(summary.contains("\"ideal\" : null"), summary);
    }
}
