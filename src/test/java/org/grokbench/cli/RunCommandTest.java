package org.grokbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.grokbench.experiment.Metric;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code grokbench run fig1-one-plus-one} end to end, in-process. */
class RunCommandTest {
    private static final long STEPS = 1500;
    @TempDir
    static Path tmp;
    static Path out;
    static Cli.Result result;

    @BeforeAll
    static void runFig1() {
        out = tmp.resolve("fig1");
        result = Cli.run("run", "fig1-one-plus-one", "--steps", Long.toString(STEPS), "--out", out.toString(),
                "--width", "800", "--height", "500");
    }

    @Test
    void exitsZeroAndPrintsASummary() {
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("", result.err());
        assertTrue(result.out().contains("fig1-one-plus-one"), result.out());
        assertTrue(result.out().contains("λ = 0.01"), result.out());
        assertTrue(result.out().contains("at step 9"), "train loss of λ = 0.01 below 1e-3 at step 9:\n" + result.out());
        assertTrue(result.out().contains("final θ"), result.out());
    }

    @Test
    void metricsCsvHasTheExactHeaderAndOneRowPerStepAndRun() throws Exception {
        List<String> lines = Files.readAllLines(out.resolve("metrics.csv"), StandardCharsets.UTF_8);
        assertEquals("run,step,train_loss,test_loss,weight_norm,train_acc,test_acc,dist_to_zero_loss,cos_norm_min,"
                + "update_normal,update_tangent,grad_norm_sq,cos_step,cos_init,hessian_max,hessian_min,rqi,acc_hat", lines.get(0));
        assertEquals(1 + 3 * (STEPS + 1), lines.size(), "header + 3 runs × steps 0..N");
        String[] first = lines.get(1).split(",", -1);
        assertEquals(2 + Metric.COUNT, first.length);
        assertEquals("λ = 0.01", first[0]);
        assertEquals("0", first[1]);
        assertEquals(4.0, Double.parseDouble(first[2]), 1e-12, "L(-1, 1) = (−1 + 1 − 2)² = 4");
        // row t's geometry describes the update that arrived at step t: none at step 0, one at the last step
        assertEquals("", first[2 + Metric.DIST_TO_ZERO_LOSS.ordinal()]);
        String[] lastOfRun = lines.get((int) (STEPS + 1)).split(",", -1);
        assertEquals(Long.toString(STEPS), lastOfRun[1]);
        assertFalse(lastOfRun[2 + Metric.DIST_TO_ZERO_LOSS.ordinal()].isEmpty());
        assertFalse(lastOfRun[2 + Metric.TRAIN_LOSS.ordinal()].isEmpty());
    }

    @Test
    void trajectoryCsvNamesTheParameters() throws Exception {
        List<String> lines = Files.readAllLines(out.resolve("trajectory.csv"), StandardCharsets.UTF_8);
        assertEquals("run,step,w1,w2", lines.get(0));
        assertEquals(1 + 3 * (STEPS + 1), lines.size());
        assertEquals("λ = 0.01,0,-1.0,1.0", lines.get(1));
    }

