package org.grokbench.cli;

import org.grokbench.plot.FigureExport;
import org.grokbench.plot.RaceDistanceFigure;
import org.grokbench.plot.RacePathsFigure;
import org.grokbench.race.LogScaled;
import org.grokbench.race.OptimizerRace;
import org.grokbench.race.RaceResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
 * {@code grokbench race}: the optimizer race of predicting-grokking App. I. sgd, momentum, rmsprop,
 * rprop, adam and adamax start from one point on the Rosenbrock or Rastrigin function in log scale;
 * prints each one's final and best distance to the optimum and writes the paths on the map, the
 * distance curves and a CSV of the final distances.
 */
@Command(name = "race", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Race six optimizers on a log-scaled test function (predicting-grokking App. I).",
                "Writes race-paths.png, race-distance.png and race.csv (final distance per optimizer) to --out."},
        footer = {"", "Example: grokbench race --function rosenbrock --start -1.5,2.5 --lr 1e-3 --steps 10000 --out out/race", ""})
final class RaceCommand implements Callable<Integer> {
    static final String CSV_HEADER = "optimizer,final_distance,best_distance,final_x,final_y,diverged_at_step";
    static final String PATHS_PNG = "race-paths.png", DISTANCE_PNG = "race-distance.png", CSV = "race.csv";

    /** The functions of App. I. */
    enum Function { rosenbrock, rastrigin }

    @Spec
    CommandSpec spec;

    @Option(names = "--function", paramLabel = "NAME", defaultValue = "rosenbrock",
            description = "rosenbrock or rastrigin, each in log scale ln(g + 1e-4) (default: ${DEFAULT-VALUE}).")
    Function function;

    @Option(names = "--start", paramLabel = "X,Y", defaultValue = "-1.5,2.5",
            description = "The common start, two numbers in [-100, 100] (default: ${DEFAULT-VALUE}).")
    String start;

    @Option(names = "--lr", paramLabel = "ETA", converter = Bounded.Lr.class, defaultValue = "1e-3",
            description = "Learning rate of every optimizer, in (0, 10] (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--steps", paramLabel = "N", converter = RaceSteps.class, defaultValue = "10000",
            description = "Steps per optimizer, 1-" + OptimizerRace.MAX_STEPS + " (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the PNGs and race.csv (default: only print).")
    Path out;

    @Mixin
    FigureSettings figureSettings;

    static final class RaceSteps extends Bounded.LongIn { RaceSteps() { super("--steps", 1, OptimizerRace.MAX_STEPS); } }

    @Override
    public Integer call() throws IOException {
        double[] x0 = parseStart(start);
        RaceResult race = new OptimizerRace().run(LogScaled.byId(function.name()), x0, lr, (int) steps);
        PrintWriter w = spec.commandLine().getOut();
        w.println(table(race));
        if (out != null) {
            Files.createDirectories(out);
            writeCsv(out.resolve(CSV), race);
            int width = (int) figureSettings.width, height = (int) figureSettings.height;
            FigureExport.save(RacePathsFigure.create(race, figureSettings.options()), out.resolve(PATHS_PNG), width, height);
            FigureExport.save(RaceDistanceFigure.create(race, figureSettings.options()), out.resolve(DISTANCE_PNG), width, height);
            w.println("wrote " + out.resolve(PATHS_PNG) + ", " + out.resolve(DISTANCE_PNG) + ", " + out.resolve(CSV));
        }
        w.flush();
        return ExitCodes.OK;
    }

    /** "X,Y", each finite and in [−100, 100]. */
    static double[] parseStart(String text) {
        String expected = "--start must be two numbers X,Y separated by a comma, each in [-100, 100], got "
                + Bounded.quoted(text);
        String[] parts = text.split(",");
        if (parts.length != 2) throw new UserError(expected);
        double[] v = new double[2];
        for (int i = 0; i < 2; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new UserError(expected);
            }
            if (!Double.isFinite(v[i]) || Math.abs(v[i]) > 100) throw new UserError(expected);
        }
        return v;
    }

    /** The printed table: one line per optimizer, final and best distance, where it ended. */
    static String table(RaceResult race) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "optimizer race on %s (App. I): %s%n", race.function().title(),
                race.describe()));
        b.append(String.format(Locale.ROOT, "  %-9s %-16s %-16s %s%n", "optimizer", "final distance", "best distance",
                "final point"));
        List<RaceResult.Racer> racers = race.racers();
        for (RaceResult.Racer r : racers) {
            int last = r.diverged() ? r.divergedAt() - 1 : race.steps();
            String where = last >= 0 ? String.format(Locale.ROOT, "(%.6f, %.6f)", r.x()[last], r.y()[last]) : "-";
            if (r.diverged()) where += " diverged at step " + r.divergedAt();
            b.append(String.format(Locale.ROOT, "  %-9s %-16.3e %-16.3e %s%n", r.label(), r.finalDistance(),
                    r.bestDistance(), where));
        }
        return b.toString().stripTrailing();
    }

    static void writeCsv(Path file, RaceResult race) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(CSV_HEADER);
            w.write('\n');
            for (RaceResult.Racer r : race.racers()) {
                int last = r.diverged() ? r.divergedAt() - 1 : race.steps();
                w.write(r.label() + "," + r.finalDistance() + "," + r.bestDistance() + ","
                        + (last >= 0 ? r.x()[last] + "," + r.y()[last] : ",") + ","
                        + (r.diverged() ? Integer.toString(r.divergedAt()) : "") + "\n");
            }
        }
    }
}
