package org.grokbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.grokbench.experiment.Metric;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code grokbench run repr-addition-1d} end to end: metrics.csv carries RQI and Acc-hat, and its
 * numbers are those {@code grokbench repr} prints for the same settings and seed.
 */
class ReprRunCommandTest {
    private static final long STEPS = 30;
    @TempDir
    static Path tmp;
    static Cli.Result run, repr;
    static long seed;

    @BeforeAll
    static void runBoth() throws Exception {
        run = Cli.run("run", "repr-addition-1d", "--steps", Long.toString(STEPS), "--out", tmp.resolve("run").toString(),
                "--no-figures");
        JsonNode summary = new ObjectMapper().readTree(tmp.resolve("run").resolve("summary.json").toFile());
        seed = summary.get("seed").asLong();
        // The preset is the paper's addition setup, which is also repr's default apart from the seed.
        repr = Cli.run("repr", "--seed", Long.toString(seed), "--steps", Long.toString(STEPS), "--every", "10",
                "--out", tmp.resolve("repr.csv").toString());
    }

    @Test
    void exitsZeroAndPrintsTheRqiStepAndTheIdealBounds() {
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("RQI > 0.95"), run.out());
        assertTrue(run.out().contains("RQI-bar 1.000"), run.out());
        assertEquals(0, repr.exitCode(), repr.err());
    }

    @Test
    void metricsCsvHasRqiAndAccHatEqualToTheReprCommand() throws Exception {
        List<String> lines = Files.readAllLines(tmp.resolve("run").resolve("metrics.csv"), StandardCharsets.UTF_8);
        assertTrue(lines.get(0).endsWith(",rqi,acc_hat"), lines.get(0));
        assertEquals(1 + STEPS + 1, lines.size());
        List<String> cli = Files.readAllLines(tmp.resolve("repr.csv"), StandardCharsets.UTF_8);
        assertEquals(ReprCommand.HISTORY_HEADER, cli.get(0));
        for (String row : cli.subList(1, cli.size())) {
            String[] c = row.split(",");
            int step = Integer.parseInt(c[0]);
            String[] m = lines.get(1 + step).split(",", -1);
            assertEquals(c[0], m[1]);
            assertEquals(Double.parseDouble(c[2]), Double.parseDouble(m[2 + Metric.TRAIN_ACC.ordinal()]), 0.0, "train acc " + step);
            assertEquals(Double.parseDouble(c[3]), Double.parseDouble(m[2 + Metric.TEST_ACC.ordinal()]), 0.0, "val acc " + step);
            assertEquals(Double.parseDouble(c[4]), Double.parseDouble(m[2 + Metric.RQI.ordinal()]), 0.0, "RQI " + step);
            assertEquals(Double.parseDouble(c[5]), Double.parseDouble(m[2 + Metric.ACC_HAT.ordinal()]), 0.0, "Acc-hat " + step);
        }
    }

    @Test
    void embeddingsCsvHasOneRowPerSymbolAndSummaryTheIdealModel() throws Exception {
        List<String> lines = Files.readAllLines(tmp.resolve("run").resolve("embeddings.csv"), StandardCharsets.UTF_8);
        assertEquals("run,step,symbol,e_0", lines.get(0));
        assertEquals(0, (lines.size() - 1) % 10, "10 symbols per stored θ row");
        JsonNode summary = new ObjectMapper().readTree(tmp.resolve("run").resolve("summary.json").toFile());
        assertEquals(1.0, summary.get("ideal").get("validation_acc_bar").asDouble(), 0.0);
        assertEquals(10, summary.get("runs").get(0).get("final_embeddings").size());
        assertTrue(summary.get("runs").get(0).has("first_step_rqi_above_0.95"));
    }
}
