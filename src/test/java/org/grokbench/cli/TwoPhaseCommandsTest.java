package org.grokbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code drop-times} and {@code slow-flow} on a tiny sparse-regression preset, and their usage errors. */
class TwoPhaseCommandsTest {
    static final String TINY = """
            {"id": "tiny", "title": "Tiny sparse regression", "story": "s", "paper": "riemannian-norm-minimisation",
             "figure": "Synthetic regression tasks: test",
             "model": {"kind": "diagonal-linear", "inputs": 12},
             "task": {"samples": 6, "sparsity": 1, "testCount": 100, "interpolationThreshold": 1e-3},
             "runs": [{"label": "λ = 0.01", "lr": 0.01, "lambda": 0.01, "steps": 6000, "seed": 3, "initStd": 0.5},
                      {"label": "λ = 0", "lr": 0.01, "lambda": 0, "steps": 6000, "seed": 3, "initStd": 0.5}],
             "seed": 5}
            """;

    static Path tiny(Path dir) throws Exception {
        Path f = dir.resolve("tiny.json");
        Files.writeString(f, TINY);
        return f;
    }

    @Test
    void dropTimesPrintsTheTableAndSlopeAndWritesCsvAndPng(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("dt");
        Cli.Result r = Cli.run("drop-times", tiny(tmp).toString(), "--lambdas", "log:0.005:0.02:3", "--out", out.toString(),
                "--width", "640", "--height", "400");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err() + r.out());
        assertTrue(r.out().contains("fitted slope of log(t_drop − t_int) vs log(1/λ): 0.9") || r.out().contains("vs log(1/λ): 1.0"), r.out());
        List<String> csv = Files.readAllLines(out.resolve("drop-times.csv"));
        assertEquals(4, csv.size());
        assertTrue(csv.get(0).startsWith("lambda,inverse_lambda,t_int,plateau,t_drop"));
        assertTrue(Files.size(out.resolve("drop-times.png")) > 1000);
    }

    @Test
    void slowFlowReportsTheDistanceAndWritesCsvAndPng(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("sf");
        Cli.Result r = Cli.run("slow-flow", tiny(tmp).toString(), "--every", "100", "--out", out.toString(),
                "--width", "640", "--height", "400");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err() + r.out());
        assertTrue(r.out().contains("‖θ_run − θ_flow‖: max"), r.out());
        List<String> csv = Files.readAllLines(out.resolve("slow-flow.csv"));
        assertTrue(csv.size() > 10);
        assertTrue(csv.get(0).endsWith(",pc1,pc2,flow_pc1,flow_pc2"), csv.get(0));
        String[] last = csv.get(csv.size() - 1).split(",");
        assertEquals(13, last.length);
        assertEquals(0, Double.parseDouble(last[9]), 0, "the run's path ends at the origin of its PCA plane");
        assertTrue(Files.size(out.resolve("slow-flow.png")) > 1000);
        assertTrue(Files.size(out.resolve("slow-flow-pca.png")) > 1000);
    }

    @Test
    void badArgumentsNameTheOptionAndItsRange(@TempDir Path tmp) throws Exception {
        String preset = tiny(tmp).toString();
        Cli.Result r = Cli.run("drop-times", preset, "--lambdas", "log:0:1:5");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("--lambdas must be log:A:B:N"), r.err());
        r = Cli.run("drop-times", preset, "--drop-fraction", "1");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("--drop-fraction must be a number in (0, 1)"), r.err());
        r = Cli.run("slow-flow", preset, "--run", "1");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("has λ = 0"), r.err());
        r = Cli.run("slow-flow", "fig6-simulated-dynamics");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("slow-flow needs a model whose zero-loss set"), r.err());
    }
}
