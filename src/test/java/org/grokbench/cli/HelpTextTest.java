package org.grokbench.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's --help renders cleanly: picocli treats option descriptions as format strings, so
 * a bare "90 %" in a description prints a "[picocli WARN] Could not format" line instead of help.
 */
class HelpTextTest {
    @Test
    void everySubcommandsHelpFormatsWithoutWarnings() {
        CommandLine root = GrokbenchCli.newCommandLine();
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            String rootHelp = root.getUsageMessage();
            assertFalse(rootHelp.isBlank());
            for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
                String help = e.getValue().getUsageMessage();
                assertTrue(help.contains("Usage:"), e.getKey());
                assertFalse(help.contains("%n"), e.getKey() + " help has an unformatted %n");
            }
        } finally {
            System.setErr(oldErr);
        }
        String warnings = err.toString(StandardCharsets.UTF_8);
        assertFalse(warnings.contains("picocli WARN"), warnings);
    }
}
