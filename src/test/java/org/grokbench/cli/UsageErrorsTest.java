package org.grokbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input: exit code 2, one line on stderr that names the problem, no stack trace. */
class UsageErrorsTest {
    private static void assertOneLineUsageError(Cli.Result r, String... mustContain) {
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), "one line:\n" + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        for (String s : mustContain) assertTrue(r.err().contains(s), "'" + s + "' in: " + r.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--steps|-5|--steps must be an integer in [1, 1000000], got -5",
            "--steps|2000000|--steps must be an integer in [1, 1000000], got 2000000",
            "--steps|0|--steps must be an integer in [1, 1000000], got 0",
            "--steps|1.5|--steps must be an integer in [1, 1000000], got 1.5",
            "--lr|abc|--lr must be a number in (0, 10], got 'abc'",
            "--lr|0|--lr must be a number in (0, 10], got 0",
            "--lr|NaN|--lr must be a number in (0, 10], got 'NaN'",
            "--lr|11|--lr must be a number in (0, 10], got 11",
            "--lambda|-0.1|--lambda must be a number in [0, 10], got -0.1",
            "--lambda|Infinity|--lambda must be a number in [0, 10], got 'Infinity'",
            "--seed|x|--seed must be an integer",
            "--width|10|--width must be an integer in [320, 8000], got 10",
            "--scale|9|--scale must be a number in [0.25, 4], got 9",
    })
    void outOfRangeValuesNameTheOptionAndTheRange(String option, String value, String message) {
        assertOneLineUsageError(Cli.run("run", "fig1-one-plus-one", option, value, "--out", "unused"), message);
    }

    @Test
    void unknownOption() {
        assertOneLineUsageError(Cli.run("run", "fig1-one-plus-one", "--bogus"), "--bogus");
    }

    @Test
    void unknownCommand() {
        assertOneLineUsageError(Cli.run("frobnicate"), "unknown command 'frobnicate'", "run", "presets");
    }

    @Test
    void missingPreset() {
        assertOneLineUsageError(Cli.run("run"), "PRESET");
    }

    @Test
    void unknownPresetIsNamed() {
        Cli.Result r = Cli.run("run", "no-such-preset", "--steps", "5", "--out", "unused");
        assertOneLineUsageError(r, "no-such-preset");
        assertTrue(r.err().contains("fig1-one-plus-one"), "lists the available presets: " + r.err());
    }

    @Test
    void brokenPresetFileNamesTheField(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("broken.json");
        String good = java.nio.file.Files.readString(java.nio.file.Path.of("presets/fig1-one-plus-one.json"));
        java.nio.file.Files.writeString(file, good.replace("\"id\": \"fig1-one-plus-one\"", "\"id\": \"broken\"")
                .replace("\"lambda\": 0.1,", "\"lambda\": 12,"));
        assertOneLineUsageError(Cli.run("run", file.toString(), "--out", dir.resolve("o").toString()),
                "broken.json", "lambda");
    }

    @Test
    void badPointForOrthogonality() {
        assertOneLineUsageError(Cli.run("gradient-orthogonality", "--at", "1,2,3"), "--at must be 2 numbers");
    }

    @Test
    void helpAndVersionExitZero() {
        Cli.Result help = Cli.run("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("run") && help.out().contains("presets")
                && help.out().contains("gradient-orthogonality"), help.out());
        Cli.Result runHelp = Cli.run("run", "--help");
        assertEquals(0, runHelp.exitCode());
        assertTrue(runHelp.out().contains("--steps") && runHelp.out().contains("--out"), runHelp.out());
        Cli.Result version = Cli.run("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("grokbench "), version.out());
    }
}
