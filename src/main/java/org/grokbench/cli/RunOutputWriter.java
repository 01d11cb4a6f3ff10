package org.grokbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.HistoryView;
import org.grokbench.experiment.Metric;
import org.grokbench.experiment.Milestone;
import org.grokbench.experiment.RunSpec;
import org.grokbench.experiment.RunStatus;
import org.grokbench.experiment.Snapshot;
import org.grokbench.experiment.TrajectorySnapshot;
import org.grokbench.plot.FigureExport;
import org.grokbench.plot.FigureOptions;
import org.grokbench.plot.GeometryFigure;
import org.grokbench.plot.LossCurvesFigure;
import org.grokbench.plot.ParameterPlaneFigure;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the results of a finished (or diverged) run: {@code metrics.csv}, {@code trajectory.csv},
 * {@code summary.json} and the figures. Shared by the {@code run} command and the window's export,
 * so that both produce the same files.
 *
 * <ul>
 *   <li>metrics.csv: {@code run,step,} then every {@link Metric} column (train_loss, test_loss,
 *       weight_norm, train_acc, test_acc, dist_to_zero_loss, cos_norm_min, update_normal,
 *       update_tangent); one row per stored history row; an empty cell where a value is NaN
 *       (geometry columns on steps the probe skipped).</li>
 *   <li>trajectory.csv: {@code run,step,} then the model's parameter names (w1, w2, ...).</li>
 *   <li>summary.json: the preset, the overall status, and per run its settings, final θ and
 *       metrics (geometry metrics: the last probed value), and the first steps at which train loss &lt; {@value #TRAIN_LOSS_THRESHOLD} and
 *       test loss &lt; {@value #TEST_LOSS_THRESHOLD} (null if never), exact whatever the
 *       history kept, and the CSV's step resolution (see {@link RunSummary}).</li>
 * </ul>
 * The {@code run} column holds the run's label. Numbers are written in full precision
 * ({@link Double#toString}); histories longer than the preset's {@code historyCap} are thinned
 * evenly by the engine, and the files hold what the history holds.
 */
public final class RunOutputWriter {
    public static final String METRICS_CSV = "metrics.csv";
    public static final String TRAJECTORY_CSV = "trajectory.csv";
    public static final String SUMMARY_JSON = "summary.json";
    public static final String FIGURES_DIR = "figures";
    public static final double TRAIN_LOSS_THRESHOLD = Milestone.MEMORIZED.threshold();
    public static final double TEST_LOSS_THRESHOLD = Milestone.GENERALIZED.threshold();

    /** The figures {@link #writeFigures} writes, by file name. */
    public static final List<String> FIGURE_FILES =
            List.of("loss.png", "accuracy.png", "parameter-plane.png", "geometry.png");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Experiment experiment;
    private final Snapshot snapshot;

    /**
     * What one trajectory achieved; {@code null} steps mean "never". The first-crossing steps are
     * exact (the engine checks them every step). {@code stepResolution} is the largest gap between
     * stored history rows, i.e. the CSV's resolution: 1 until a run outgrows the history cap.
     */
    public record RunSummary(String label, double lr, double lambda, long steps, long stepsDone, String status,
                             String message, double[] finalTheta, double[] finalMetrics,
                             Long trainLossBelowStep, Long testLossBelowStep, long stepResolution) {}

    public RunOutputWriter(Experiment experiment, Snapshot snapshot) {
        this.experiment = experiment;
        this.snapshot = snapshot;
    }

    /** Writes every file into {@code dir} (created if needed); returns the paths written. */
    public List<Path> writeAll(Path dir, int width, int height, FigureOptions figures) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        written.add(writeMetricsCsv(dir.resolve(METRICS_CSV)));
        written.add(writeTrajectoryCsv(dir.resolve(TRAJECTORY_CSV)));
        written.add(writeSummaryJson(dir.resolve(SUMMARY_JSON)));
        if (figures != null) written.addAll(writeFigures(dir.resolve(FIGURES_DIR), width, height, figures));
        return written;
    }

    // ---- CSV ------------------------------------------------------------------------------

    /** {@code run,step,train_loss,...}: the exact header of metrics.csv. */
    public static String metricsHeader() {
        StringBuilder b = new StringBuilder("run,step");
        for (Metric m : Metric.values()) b.append(',').append(m.column());
        return b.toString();
    }

    /** {@code run,step,w1,w2,...}: the exact header of trajectory.csv. */
    public String trajectoryHeader() {
        StringBuilder b = new StringBuilder("run,step");
        for (String name : experiment.model().parameterNames()) b.append(',').append(csvText(name));
        return b.toString();
    }

    public Path writeMetricsCsv(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeMetricsCsv(w);
        }
        return file;
    }

    public void writeMetricsCsv(Writer out) throws IOException {
        BufferedWriter w = out instanceof BufferedWriter bw ? bw : new BufferedWriter(out);
        w.write(metricsHeader());
        w.write('\n');
        StringBuilder line = new StringBuilder(256);
        for (TrajectorySnapshot t : snapshot.trajectories()) {
            String run = csvText(t.label());
            HistoryView h = t.history();
            for (int r = 0; r < h.size(); r++) {
                line.setLength(0);
                line.append(run).append(',').append(h.step(r));
                for (Metric m : Metric.values()) line.append(',').append(csvNumber(h.metric(r, m)));
                line.append('\n');
                w.append(line);
            }
        }
        w.flush();
    }

    public Path writeTrajectoryCsv(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeTrajectoryCsv(w);
        }
        return file;
    }

    public void writeTrajectoryCsv(Writer out) throws IOException {
        BufferedWriter w = out instanceof BufferedWriter bw ? bw : new BufferedWriter(out);
        w.write(trajectoryHeader());
        w.write('\n');
        int d = experiment.model().parameterCount();
        StringBuilder line = new StringBuilder(128);
        for (TrajectorySnapshot t : snapshot.trajectories()) {
            String run = csvText(t.label());
            HistoryView h = t.history();
            for (int r = 0; r < h.size(); r++) {
                line.setLength(0);
                line.append(run).append(',').append(h.step(r));
                for (int j = 0; j < d; j++) line.append(',').append(csvNumber(h.param(r, j)));
                line.append('\n');
                w.append(line);
            }
        }
        w.flush();
    }

    /** A number in full precision, or an empty cell for NaN. */
    static String csvNumber(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    /** RFC 4180 quoting when the text holds a comma, quote or line break. */
    static String csvText(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    // ---- summary ----------------------------------------------------------------------------

    /** One summary per trajectory, in run order. */
    public List<RunSummary> summaries() {
        List<RunSummary> out = new ArrayList<>();
        List<RunSpec> specs = experiment.spec().runs();
        for (int i = 0; i < snapshot.trajectories().size(); i++) {
            TrajectorySnapshot t = snapshot.trajectories().get(i);
            RunSpec spec = i < specs.size() ? specs.get(i) : null;
            HistoryView h = t.history();
            // Exact steps: the engine checks the milestones at every step, not only at kept rows.
            long train = t.milestoneStep(Milestone.MEMORIZED);
            long test = t.milestoneStep(Milestone.GENERALIZED);
            String[] status = trajectoryStatus(t);
            out.add(new RunSummary(t.label(), spec != null ? spec.lr() : t.lr(), spec != null ? spec.lambda() : t.lambda(),
                    t.totalSteps(), t.step(), status[0], status[1], t.theta(), finalMetrics(t),
                    train < 0 ? null : train, test < 0 ? null : test, resolution(h)));
        }
        return out;
    }

    /** The largest gap between consecutive stored steps (1 when nothing was thinned). */
    static long resolution(HistoryView h) {
        long gap = 1;
        for (int r = 1; r < h.size(); r++) gap = Math.max(gap, h.step(r) - h.step(r - 1));
        return gap;
    }

    /**
     * The metrics of the last row; a metric that is NaN there (the geometry columns: the last
     * state has no update to probe) is taken from the last row where it was measured.
     */
    static double[] finalMetrics(TrajectorySnapshot t) {
        double[] m = t.metrics();
        HistoryView h = t.history();
        for (Metric metric : Metric.values()) {
            int k = metric.ordinal();
            for (int r = h.size() - 1; r >= 0 && Double.isNaN(m[k]); r--) m[k] = h.metric(r, metric);
        }
        return m;
    }

    /** {status, message} of one trajectory: a run stops all its trajectories when one diverges. */
    private String[] trajectoryStatus(TrajectorySnapshot t) {
        if (t.step() >= t.totalSteps()) return new String[] {RunStatus.FINISHED.name(), "finished at step " + t.step()};
        RunStatus s = snapshot.status();
        String message = snapshot.message() == null ? "" : snapshot.message();
        if (s == RunStatus.DIVERGED && !message.startsWith("'" + t.label() + "'"))
            return new String[] {RunStatus.STOPPED.name(), "stopped at step " + t.step() + " because another run diverged"};
        return new String[] {s.name(), message};
    }

    public Path writeSummaryJson(Path file) throws IOException {
        ExperimentSpec spec = experiment.spec();
        List<String> names = experiment.model().parameterNames();
        ObjectNode root = JSON.createObjectNode();
        root.put("preset", spec.id());
        root.put("title", spec.title());
        root.put("paper", spec.paper());
        root.put("figure", spec.figure());
        root.put("seed", spec.seed());
        root.put("status", snapshot.status().name());
        root.put("message", snapshot.message());
        ObjectNode thresholds = root.putObject("thresholds");
        thresholds.put("train_loss", TRAIN_LOSS_THRESHOLD);
        thresholds.put("test_loss", TEST_LOSS_THRESHOLD);
        ArrayNode params = root.putArray("parameters");
        names.forEach(params::add);
        ArrayNode runs = root.putArray("runs");
        for (RunSummary s : summaries()) {
            ObjectNode r = runs.addObject();
            r.put("label", s.label());
            r.put("lr", s.lr());
            r.put("lambda", s.lambda());
            r.put("steps", s.steps());
            r.put("steps_done", s.stepsDone());
            r.put("status", s.status());
            r.put("message", s.message());
            ObjectNode theta = r.putObject("final_parameters");
            for (int j = 0; j < names.size(); j++) putNumber(theta, names.get(j), s.finalTheta()[j]);
            ObjectNode metrics = r.putObject("final_metrics");
            for (Metric m : Metric.values()) putNumber(metrics, m.column(), s.finalMetrics()[m.ordinal()]);
            putStep(r, "first_step_train_loss_below_1e-3", s.trainLossBelowStep());
            putStep(r, "first_step_test_loss_below_1e-2", s.testLossBelowStep());
            r.put("step_resolution", s.stepResolution());
        }
        JSON.writeValue(file.toFile(), root);
        return file;
    }

    /** JSON has no NaN or infinity: those become null. */
    private static void putNumber(ObjectNode node, String key, double v) {
        if (Double.isFinite(v)) node.put(key, v); else node.putNull(key);
    }

    private static void putStep(ObjectNode node, String key, Long step) {
        if (step == null) node.putNull(key); else node.put(key, step.longValue());
    }

    // ---- figures ----------------------------------------------------------------------------

    /** Writes {@link #FIGURE_FILES} into {@code dir} at the given size; returns the paths. */
    public List<Path> writeFigures(Path dir, int width, int height, FigureOptions o) throws IOException {
        Files.createDirectories(dir);
        List<TrajectorySnapshot> runs = snapshot.trajectories();
        FigureOptions captioned = o.caption() == null
                ? o.withCaption(experiment.spec().figure() + " · " + experiment.spec().title()) : o;
        List<Path> out = new ArrayList<>();
        out.add(save(LossCurvesFigure.loss(runs, captioned), dir.resolve(FIGURE_FILES.get(0)), width, height));
        out.add(save(LossCurvesFigure.accuracy(runs, captioned), dir.resolve(FIGURE_FILES.get(1)), width, height));
        out.add(save(new ParameterPlaneFigure(experiment).create(runs, captioned), dir.resolve(FIGURE_FILES.get(2)),
                width, height));
        out.add(save(GeometryFigure.create(runs, captioned), dir.resolve(FIGURE_FILES.get(3)), width, height));
        return out;
    }

    private static Path save(org.jfree.chart.JFreeChart chart, Path file, int w, int h) throws IOException {
        FigureExport.save(chart, file, w, h);
        return file;
    }
}
