package org.grokbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LandscapeCommandTest {
    @TempDir
    Path dir;

    @Test
    void slicesTowardTheFinalPointAndWritesCsvAndPng() throws IOException {
        Cli.Result r = Cli.run("landscape", "fig1-one-plus-one", "--steps", "300", "--at", "5", "--points", "61",
                "--out", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("slice toward θ* (raw) from step 5 to step 300, 61 points"), r.out());
        List<String> csv = Files.readAllLines(dir.resolve("slice.csv"));
        assertEquals("alpha,train_loss,test_loss,train_acc,test_acc", csv.get(0));
        assertEquals(62, csv.size());
        // α = 1 is θ*: Figure 1's λ = 0.01 run sits on the zero-loss line there, so its train loss is tiny
        String atOne = csv.stream().filter(l -> l.startsWith("1.0,")).findFirst().orElseThrow();
        assertTrue(Double.parseDouble(atOne.split(",")[1]) < 1e-3, atOne);
        assertNotBlank(dir.resolve("landscape-slice.png"));
    }

    @Test
    void writesAPlaneAndAStack() throws IOException {
        Cli.Result p = Cli.run("landscape", "fig1-one-plus-one", "--steps", "200", "--at", "end", "--direction", "pca",
                "--points", "11", "--out", dir.resolve("p").toString());
        assertEquals(0, p.exitCode(), p.err());
        assertEquals(1 + 11 * 11, Files.readAllLines(dir.resolve("p/plane.csv")).size());
        assertNotBlank(dir.resolve("p/landscape-plane.png"));
        Cli.Result s = Cli.run("landscape", "fig1-one-plus-one", "--steps", "200", "--stack", "--rows", "5", "--scale", "filter",
                "--points", "21", "--out", dir.resolve("s").toString());
        assertEquals(0, s.exitCode(), s.err());
        assertEquals(1 + 5 * 21, Files.readAllLines(dir.resolve("s/stack.csv")).size());
        assertNotBlank(dir.resolve("s/landscape-stack.png"));
    }

    @Test
    void badArgumentsNameTheOptionAndItsRange() {
        assertUsage(Cli.run("landscape", "fig1-one-plus-one", "--direction", "sideways"), "--direction must be one of final, start, step, random, pca");
        assertUsage(Cli.run("landscape", "fig1-one-plus-one", "--scale", "huge"), "--scale must be raw or filter");
        assertUsage(Cli.run("landscape", "fig1-one-plus-one", "--steps", "100", "--at", "101"), "--at must be 'memorized', 'end' or a step in [0, 100]");
        assertUsage(Cli.run("landscape", "fig1-one-plus-one", "--points", "2"), "--points must be an integer in [3, 2001], got 2");
        assertUsage(Cli.run("landscape", "fig1-one-plus-one", "--2d", "--points", "500"), "--points must be an integer in [3, 301] with --2d");
        assertUsage(Cli.run("landscape", "fig1-one-plus-one", "--run", "9"), "--run must be an integer in [1, 3]");
        assertUsage(Cli.run("landscape", "fig6-simulated-dynamics"), "no training loss");
    }

    private static void assertUsage(Cli.Result r, String part) {
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains(part), r.err());
    }

    private static void assertNotBlank(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1600, img.getWidth());
        int first = img.getRGB(0, 0), differing = 0;
        for (int y = 0; y < img.getHeight(); y += 7) for (int x = 0; x < img.getWidth(); x += 7) if (img.getRGB(x, y) != first) differing++;
        assertTrue(differing > 1000, png + " looks blank");
    }
}
