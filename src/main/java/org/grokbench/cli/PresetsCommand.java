package org.grokbench.cli;

import org.grokbench.experiment.preset.PresetInfo;
import org.grokbench.experiment.preset.PresetLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code grokbench presets}: the presets with their figure and title. */
@Command(name = "presets", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the presets (the ./presets folder, then the ones shipped in the jar).")
final class PresetsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--stories", description = "Also print each preset's classroom story.")
    boolean stories;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<PresetInfo> presets = new PresetLoader().list();
        int idWidth = "id".length(), figWidth = "figure".length();
        for (PresetInfo p : presets) {
            idWidth = Math.max(idWidth, p.id().length());
            figWidth = Math.max(figWidth, p.figure().length());
        }
        String row = "%-" + idWidth + "s  %-" + figWidth + "s  %s%n";
        out.printf(row, "id", "figure", "title");
        for (PresetInfo p : presets) {
            out.printf(row, p.id(), p.figure(), p.title());
            if (stories) out.printf("%n    %s%n%n", p.story());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
