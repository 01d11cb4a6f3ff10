package org.grokbench.arch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine (every package but ui) must run headless: no javafx import outside org.grokbench.ui. */
class EngineHasNoJavaFxTest {
    @Test
    void onlyTheUiPackageImportsJavaFx() throws IOException {
        Path root = Path.of("src/main/java/org/grokbench");
        assertTrue(Files.isDirectory(root), "run from the project folder");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(root)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !root.relativize(p).startsWith("ui"))
                    .filter(EngineHasNoJavaFxTest::importsJavaFx)
                    .map(Path::toString)
                    .collect(Collectors.toList());
        }
        assertEquals(List.of(), offenders);
    }

    private static boolean importsJavaFx(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::trim)
                    .anyMatch(l -> l.startsWith("import javafx.") || l.startsWith("import static javafx.")
                            || l.contains("org.jfree.chart.fx"));
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }
}
