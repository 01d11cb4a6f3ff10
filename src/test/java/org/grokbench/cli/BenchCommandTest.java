package org.grokbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code grokbench bench}: short runs print the table or the JSON line; bad values exit 2 naming the option. */
class BenchCommandTest {
    @Test
    void shortBenchPrintsEveryWorkload() {
        Cli.Result r = Cli.run("bench", "--steps", "3");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("Eq. (20) step, p = 37, d_h = 512"), r.out());
        assertTrue(r.out().contains("MLP gradient step, n = 11, h = 128"), r.out());
        assertTrue(r.out().contains("norm-minimizing direction"), r.out());
        assertTrue(r.out().contains("steps/s"), r.out());
        assertTrue(r.out().contains(" ms") && r.out().contains(" µs"), r.out());
        assertTrue(r.out().contains("sanity:"), r.out());
        assertTrue(r.out().contains("representation toy step"), r.out());
        int cores = Runtime.getRuntime().availableProcessors();
        if (cores > 1) assertTrue(r.out().contains("speed-up of the Eq. (20) step on " + cores + " threads"), r.out());
    }

    @Test
    void jsonForOneWorkloadOnOneThread() throws Exception {
        Cli.Result r = Cli.run("bench", "--what", "eq20", "--threads", "1", "--steps", "2", "--reps", "1", "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(1, r.out().lines().count(), r.out());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(1, json.get("threads").asInt());
        assertTrue(json.get("eq20_java_f64_1t_ms").asDouble() > 0);
        assertTrue(json.get("mlp_java_f64_us").isNull(), "MLP not timed: " + r.out());
        assertTrue(json.get("mlp_final_loss").isNull(), r.out());
        assertTrue(json.get("normmin_probe_ms").isNull(), r.out());
        assertEquals("eq20", json.get("what").asText());
        assertFalse(json.has("eq20_java_f64_2t_ms"), "no multi-threaded run on one thread");
    }

    @Test
    void mlpOnlyTableHasNoEq20Row() {
        Cli.Result r = Cli.run("bench", "--what", "mlp", "--steps", "5", "--reps", "1");
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(r.out().contains("Eq. (20) step"), r.out());
        assertTrue(r.out().contains("MLP gradient step"), r.out());
    }

    @Test
    void toyOnlyPrintsWallAndCpuTimeAndItsRatios(@TempDir Path dir) throws Exception {
        Path ref = dir.resolve("toy.json");
        Files.writeString(ref, "{\"item\": \"toy-timing\", \"torch_threads\": 1, \"toy_numpy_f64_ms\": 2.0, \"toy_torch_f64_ms\": 1.0}\n");
        Cli.Result r = Cli.run("bench", "--what", "toy", "--steps", "3", "--warmup", "2", "--reps", "1", "--reference", ref.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(r.out().contains("Eq. (20) step"), r.out());
        assertTrue(r.out().contains("representation toy step") && r.out().contains("CPU"), r.out());
        assertTrue(r.out().contains("toy_numpy_f64_ms") && r.out().contains("toy_torch_f64_ms"), r.out());

        Cli.Result j = Cli.run("bench", "--what", "toy", "--steps", "3", "--warmup", "0", "--reps", "2", "--json");
        assertEquals(0, j.exitCode(), j.err());
        JsonNode json = new ObjectMapper().readTree(j.out());
        assertEquals("toy", json.get("what").asText());
        assertTrue(json.get("toy_java_f64_ms").asDouble() > 0, j.out());
        assertTrue(json.get("toy_steps_per_s").asDouble() > 0, j.out());
        assertTrue(Double.isFinite(json.get("toy_final_loss").asDouble()), j.out());
        assertFalse(json.has("eq20_java_f64_1t_ms"), j.out());
    }

    @Test
    void referencePrintsRatios(@TempDir Path dir) throws Exception {
        Path ref = dir.resolve("timing.json");
        Files.writeString(ref, "{\"item\": \"timing\", \"threads\": 1, \"eq20_numpy_f64_ms\": 7.0, "
                + "\"eq20_torch_f64_ms\": \"FAILED: x\", \"mlp_numpy_f64_us\": 49.0}\n");
        Cli.Result r = Cli.run("bench", "--threads", "1", "--steps", "2", "--reps", "1", "--reference", ref.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("ours / timing.py"), r.out());
        assertTrue(r.out().contains("eq20_numpy_f64_ms"), r.out());
        assertTrue(r.out().contains("mlp_numpy_f64_us"), r.out());
        assertFalse(r.out().contains("eq20_torch_f64_ms"), "a failed reference entry is skipped:\n" + r.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--what|gpu|--what must be one of eq20, mlp, toy, all, got 'gpu'",
            "--threads|0|--threads must be 'all' or an integer in [1, 256], got 0",
            "--threads|many|--threads must be 'all' or an integer in [1, 256], got 'many'",
            "--steps|0|--steps must be an integer in [1, 100000], got 0",
            "--steps|2.5|--steps must be an integer in [1, 100000], got 2.5",
            "--warmup|-1|--warmup must be an integer in [0, 100000], got -1",
            "--reps|0|--reps must be an integer in [1, 100], got 0",
            "--reps|1000|--reps must be an integer in [1, 100], got 1000",
    })
    void badValuesExitTwoNamingTheOptionAndRange(String option, String value, String message) {
        Cli.Result r = Cli.run("bench", option, value);
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(message), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void unreadableReferenceExitsTwo(@TempDir Path dir) {
        Cli.Result r = Cli.run("bench", "--steps", "1", "--reference", dir.resolve("missing.json").toString());
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("--reference"), r.err());
    }
}
