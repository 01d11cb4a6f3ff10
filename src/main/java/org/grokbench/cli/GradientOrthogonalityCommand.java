package org.grokbench.cli;

import org.grokbench.analysis.GradientOrthogonality;
import org.grokbench.analysis.ZeroLossManifold;
import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.preset.PresetLoader;
import org.grokbench.model.SquaredLoss;
import org.grokbench.plot.FigureExport;
import org.grokbench.plot.OrthogonalityFigure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code grokbench gradient-orthogonality}: Theorem 4.14 measured. Points θ = p + δ·n̂ approach a
 * point p of Z along its normal n̂; for each, dist_Z(θ), the largest |cos| between ∇L(θ) and a
 * tangent direction at proj_Z(θ), and their ratio, which the theorem bounds by a constant C.
 */
@Command(name = "gradient-orthogonality", aliases = "orthogonality", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Measure gradient orthogonality near Z (Theorem 4.14, Figure 4).",
                "Prints dist_Z, |cos(∇L, tangent)| and their ratio for points approaching Z along its normal."},
        footer = {"", "Example: grokbench gradient-orthogonality --at 1,1 --out out/fig4.csv --figure out/fig4.png", ""})
final class GradientOrthogonalityCommand implements Callable<Integer> {
    static final String DEFAULT_PRESET = "fig4-gradient-orthogonality";
    static final String CSV_HEADER = "offset,distance_to_zero_loss,abs_cos_grad_tangent,ratio";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PRESET", defaultValue = DEFAULT_PRESET,
            description = "A preset name or .json file (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--at", paramLabel = "X,Y",
            description = "A point whose projection onto Z is approached (default: the first run's start).")
    String at;

    @Option(names = "--points", paramLabel = "N", converter = Bounded.Points.class, defaultValue = "13",
            description = "Number of points, 2-200 (default: ${DEFAULT-VALUE}).")
    long points;

    @Option(names = "--largest", paramLabel = "D", converter = Bounded.Largest.class, defaultValue = "1",
            description = "Largest offset from Z (default: ${DEFAULT-VALUE}).")
    double largest;

    @Option(names = "--smallest", paramLabel = "D", converter = Bounded.Smallest.class, defaultValue = "1e-6",
            description = "Smallest offset from Z (default: ${DEFAULT-VALUE}).")
    double smallest;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the table as CSV.")
    Path out;

    @Option(names = "--figure", paramLabel = "FILE", description = "Also write a log-log PNG of |cos| against dist_Z.")
    Path figure;

    @Mixin
    FigureSettings figureSettings;

    @Override
    public Integer call() throws IOException {
        if (!(smallest < largest))
            throw new UserError("--smallest must be below --largest, got " + smallest + " and " + largest);
        ExperimentSpec s = new PresetLoader().resolve(preset);
        Experiment experiment = Experiment.build(s);
        ZeroLossManifold z = experiment.zeroLoss();
        SquaredLoss loss = experiment.newTrainLoss();
        int d = experiment.model().parameterCount();
        List<String> names = experiment.model().parameterNames();

        double[] start = at != null ? parsePoint(at, d, names) : s.runs().get(0).init();
        double[] p = z.project(start);
        if (!org.grokbench.math.VecOps.allFinite(p) || loss.value(p) > 1e-12)
            throw new UserError("cannot find a point of Z near " + RunCommand.thetaText(start)
                    + " (the projection has loss " + loss.value(p) + "); try another --at");

        double[] offsets = new double[(int) points];
        double a = Math.log10(largest), b = Math.log10(smallest);
        for (int i = 0; i < offsets.length; i++) offsets[i] = Math.pow(10, a + (b - a) * i / (offsets.length - 1));
        GradientOrthogonality probe = new GradientOrthogonality(loss, z);
        List<GradientOrthogonality.Approach> rows;
        try {
            rows = probe.approach(p, null, offsets);
        } catch (IllegalArgumentException e) {
            throw new UserError("no normal direction at " + RunCommand.thetaText(p) + " on Z (" + e.getMessage()
                    + "); try another --at");
        }

        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%s: gradient orthogonality (Theorem 4.14) near p = %s on Z%n", s.id(), RunCommand.thetaText(p));
        w.printf(Locale.ROOT, "%-12s  %-14s  %-20s  %s%n", "offset", "dist_Z", "|cos(∇L, tangent)|", "|cos| / dist_Z");
        double[] dist = new double[rows.size()], cos = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            GradientOrthogonality.Approach r = rows.get(i);
            dist[i] = r.distance();
            cos[i] = r.cosine();
            w.printf(Locale.ROOT, "%-12.3e  %-14.6e  %-20.6e  %.6f%n", r.offset(), r.distance(), r.cosine(), r.ratio());
        }
        if (out != null) {
            writeCsv(out, rows);
            w.println("wrote " + out);
        }
        if (figure != null) {
            String where = "points p + δ·n̂ on the normal through p = " + RunCommand.thetaText(p) + ", δ from "
                    + String.format(Locale.ROOT, "%.0e to %.0e", largest, smallest);
            FigureExport.save(OrthogonalityFigure.create(dist, cos, where,
                            figureSettings.options().withCaption(s.figure() + " · " + s.title())),
                    figure, (int) figureSettings.width, (int) figureSettings.height);
            w.println("wrote " + figure);
        }
        w.flush();
        return ExitCodes.OK;
    }

    static double[] parsePoint(String text, int d, List<String> names) {
        String[] parts = text.split(",");
        String expected = "--at must be " + d + " numbers separated by commas (" + String.join(",", names) + "), got '"
                + text + "'";
        if (parts.length != d) throw new UserError(expected);
        double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new UserError(expected);
            }
            if (!Double.isFinite(v[i]) || Math.abs(v[i]) > 1000) throw new UserError(expected + " (each in [-1000, 1000])");
        }
        return v;
    }

    private static void writeCsv(Path file, List<GradientOrthogonality.Approach> rows) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(CSV_HEADER);
            w.write('\n');
            for (GradientOrthogonality.Approach r : rows) {
                w.write(r.offset() + "," + r.distance() + "," + r.cosine() + "," + r.ratio() + "\n");
            }
        }
    }
}
