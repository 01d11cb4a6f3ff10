package org.grokbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code grokbench sweep} on a tiny grid of the Figure 1 toy (milliseconds per cell). */
class SweepCommandTest {
    static final String[] TINY = {"sweep", "presets/fig1-one-plus-one.json", "--x", "lambda=0.01,0.2",
            "--y", "lr=0.05,0.1", "--steps", "60", "--spectral-steps", "40", "--threads", "2", "--width", "900",
            "--height", "500"};

    static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void writesTheCsvAndTheHeatmapsAndResumesWithoutRetraining(@TempDir Path dir) throws Exception {
        Cli.Result r = Cli.run(with(TINY, "--out", dir.toString()));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("[4/4] "), r.out());
        assertTrue(r.out().contains("Spearman ρ(val_acc, spectral_energy) = "), r.out());
        List<String> csv = Files.readAllLines(dir.resolve("sweep.csv"));
        assertEquals(5, csv.size());
        assertTrue(csv.get(0).startsWith("i,j,lambda,lr,status,seconds,val_acc,train_acc,train_loss,test_loss,steps,t2,t4,spectral_energy"),
                csv.get(0));
        assertTrue(csv.get(1).startsWith("0,0,0.01,0.05,finished,"), csv.get(1));
        BufferedImage png = ImageIO.read(dir.resolve(SweepCommand.FIGURE_FILE).toFile());
        assertEquals(900, png.getWidth());

        Cli.Result again = Cli.run(with(TINY, "--out", dir.toString()));
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("(resuming: 4 cells already done)"), again.out());
        assertTrue(!again.out().contains("[1/4]"), "no cell is trained again: " + again.out());
        assertEquals(csv, Files.readAllLines(dir.resolve("sweep.csv")));
    }

    @Test
    void badAxesAndAFolderOfAnotherSweepAreUsageErrorsNamingTheField(@TempDir Path dir) {
        Cli.Result r = Cli.run("sweep", "fig1-one-plus-one", "--x", "lr=0,1", "--out", dir.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("--x: lr must be a number in (0, 10], got 0"), r.err());

        r = Cli.run("sweep", "fig1-one-plus-one", "--out", dir.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("--x is required: fig1-one-plus-one has no default sweep grid"), r.err());

        r = Cli.run("sweep", "fig1-one-plus-one", "--x", "hidden=8,16", "--out", dir.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("hidden applies only to the modular-addition presets"), r.err());

        assertEquals(0, Cli.run(with(TINY, "--out", dir.toString(), "--no-figures")).exitCode());
        r = Cli.run("sweep", "presets/fig1-one-plus-one.json", "--x", "lambda=0.01,0.3", "--steps", "60",
                "--out", dir.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("holds a different sweep"), r.err());
    }

    @Test
    void theShippedSweepPresetGivesTheFiveByFiveGridOfTheIssue() {
        org.grokbench.experiment.preset.SweepDefaults d =
                new org.grokbench.experiment.preset.PresetLoader(Path.of("presets")).sweepDefaults("sweep-modular-spectral");
        assertEquals(List.of(1e-5, 3e-5, 1e-4, 3e-4, 1e-3), org.grokbench.sweep.SweepAxis.parse(d.x()).values());
        assertEquals(List.of(0.625, 1.25, 2.5, 5.0, 10.0), org.grokbench.sweep.SweepAxis.parse(d.y()).values());
    }
}
