package org.grokbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.HistoryView;
import org.grokbench.experiment.Metric;
import org.grokbench.experiment.ModelSpec;
import org.grokbench.experiment.ModularDataSpec;
import org.grokbench.experiment.OptimizerSpec;
import org.grokbench.experiment.ProbeSpec;
import org.grokbench.experiment.Run;
import org.grokbench.experiment.RunSpec;
import org.grokbench.experiment.Snapshot;
import org.grokbench.experiment.ViewSpec;
import org.grokbench.modular.FourierFeatures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code grokbench run} on modular addition, end to end in-process, with specs built in code: the
 * Eq. (20) dynamics (p = 11, d_h = 128, 2 runs, a small history cap so that θ rows and metric rows
 * are thinned differently) and the App. D MLP (which adds the norm-minimizing cosine figure).
 */
class ModularRunCommandTest {
    static final int P = 11, HIDDEN = 128, K = (P - 1) / 2;
    static final long EQ20_STEPS = 200, MLP_STEPS = 40;
    /** Below the θ rows' floor of 64 (History.parameterCap): metric rows are thinned, θ rows less so. */
    static final int HISTORY_CAP = 40;

    @TempDir
    static Path tmp;
    static Path eq20Out, mlpOut;
    static Cli.Result eq20, mlp;
    static Snapshot eq20Again;

