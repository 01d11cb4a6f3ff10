package org.grokbench.spectral;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.grokbench.experiment.HistoryView;
import org.grokbench.experiment.TrajectorySnapshot;

/**
 * Everything the spectral views and the CLI say about one run: its early-loss
 * {@link SpectralSignature}, its {@link GrokkingTimes} and the {@link GrokkingForecast}.
 */
public record RunSignature(String label, SpectralSignature signature, GrokkingTimes times, GrokkingForecast forecast) {

    public static RunSignature of(TrajectorySnapshot run, SpectralOptions options) {
        return of(run.label(), run.history(), options);
    }

    /** The signature of a recorded history (e.g. the history up to the timeline's step). */
    public static RunSignature of(String label, HistoryView history, SpectralOptions options) {
        SpectralSignature s = SpectralSignature.of(history, options);
        return new RunSignature(label, s, GrokkingTimes.of(history), GrokkingForecast.of(s));
    }

    public static List<RunSignature> of(List<TrajectorySnapshot> runs, SpectralOptions options) {
        List<RunSignature> out = new ArrayList<>(runs.size());
        for (TrajectorySnapshot r : runs) out.add(of(r, options));
        return out;
    }

    /** "activity 5.25e-07 · mobility 0.605 · complexity 1.49 · m₀ 2.10e-04" (mobility in rad/step). */
    public String shortHjorthText() {
        SpectralSignature s = signature;
        return String.format(Locale.ROOT, "activity %.3g · mobility %.3g · complexity %.3g · m₀ %.3g",
                s.activity(), s.mobility(), s.complexity(), s.energy());
    }

    /** "activity 5.25e-07, mobility 0.605 rad/step, complexity 1.49, energy 2.10e-04". */
    public String hjorthText() {
        SpectralSignature s = signature;
        return String.format(Locale.ROOT, "activity %.3g, mobility %.3g rad/step, complexity %.3g, energy m₀ %.3g",
                s.activity(), s.mobility(), s.complexity(), s.energy());
    }
}
