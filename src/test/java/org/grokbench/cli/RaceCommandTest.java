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

/** {@code grokbench race}: outputs, the printed table, and one-line usage errors. */
class RaceCommandTest {
    @Test
    void writesBothFiguresAndTheFinalDistances(@TempDir Path dir) throws Exception {
        Cli.Result r = Cli.run("race", "--function", "rosenbrock", "--start", "-1.5,2.5", "--lr", "1e-3", "--steps", "1000",
                "--out", dir.toString(), "--width", "480", "--height", "320");
        assertEquals(0, r.exitCode(), r.err());
        List<String> csv = Files.readAllLines(dir.resolve(RaceCommand.CSV));
        assertEquals(RaceCommand.CSV_HEADER, csv.get(0));
        assertEquals(7, csv.size());
        List<String> names = csv.stream().skip(1).map(l -> l.split(",")[0]).toList();
        assertEquals(List.of("sgd", "momentum", "rmsprop", "rprop", "adam", "adamax"), names);
        for (String line : csv.subList(1, 7)) {
            String[] f = line.split(",", -1);
            double fin = Double.parseDouble(f[1]), best = Double.parseDouble(f[2]);
            assertTrue(best <= fin, line);
            assertEquals(fin, Math.hypot(Double.parseDouble(f[3]) - 1, Double.parseDouble(f[4]) - 1), 1e-12, line);
            assertEquals("", f[5], "no divergence: " + line);
        }
        for (String png : List.of(RaceCommand.PATHS_PNG, RaceCommand.DISTANCE_PNG)) {
            BufferedImage img = ImageIO.read(dir.resolve(png).toFile());
            assertEquals(480, img.getWidth());
            assertEquals(320, img.getHeight());
        }
        assertTrue(r.out().contains("log-Rosenbrock") && r.out().contains("adamax") && r.out().contains("η = 0.001"), r.out());
        // the table and the CSV say the same: sgd's final distance
        String sgd = r.out().lines().filter(l -> l.strip().startsWith("sgd")).findFirst().orElseThrow();
        assertEquals(Double.parseDouble(csv.get(1).split(",")[1]), Double.parseDouble(sgd.strip().split("\\s+")[1]), 1e-3);
    }

    @Test
    void withoutOutItOnlyPrints() {
        Cli.Result r = Cli.run("race", "--function", "rastrigin", "--steps", "200");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("log-Rastrigin") && !r.out().contains("wrote"), r.out());
    }

    @Test
    void badArgumentsGiveOneLineNamingTheOption() {
        assertUsage(Cli.run("race", "--function", "sphere"), "--function", "rosenbrock, rastrigin");
        assertUsage(Cli.run("race", "--start", "1"), "--start must be two numbers", "[-100, 100]");
        assertUsage(Cli.run("race", "--start", "1,500"), "--start must be two numbers", "got '1,500'");
        assertUsage(Cli.run("race", "--lr", "0"), "--lr must be a number in (0, 10]");
        assertUsage(Cli.run("race", "--steps", "300000"), "--steps must be an integer in [1, 200000]");
    }

    private static void assertUsage(Cli.Result r, String... fragments) {
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        for (String f : fragments) assertTrue(r.err().contains(f), "'" + f + "' in: " + r.err());
    }
}
