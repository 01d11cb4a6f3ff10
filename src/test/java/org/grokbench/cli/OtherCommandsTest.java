package org.grokbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OtherCommandsTest {
    @Test
    void presetsListsIdFigureAndTitle() {
        Cli.Result r = Cli.run("presets");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("id"), r.out());
        for (String id : List.of("fig1-one-plus-one", "fig2-three-numbers", "fig3-curved", "fig3-singular",
                "fig3-leaky-relu", "fig4-gradient-orthogonality"))
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(id + " ")), id + " listed:\n" + r.out());
        assertTrue(r.out().contains("Figure 1") && r.out().contains("Grokking 1 + 1 = 2"), r.out());
        int heading = lines.indexOf("phase diagrams (grokbench phase-diagram --preset ID, or the window's Phase diagram tab):");
        assertTrue(heading > 0, r.out());
        assertTrue(lines.get(heading + 1).startsWith("phase-fig6b-decoder-lr-wd "), "phase-diagram presets follow: " + r.out());
    }

    @Test
    void gradientOrthogonalityShowsCosineShrinkingWithDistance(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("orth.csv"), png = dir.resolve("orth.png");
        Cli.Result r = Cli.run("gradient-orthogonality", "--at", "1,1", "--points", "7", "--smallest", "1e-6",
                "--out", csv.toString(), "--figure", png.toString(), "--width", "800", "--height", "500");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(GradientOrthogonalityCommand.CSV_HEADER, lines.get(0));
        assertEquals(8, lines.size());
        double[] dist = new double[7], cos = new double[7], ratio = new double[7];
        for (int i = 0; i < 7; i++) {
            String[] f = lines.get(i + 1).split(",");
            dist[i] = Double.parseDouble(f[1]);
            cos[i] = Double.parseDouble(f[2]);
            ratio[i] = Double.parseDouble(f[3]);
        }
        for (int i = 1; i < 7; i++) {
            assertTrue(dist[i] < dist[i - 1], "approaching Z");
            assertTrue(cos[i] < cos[i - 1], "the gradient turns normal to Z");
        }
        // Theorem 4.14: |cos| / dist tends to a constant
        assertEquals(ratio[5], ratio[6], 1e-3 * ratio[6]);
        assertTrue(cos[6] < 1e-5);
        assertTrue(Files.size(png) > 1000);
        assertTrue(r.out().contains("Theorem 4.14"), r.out());
    }

    @Test
    void windowLookupFallsBackWhenTheClassIsMissing() {
        assertEquals(-1, org.grokbench.Main.openWindow("org.grokbench.ui.NoSuchWindow", new String[0]));
    }
}