    static ExperimentSpec spec(String kind, String reduction, double lr, double lambda, long steps, ModularDataSpec data,
                               int probeEvery, int historyCap) {
        List<RunSpec> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++)
            runs.add(new RunSpec("seed " + i, lr, lambda, steps, new double[0], OptimizerSpec.gd(), i, Double.NaN));
        return new ExperimentSpec("small-" + kind, "small " + kind, "", "geometry-of-grokking", "Figure 6",
                new ModelSpec(kind, 0, P, HIDDEN, "relu", reduction), List.of(), null, runs, 0L,
                new ProbeSpec(probeEvery, historyCap), ViewSpec.defaults(), data);
    }

    static ExperimentSpec eq20Spec() {
        return spec("modular-eq20", "sum", 1e-2, 0, EQ20_STEPS, new ModularDataSpec("unordered", 0.7, 0), 1, HISTORY_CAP);
    }

    static ExperimentSpec mlpSpec() {
        return spec("modular-mlp", "mean", 1.0, 5e-5, MLP_STEPS, new ModularDataSpec("unordered", 0, 7), 10, 20_000);
    }

    @BeforeAll
    static void runBoth() {
        eq20Out = tmp.resolve("eq20");
        eq20 = Cli.run(name -> eq20Spec(), "run", "small-eq20", "--out", eq20Out.toString(), "--linear-steps",
                "--width", "800", "--height", "500");
        mlpOut = tmp.resolve("mlp");
        mlp = Cli.run(name -> mlpSpec(), "run", "small-mlp", "--out", mlpOut.toString(), "--width", "800", "--height", "500");
        // Same spec, same seed, same numbers: the history the files must match.
        eq20Again = new Run(Experiment.build(eq20Spec())).runBlocking();
    }

    @Test
    void exitsZeroAndPrintsAccuracySteps() {
        assertEquals(0, eq20.exitCode(), eq20.err());
        assertEquals("", eq20.err());
        assertTrue(eq20.out().contains("train accuracy = 1"), eq20.out());
        assertTrue(eq20.out().contains("test accuracy ≥ 0.99"), eq20.out());
        assertTrue(eq20.out().contains("history cap"), "the thinned history is pointed out:\n" + eq20.out());
        assertTrue(eq20.out().contains("metrics.csv, embeddings.csv, fourier.csv, summary.json, figures/*.png"), eq20.out());
        assertFalse(eq20.out().contains("final θ"), eq20.out());
        assertEquals(0, mlp.exitCode(), mlp.err());
    }

    @Test
    void writesNoTrajectoryCsv() {
        assertFalse(Files.exists(eq20Out.resolve("trajectory.csv")));
        assertTrue(Files.exists(eq20Out.resolve("metrics.csv")));
    }

    @Test
    void fourierCsvHasTheExactHeaderAndKRowsPerStoredThetaRow() throws Exception {
        List<String> lines = Files.readAllLines(eq20Out.resolve("fourier.csv"), StandardCharsets.UTF_8);
        assertEquals("run,step,k,re_norm,im_norm,cos_re_im", lines.get(0));
        Map<String, List<Long>> stepsPerRun = new LinkedHashMap<>();
        Map<String, Integer> rowsPerRunStep = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            assertEquals(6, c.length, line);
            List<Long> steps = stepsPerRun.computeIfAbsent(c[0], r -> new ArrayList<>());
            long step = Long.parseLong(c[1]);
            if (steps.isEmpty() || steps.get(steps.size() - 1) != step) steps.add(step);
            int n = rowsPerRunStep.merge(c[0] + "@" + step, 1, Integer::sum);
            assertEquals(n, Integer.parseInt(c[2]), "k runs 1..K within a step: " + line);
            double re = Double.parseDouble(c[3]), im = Double.parseDouble(c[4]), cos = Double.parseDouble(c[5]);
            assertTrue(re >= 0 && im >= 0 && Math.abs(cos) <= 1 + 1e-12, line);
        }
        for (int n : rowsPerRunStep.values()) assertEquals(K, n, "(p − 1)/2 rows per stored θ row");
        assertEquals(List.of("seed 0", "seed 1"), new ArrayList<>(stepsPerRun.keySet()));
        for (int r = 0; r < 2; r++) {
            HistoryView h = eq20Again.trajectories().get(r).history();
            List<Long> expected = new ArrayList<>();
            for (int i = 0; i < h.parameterRows(); i++) expected.add(h.parameterStep(i));
            assertEquals(expected, stepsPerRun.get("seed " + r), "one block per stored θ row");
            assertTrue(h.parameterRows() != h.size(), "θ rows and metric rows are thinned differently here");
        }
        assertEquals(1 + 2 * K * eq20Again.trajectories().get(0).history().parameterRows(), lines.size());
    }

    @Test
    void fourierCsvValuesAreThoseOfTheLastEmbedding() throws Exception {
        List<String> lines = Files.readAllLines(eq20Out.resolve("fourier.csv"), StandardCharsets.UTF_8);
        double[] theta = eq20Again.trajectories().get(1).theta();
        FourierFeatures f = FourierFeatures.of(java.util.Arrays.copyOf(theta, P * HIDDEN), P, HIDDEN);
        String[] last = lines.get(lines.size() - 1).split(",");
        assertEquals("seed 1", last[0]);
        assertEquals(Long.toString(EQ20_STEPS), last[1]);
        assertEquals(Integer.toString(K), last[2]);
        assertEquals(f.realNorm(K), Double.parseDouble(last[3]), 0);
        assertEquals(f.imagNorm(K), Double.parseDouble(last[4]), 0);
        assertEquals(f.realImagCosine(K), Double.parseDouble(last[5]), 0);
    }

    @Test
    void embeddingsCsvHoldsEAtTheFirstAndLastStoredRows() throws Exception {
        List<String> lines = Files.readAllLines(eq20Out.resolve("embeddings.csv"), StandardCharsets.UTF_8);
        StringBuilder header = new StringBuilder("run,step,residue");
        for (int h = 0; h < HIDDEN; h++) header.append(",e_").append(h);
        assertEquals(header.toString(), lines.get(0));
        assertEquals(1 + 2 * 2 * P, lines.size(), "2 runs × 2 steps × p residues");
        Set<String> keys = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            assertEquals(3 + HIDDEN, c.length);
            keys.add(c[0] + "@" + c[1]);
        }
        assertEquals(Set.of("seed 0@0", "seed 0@" + EQ20_STEPS, "seed 1@0", "seed 1@" + EQ20_STEPS), keys);
        // the last row of run 'seed 1' is E_10 at the last step
        String[] c = lines.get(lines.size() - 1).split(",", -1);
        double[] theta = eq20Again.trajectories().get(1).theta();
        assertEquals("10", c[2]);
        for (int h = 0; h < HIDDEN; h++) assertEquals(theta[10 * HIDDEN + h], Double.parseDouble(c[3 + h]), 0);
    }

    @Test
    void summaryHasTheAccuracyStepsReadFromTheMetrics() throws Exception {
        JsonNode root = new ObjectMapper().readTree(eq20Out.resolve("summary.json").toFile());
        assertEquals("modular-eq20", root.get("model").get("kind").asText());
        assertEquals(P, root.get("model").get("modulus").asInt());
        assertEquals(HIDDEN, root.get("model").get("hidden").asInt());
        assertTrue(root.get("data").get("train_pairs").asInt() > 0);
        assertEquals(0.99, root.get("thresholds").get("test_accuracy").asDouble());
        assertFalse(root.has("parameters"), "no parameter names for ~1400 weights");
        List<String> csv = Files.readAllLines(eq20Out.resolve("metrics.csv"), StandardCharsets.UTF_8);
        int trainAcc = 2 + Metric.TRAIN_ACC.ordinal(), testAcc = 2 + Metric.TEST_ACC.ordinal();
        for (JsonNode r : root.get("runs")) {
            String label = r.get("label").asText();
            assertFalse(r.has("final_parameters"));
            Long firstTrain = null, firstTest = null;
            for (String line : csv.subList(1, csv.size())) {
                String[] c = line.split(",", -1);
                if (!c[0].equals(label)) continue;
                if (firstTrain == null && !c[trainAcc].isEmpty() && Double.parseDouble(c[trainAcc]) >= 1) firstTrain = Long.parseLong(c[1]);
                if (firstTest == null && !c[testAcc].isEmpty() && Double.parseDouble(c[testAcc]) >= 0.99) firstTest = Long.parseLong(c[1]);
            }
            assertEquals(0L, firstTrain, "W = H⁺Y fits the training pairs from the start");
            assertEquals(firstTrain, (Long) r.get("first_step_train_accuracy_1").asLong());
            if (firstTest == null) assertTrue(r.get("first_step_test_accuracy_0.99").isNull());
            else assertEquals(firstTest, (Long) r.get("first_step_test_accuracy_0.99").asLong());
            assertTrue(r.get("step_resolution").asLong() > 1, "the history was thinned");
            assertTrue(r.get("theta_rows").asInt() > 2);
        }
        assertTrue(root.get("accuracy_steps_note").asText().contains("step_resolution"));
    }

    @Test
    void writesTheModularFigures() throws Exception {
        for (String name : List.of("loss.png", "accuracy.png", "fourier-circles.png", "fourier-features.png",
                "embedding-pca.png")) {
            assertPng(eq20Out.resolve("figures").resolve(name));
            assertPng(mlpOut.resolve("figures").resolve(name));
        }
        assertFalse(Files.exists(eq20Out.resolve("figures/cos-norm-min.png")), "Eq. (20) has no update cosine");
        assertFalse(Files.exists(eq20Out.resolve("figures/parameter-plane.png")));
        assertPng(mlpOut.resolve("figures/cos-norm-min.png"));
    }

    private static void assertPng(Path file) throws Exception {
        assertTrue(Files.exists(file), file + " exists");
        BufferedImage img = ImageIO.read(file.toFile());
        assertEquals(800, img.getWidth());
        assertEquals(500, img.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3)
            for (int x = 0; x < img.getWidth(); x += 3) colours.add(img.getRGB(x, y));
        assertTrue(colours.size() > 10, file + " is not blank");
    }

    @Test
    void mlpMetricsHaveTheCosineEveryTenSteps() throws Exception {
        List<String> csv = Files.readAllLines(mlpOut.resolve("metrics.csv"), StandardCharsets.UTF_8);
        assertEquals(1 + 2 * (MLP_STEPS + 1), csv.size());
        int cos = 2 + Metric.COS_NORM_MIN.ordinal();
        String[] at20 = csv.get(1 + 20).split(",", -1), at21 = csv.get(1 + 21).split(",", -1);
        assertFalse(at20[cos].isEmpty(), "probed at step 20");
        assertTrue(at21[cos].isEmpty(), "not probed at step 21");
    }

    @Test
    void aModularPresetFileRunsThroughThePresetLoader(@TempDir Path dir) throws Exception {
        Path preset = dir.resolve("tiny-eq20.json");
        Files.writeString(preset, """
                {"id": "tiny-eq20", "title": "Tiny Eq. 20", "story": "A smoke test.", "paper": "geometry-of-grokking",
                 "figure": "Figure 6",
                 "model": {"kind": "modular-eq20", "modulus": 13, "hidden": 96, "activation": "relu", "reduction": "sum"},
                 "data": {"pairs": "unordered", "trainFraction": 0.7},
                 "runs": [{"label": "seed 1", "lr": 0.01, "lambda": 0, "steps": 12, "seed": 1}],
                 "seed": 0}
                """);
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("run", preset.toString(), "--out", out.toString(), "--width", "640", "--height", "400");
        assertEquals(0, r.exitCode(), r.err());
        List<String> fourier = Files.readAllLines(out.resolve("fourier.csv"), StandardCharsets.UTF_8);
        assertEquals("run,step,k,re_norm,im_norm,cos_re_im", fourier.get(0));
        assertEquals(1 + 13 * 6, fourier.size(), "13 stored θ rows (steps 0..12) × 6 frequencies");
        assertEquals(1 + 2 * 13, Files.readAllLines(out.resolve("embeddings.csv"), StandardCharsets.UTF_8).size());
        for (String name : List.of("fourier-circles.png", "fourier-features.png", "embedding-pca.png"))
            assertTrue(Files.exists(out.resolve("figures").resolve(name)), name);
    }

    @Test
    void modulusTwoHasNoFrequenciesButStillWritesItsFiles(@TempDir Path dir) throws Exception {
        ExperimentSpec s = new ExperimentSpec("p2", "p = 2", "", "geometry-of-grokking", "Figure 6",
                new ModelSpec("modular-eq20", 0, 2, 8, "relu", "sum"), List.of(), null,
                List.of(new RunSpec("only", 1e-2, 0, 3, new double[0], OptimizerSpec.gd(), 1, Double.NaN)), 0L,
                new ProbeSpec(1, 20_000), ViewSpec.defaults(), new ModularDataSpec("ordered", 0, 1));
        Path out = dir.resolve("p2");
        Cli.Result r = Cli.run(name -> s, "run", "p2", "--out", out.toString(), "--width", "640", "--height", "400");
        assertTrue(r.exitCode() == 0 || r.exitCode() == ExitCodes.DIVERGED, r.err());
        assertEquals(List.of("run,step,k,re_norm,im_norm,cos_re_im"),
                Files.readAllLines(out.resolve("fourier.csv"), StandardCharsets.UTF_8));
        assertTrue(Files.exists(out.resolve("figures/fourier-circles.png")));
    }
}
