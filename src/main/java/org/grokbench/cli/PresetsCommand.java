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
        description = "List the presets (the ./presets folder, then the ones shipped in the jar), then the phase-diagram presets.")
final class PresetsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--stories", description = "Also print each preset's classroom story.")
    boolean stories;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PresetLoader loader = new PresetLoader();
        List<PresetInfo> presets = new java.util.ArrayList<>(loader.list());
        int experiments = presets.size();
        for (org.grokbench.experiment.preset.PhaseDiagramPreset p : loader.phaseDiagrams()) presets.add(p.info());
        int idWidth = "id".length(), figWidth = "figure".length();
        for (PresetInfo p : presets) {
            idWidth = Math.max(idWidth, p.id().length());
            figWidth = Math.max(figWidth, p.figure().length());
        }
        String row = "%-" + idWidth + "s  %-" + figWidth + "s  %s%n";
        out.printf(row, "id", "figure", "title");
        for (int k = 0; k < presets.size(); k++) {
            PresetInfo p = presets.get(k);
            if (k == experiments && k > 0)
                out.printf("%nphase diagrams (grokbench phase-diagram --preset ID, or the window's Phase diagram tab):%n");
            out.printf(row, p.id(), p.figure(), p.title());
            if (stories) out.printf("%n    %s%n%n", p.story());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