    @Test
    void summaryJsonHasTheKeysAndTheGrokkingOrder() throws Exception {
        JsonNode root = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("fig1-one-plus-one", root.get("preset").asText());
        assertEquals("FINISHED", root.get("status").asText());
        JsonNode runs = root.get("runs");
        assertEquals(3, runs.size());
        for (JsonNode r : runs) {
            for (String key : List.of("label", "lr", "lambda", "steps", "status", "message", "final_parameters",
                    "final_metrics", "first_step_train_loss_below_1e-3", "first_step_test_loss_below_1e-2"))
                assertTrue(r.has(key), "run has " + key + ": " + r);
            assertEquals(STEPS, r.get("steps").asLong());
            assertTrue(r.get("final_parameters").has("w1") && r.get("final_parameters").has("w2"));
            for (Metric m : Metric.values()) assertTrue(r.get("final_metrics").has(m.column()), m.column());
        }
        JsonNode small = runs.get(0);
        assertEquals(0.01, small.get("lambda").asDouble());
        long train = small.get("first_step_train_loss_below_1e-3").asLong();
        long test = small.get("first_step_test_loss_below_1e-2").asLong();
        assertTrue(small.get("first_step_test_loss_below_1e-2").isNumber(), "λ = 0.01 generalizes within " + STEPS);
        assertTrue(train < test, "grokking: train loss drops (step " + train + ") long before test loss (step " + test + ")");
        assertTrue(test > 10 * train);
        // λ = 0.2 never gets its train loss below 1e-3 (it settles near 3e-2)
        assertTrue(runs.get(2).get("first_step_train_loss_below_1e-3").isNull());
        // the runs settle near (1, 1) on w1 + w2 = 2
        JsonNode theta = small.get("final_parameters");
        assertEquals(2.0, theta.get("w1").asDouble() + theta.get("w2").asDouble(), 0.02);
        assertTrue(small.get("final_metrics").get("dist_to_zero_loss").isNumber(), "last probed distance reported");
        assertEquals(1, small.get("step_resolution").asLong(), "within the history cap: exact steps");
    }

    @Test
    void figuresArePngsOfTheRequestedSizeAndNotBlank() throws Exception {
        for (String name : RunOutputWriter.FIGURE_FILES) {
            Path png = out.resolve("figures").resolve(name);
            assertTrue(Files.isRegularFile(png), png + " exists");
            BufferedImage img = ImageIO.read(png.toFile());
            assertEquals(800, img.getWidth(), name);
            assertEquals(500, img.getHeight(), name);
            Set<Integer> colours = new HashSet<>();
            long ink = 0;
            for (int y = 0; y < img.getHeight(); y++)
                for (int x = 0; x < img.getWidth(); x++) {
                    int rgb = img.getRGB(x, y) & 0xFFFFFF;
                    colours.add(rgb);
                    if (rgb != 0xFFFFFF) ink++;
                }
            assertTrue(colours.size() > 20, name + " has " + colours.size() + " colours");
            assertTrue(ink > img.getWidth() * img.getHeight() / 50, name + " has ink");
        }
    }

    @Test
    void overridesReachTheSummary(@TempDir Path dir) throws Exception {
        Cli.Result r = Cli.run("run", "fig1-one-plus-one", "--steps", "40", "--lambda", "0.05", "--lr", "0.05",
                "--seed", "3", "--out", dir.toString(), "--no-figures");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode root = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertEquals(3, root.get("seed").asLong());
        for (JsonNode run : root.get("runs")) {
            assertEquals(0.05, run.get("lambda").asDouble());
            assertEquals(0.05, run.get("lr").asDouble());
            assertEquals(40, run.get("steps").asLong());
        }
        assertFalse(Files.exists(dir.resolve("figures")), "--no-figures");
    }

    @Test
    void divergenceStillWritesOutputsAndExitsThree(@TempDir Path dir) throws Exception {
        Cli.Result r = Cli.run("run", "fig1-one-plus-one", "--steps", "2000", "--lr", "5", "--out", dir.toString(),
                "--no-figures");
        assertEquals(ExitCodes.DIVERGED, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("diverged"), r.out());
        assertTrue(Files.isRegularFile(dir.resolve("metrics.csv")));
        JsonNode root = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertEquals("DIVERGED", root.get("status").asText());
        String message = root.get("message").asText();
        assertTrue(message.contains("diverged"), message);
        int diverged = 0;
        for (JsonNode run : root.get("runs")) {
            if (run.get("status").asText().equals("DIVERGED")) {
                diverged++;
                assertTrue(message.contains(run.get("label").asText()), "the message names the run: " + message);
            } else {
                assertEquals("STOPPED", run.get("status").asText(), "the others stop with it");
            }
            assertTrue(run.get("steps_done").asLong() < 2000);
        }
        assertEquals(1, diverged);
    }

    @Test
    void outMustNotBeAFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        Cli.Result r = Cli.run("run", "fig1-one-plus-one", "--steps", "5", "--out", file.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("--out"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }
}
