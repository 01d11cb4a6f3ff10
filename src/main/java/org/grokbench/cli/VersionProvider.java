package org.grokbench.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version from the jar's Maven descriptor; "development build" when run from classes. */
final class VersionProvider implements IVersionProvider {
    static final String POM_PROPERTIES = "/META-INF/maven/org.grokbench/grokbench/pom.properties";

    @Override
    public String[] getVersion() {
        String version = "development build";
        try (InputStream in = VersionProvider.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                version = p.getProperty("version", version);
            }
        } catch (IOException ignored) {
            // keep the fallback
        }
        return new String[] {
                "grokbench " + version,
                "Grokking Workbench: \"The Geometry of Grokking\", toy models (Figures 1-4) and modular addition (Figures 5-6)",
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
