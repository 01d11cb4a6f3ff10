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
import org.grokbench.experiment.ModularProblem;
import org.grokbench.experiment.RepresentationProblem;
import org.grokbench.experiment.RunSpec;
import org.grokbench.experiment.RunStatus;
import org.grokbench.experiment.Snapshot;
import org.grokbench.experiment.TrajectorySnapshot;
import org.grokbench.modular.FourierFeatures;
import org.grokbench.plot.EmbeddingPcaFigure;
import org.grokbench.plot.FigureExport;
import org.grokbench.plot.FigureOptions;
import org.grokbench.plot.FourierCirclesFigure;
import org.grokbench.plot.FourierFeaturesFigure;
import org.grokbench.plot.GeometryFigure;
import org.grokbench.plot.LossCurvesFigure;
import org.grokbench.plot.NormMinCosineFigure;
import org.grokbench.plot.ParameterPlaneFigure;
import org.grokbench.plot.RepresentationEmbeddingFigure;
import org.grokbench.representation.ToySpec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the results of a finished (or diverged) run: {@code metrics.csv}, {@code summary.json},
 * the figures, and the parameters: {@code trajectory.csv} for the toy models, {@code embeddings.csv}
 * and {@code fourier.csv} for modular addition (whose θ has thousands of entries). Shared by the
 * {@code run} command and the window's export, so that both produce the same files.
 *
 * <ul>
 *   <li>metrics.csv: {@code run,step,} then every {@link Metric} column (train_loss, test_loss,
 *       weight_norm, train_acc, test_acc, dist_to_zero_loss, cos_norm_min, update_normal,
 *       update_tangent); one row per stored history row; an empty cell where a value is NaN
 *       (geometry columns on steps the probe skipped).</li>
 *   <li>trajectory.csv (toy models and regression tasks): {@code run,step,} then the model's parameter names
 *       (w1, w2, ...); for more than 3 parameters at most {@link #MAX_WIDE_TRAJECTORY_ROWS} rows per run.</li>
 *   <li>embeddings.csv (modular): {@code run,step,residue,e_0,...,e_{d_h−1}}: the embedding matrix E,
 *       one row per residue, at the first and the last stored θ row of each run.</li>
 *   <li>fourier.csv (modular): {@value #FOURIER_HEADER}: for every stored θ row of every run and
 *       every frequency k = 1..⌊(p−1)/2⌋, ‖Re F_k‖, ‖Im F_k‖ and cos(Re F_k, Im F_k) of E
 *       (geometry-of-grokking §7.3.2). Large models keep fewer θ rows than metric rows
 *       (see {@code History.parameterCap}), so this file is coarser than metrics.csv.</li>
 *   <li>summary.json: the preset, the overall status, and per run its settings, final metrics
 *       (geometry metrics: the last probed value), the first steps at which train loss &lt;
 *       {@value #TRAIN_LOSS_THRESHOLD} and test loss &lt; {@value #TEST_LOSS_THRESHOLD} (null if
 *       never; exact whatever the history kept), and the CSV's step resolution (see
 *       {@link RunSummary}). Toy runs add their final θ; modular runs add the model, the data split
 *       and the first steps at which train accuracy = 1 and test accuracy ≥
 *       {@value #TEST_ACCURACY_THRESHOLD} (exact: engine milestones).</li>
 * </ul>
 * The {@code run} column holds the run's label. Numbers are written in full precision
 * ({@link Double#toString}); histories longer than the preset's {@code historyCap} are thinned
 * evenly by the engine, and the files hold what the history holds.
 */
public final class RunOutputWriter {
    public static final String METRICS_CSV = "metrics.csv";
    public static final String TRAJECTORY_CSV = "trajectory.csv";
    /**
     * Rows of trajectory.csv per run for models with more than 3 parameters (every k-th recorded
     * row and the last): θ of a regression task has up to 10⁵ numbers per row.
     */
    public static final int MAX_WIDE_TRAJECTORY_ROWS = 1000;
    public static final String EMBEDDINGS_CSV = "embeddings.csv";
    public static final String FOURIER_CSV = "fourier.csv";
    /** The exact header of fourier.csv. */
    public static final String FOURIER_HEADER = "run,step,k,re_norm,im_norm,cos_re_im";
    public static final String SUMMARY_JSON = "summary.json";
    public static final String FIGURES_DIR = "figures";
    public static final double TRAIN_LOSS_THRESHOLD = Milestone.MEMORIZED.threshold();
    public static final double TEST_LOSS_THRESHOLD = Milestone.GENERALIZED.threshold();
    /** Modular runs: "memorized" is train accuracy 1, "generalized" test accuracy at least this. */
    public static final double TEST_ACCURACY_THRESHOLD = Milestone.TEST_ACCURACY_99.threshold();
    /** Representation runs: the paper's grokking criterion, RQI above this (Liu et al. 2022, §4). */
    public static final double RQI_THRESHOLD = 0.95;

    /** The figures {@link #writeFigures} writes for a toy model, by file name. */
    public static final List<String> FIGURE_FILES =
            List.of("loss.png", "accuracy.png", "parameter-plane.png", "geometry.png");
    /** The figures {@link #writeFigures} writes for modular addition (the Eq. 20 dynamics have no update cosine). */
    public static final List<String> MODULAR_FIGURE_FILES =
            List.of("loss.png", "accuracy.png", "fourier-circles.png", "fourier-features.png", "embedding-pca.png");
    /** The figures {@link #writeFigures} writes for the representation toy. */
    public static final List<String> REPRESENTATION_FIGURE_FILES = List.of("loss.png", "accuracy.png", "embeddings.png");
    /** Added to {@link #MODULAR_FIGURE_FILES} for the trained network ({@code modular-mlp}): Figure 5 (right). */
    public static final String COS_NORM_MIN_FIGURE = "cos-norm-min.png";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Experiment experiment;
    private final Snapshot snapshot;

    /**
     * What one trajectory achieved; {@code null} steps mean "never". The first-crossing steps are
     * exact (the engine checks its milestones every step). {@code stepResolution} is the largest
     * gap between stored history rows, i.e. the CSV's resolution: 1 until a run outgrows the
     * history cap. The accuracy steps (modular runs only, else null): first step with train
     * accuracy 1 and with test accuracy ≥ {@value #TEST_ACCURACY_THRESHOLD}.
     */
    public record RunSummary(String label, double lr, double lambda, long steps, long stepsDone, String status,
                             String message, double[] finalTheta, double[] finalMetrics,
                             Long trainLossBelowStep, Long testLossBelowStep, long stepResolution,
                             Long trainAccuracyOneStep, Long testAccuracyStep) {}

    public RunOutputWriter(Experiment experiment, Snapshot snapshot) {
        this.experiment = experiment;
        this.snapshot = snapshot;
    }

    /** Writes every file into {@code dir} (created if needed); returns the paths written. */
    public List<Path> writeAll(Path dir, int width, int height, FigureOptions figures) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        written.add(writeMetricsCsv(dir.resolve(METRICS_CSV)));
        if (isRepresentation()) {
            written.add(writeEmbeddingsCsv(dir.resolve(EMBEDDINGS_CSV)));
        } else if (isModular()) {
            written.add(writeEmbeddingsCsv(dir.resolve(EMBEDDINGS_CSV)));
            written.add(writeFourierCsv(dir.resolve(FOURIER_CSV)));
        } else {
            written.add(writeTrajectoryCsv(dir.resolve(TRAJECTORY_CSV)));
        }
        written.add(writeSummaryJson(dir.resolve(SUMMARY_JSON)));
        if (figures != null) written.addAll(writeFigures(dir.resolve(FIGURES_DIR), width, height, figures));
        return written;
    }

    /** Whether the experiment is modular addition (embeddings and Fourier files instead of trajectory.csv). */
    public boolean isModular() {
        return experiment.modular() != null;
    }

    /** Whether the experiment is the representation toy (embeddings.csv of E_k, accuracy milestones, RQI). */
    public boolean isRepresentation() {
        return experiment.representation() != null;
    }

    /** The representation toy's problem (table, split, model, ideal bounds), or null. */
    public RepresentationProblem representation() {
        return experiment.representation();
    }

    /** The data files {@link #writeAll} writes besides the figures, in order. */
    public List<String> dataFiles() {
        if (isRepresentation()) return List.of(METRICS_CSV, EMBEDDINGS_CSV, SUMMARY_JSON);
        return isModular() ? List.of(METRICS_CSV, EMBEDDINGS_CSV, FOURIER_CSV, SUMMARY_JSON)
                : List.of(METRICS_CSV, TRAJECTORY_CSV, SUMMARY_JSON);
    }

    /** The figures {@link #writeFigures} writes for this experiment, by file name. */
    public List<String> figureFiles() {
        if (isRepresentation()) return REPRESENTATION_FIGURE_FILES;
        if (!isModular()) return FIGURE_FILES;
        if (!"modular-mlp".equals(experiment.spec().model().kind())) return MODULAR_FIGURE_FILES;
        List<String> files = new ArrayList<>(MODULAR_FIGURE_FILES);
        files.add(COS_NORM_MIN_FIGURE);
        return List.copyOf(files);
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

    /** What writes one output file's text. */
    @FunctionalInterface
    private interface Body {
        void write(Writer w) throws IOException;
    }

    /** Writes {@code file} (UTF-8) with {@code body} and returns it. */
    private static Path writeFile(Path file, Body body) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            body.write(w);
        }
        return file;
    }

    public Path writeMetricsCsv(Path file) throws IOException {
        return writeFile(file, this::writeMetricsCsv);
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
        return writeFile(file, this::writeTrajectoryCsv);
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
            // Large models (the regression tasks, up to 10⁵ weights): an even subset of the rows.
            int stride = d <= 3 ? 1 : Math.max(1, (h.size() + MAX_WIDE_TRAJECTORY_ROWS - 1) / MAX_WIDE_TRAJECTORY_ROWS);
            for (int r = 0; r < h.size(); r++) {
                if (r % stride != 0 && r != h.size() - 1) continue;
                line.setLength(0);
                line.append(run).append(',').append(h.step(r));
                for (int j = 0; j < d; j++) line.append(',').append(csvNumber(h.param(r, j)));
                line.append('\n');
                w.append(line);
            }
        }
        w.flush();
    }

    /**
     * {@code run,step,residue,e_0,...,e_{d_h−1}} (modular) or {@code run,step,symbol,e_0,...,e_{d−1}}
     * (representation toy): the exact header of embeddings.csv.
     */
    public String embeddingsHeader() {
        if (isRepresentation()) {
            StringBuilder b = new StringBuilder("run,step,symbol");
            // S3's d × d matrices as d² columns, row-major
            for (int c = 0; c < experiment.representation().embeddingWidth(); c++) b.append(",e_").append(c);
            return b.toString();
        }
        StringBuilder b = new StringBuilder("run,step,residue");
        for (int h = 0; h < requireModular().hidden(); h++) b.append(",e_").append(h);
        return b.toString();
    }

    public Path writeEmbeddingsCsv(Path file) throws IOException {
        return writeFile(file, this::writeEmbeddingsCsv);
    }

    /**
     * Modular: E at the first and the last stored θ row of every run (once when they are the same
     * row). Representation toy: the embeddings E_k at every stored θ row.
     */
    public void writeEmbeddingsCsv(Writer out) throws IOException {
        if (isRepresentation()) {
            writeRepresentationEmbeddings(out);
            return;
        }
        ModularProblem m = requireModular();
        int p = m.modulus(), dh = m.hidden();
        BufferedWriter w = out instanceof BufferedWriter bw ? bw : new BufferedWriter(out);
        w.write(embeddingsHeader());
        w.write('\n');
        StringBuilder line = new StringBuilder(dh * 24);
        for (TrajectorySnapshot t : snapshot.trajectories()) {
            String run = csvText(t.label());
            HistoryView h = t.history();
            int rows = h.parameterRows();
            int[] kept = rows == 0 ? new int[0] : rows == 1 ? new int[] {0} : new int[] {0, rows - 1};
            for (int i : kept) {
                double[] theta = h.parameterRow(i);
                for (int j = 0; j < p; j++) {
                    line.setLength(0);
                    line.append(run).append(',').append(h.parameterStep(i)).append(',').append(j);
                    for (int c = 0; c < dh; c++) line.append(',').append(csvNumber(theta[j * dh + c]));
                    line.append('\n');
                    w.append(line);
                }
            }
        }
        w.flush();
    }

    private void writeRepresentationEmbeddings(Writer out) throws IOException {
        RepresentationProblem rp = experiment.representation();
        int p = rp.symbols(), d = rp.embeddingWidth();
        BufferedWriter w = out instanceof BufferedWriter bw ? bw : new BufferedWriter(out);
        w.write(embeddingsHeader());
        w.write('\n');
        StringBuilder line = new StringBuilder(64 + 24 * d);
        for (TrajectorySnapshot t : snapshot.trajectories()) {
            String run = csvText(t.label());
            HistoryView h = t.history();
            for (int i = 0; i < h.parameterRows(); i++) {
                double[] e = rp.embeddings(h.parameterRow(i));
                for (int k = 0; k < p; k++) {
                    line.setLength(0);
                    line.append(run).append(',').append(h.parameterStep(i)).append(',').append(k);
                    for (int c = 0; c < d; c++) line.append(',').append(csvNumber(e[k * d + c]));
                    line.append('\n');
                    w.append(line);
                }
            }
        }
        w.flush();
    }

    public Path writeFourierCsv(Path file) throws IOException {
        return writeFile(file, this::writeFourierCsv);
    }

    /** {@value #FOURIER_HEADER}: ⌊(p−1)/2⌋ rows per stored θ row per run (none for p &lt; 3). */
    public void writeFourierCsv(Writer out) throws IOException {
        ModularProblem m = requireModular();
        int p = m.modulus(), dh = m.hidden();
        BufferedWriter w = out instanceof BufferedWriter bw ? bw : new BufferedWriter(out);
        w.write(FOURIER_HEADER);
        w.write('\n');
        StringBuilder line = new StringBuilder(128);
        for (TrajectorySnapshot t : snapshot.trajectories()) {
            String run = csvText(t.label());
            HistoryView h = t.history();
            for (int i = 0; i < h.parameterRows() && p >= 3; i++) {
                FourierFeatures f = FourierFeatures.of(Arrays.copyOf(h.parameterRow(i), p * dh), p, dh);
                long step = h.parameterStep(i);
                for (int k = 1; k <= f.frequencyCount(); k++) {
                    line.setLength(0);
                    line.append(run).append(',').append(step).append(',').append(k)
                            .append(',').append(csvNumber(f.realNorm(k)))
                            .append(',').append(csvNumber(f.imagNorm(k)))
                            .append(',').append(csvNumber(f.realImagCosine(k))).append('\n');
                    w.append(line);
                }
            }
        }
        w.flush();
    }

    private ModularProblem requireModular() {
        ModularProblem m = experiment.modular();
        if (m == null) throw new IllegalStateException("not a modular-addition experiment");
        return m;
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
            Long trainAcc = null, testAcc = null;
            if (isModular() || isRepresentation()) {
                // Exact: the engine checks these milestones at every step.
                trainAcc = stepOrNull(t.milestoneStep(Milestone.TRAIN_ACCURACY_FULL));
                testAcc = stepOrNull(t.milestoneStep(Milestone.TEST_ACCURACY_99));
            }
            out.add(new RunSummary(t.label(), spec != null ? spec.lr() : t.lr(), spec != null ? spec.lambda() : t.lambda(),
                    t.totalSteps(), t.step(), status[0], status[1], t.theta(), finalMetrics(t),
                    train < 0 ? null : train, test < 0 ? null : test, resolution(h), trainAcc, testAcc));
        }
        return out;
    }

    private static Long stepOrNull(long step) {
        return step < 0 ? null : step;
    }

    /** The largest gap between consecutive stored θ steps (1 when nothing was thinned). */
    static long parameterResolution(HistoryView h) {
        long gap = 1;
        for (int i = 1; i < h.parameterRows(); i++) gap = Math.max(gap, h.parameterStep(i) - h.parameterStep(i - 1));
        return gap;
    }

    /** The largest gap between consecutive stored steps (1 when nothing was thinned). */
    static long resolution(HistoryView h) {
        long gap = 1;
        for (int r = 1; r < h.size(); r++) gap = Math.max(gap, h.step(r) - h.step(r - 1));
        return gap;
    }

    /**
     * The metrics of the last row; a metric that is NaN there (a geometry column on a step the
     * probe skipped) is taken from the last row where it was measured.
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
        boolean modular = isModular();
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
        boolean repr = isRepresentation();
        List<String> names = modular || repr ? List.of() : experiment.model().parameterNames();
        if (repr) {
            thresholds.put("train_accuracy", 1.0);
            thresholds.put("test_accuracy", TEST_ACCURACY_THRESHOLD);
            thresholds.put("rqi", RQI_THRESHOLD);
            RepresentationProblem rp = experiment.representation();
            ToySpec toy = rp.spec();
            ObjectNode model = root.putObject("model");
            model.put("kind", spec.model().kind());
            model.put("p", toy.p());
            model.put("modular", toy.modular());
            model.put("group", toy.task().name().toLowerCase(java.util.Locale.ROOT));
            model.put("embedding_dim", toy.embeddingDim());
            ArrayNode widths = model.putArray("decoder_widths");
            for (int x : toy.hiddenWidths()) widths.add(x);
            model.put("output_dim", rp.model().widths()[rp.model().widths().length - 1]);
            model.put("loss", toy.loss().name().toLowerCase(java.util.Locale.ROOT));
            model.put("representation_optimizer", toy.representation().name());
            model.put("decoder_optimizer", toy.decoder().name());
            model.put("decoder_lr", toy.decoder().lr());
            model.put("decoder_weight_decay", toy.decoder().weightDecay());
            model.put("delta", toy.delta());
            ObjectNode data = root.putObject("data");
            data.put("train_samples", rp.split().train().length);
            data.put("validation_samples", rp.split().validation().length);
            data.put("batch_size", Math.min(toy.batchSize(), toy.trainCount()));
            if (rp.ideal() == null) {
                root.putNull("ideal");   // S3 (App. H): no linear theory of a matrix product
            } else {
                ObjectNode ideal = root.putObject("ideal");
                putNumber(ideal, "rqi_bar", rp.ideal().rqiBar());
                putNumber(ideal, "acc_bar", rp.ideal().accBar());
                putNumber(ideal, "validation_acc_bar", rp.ideal().validationAccBar());
                ideal.put("nullity", rp.ideal().nullity());
            }
        } else if (modular) {
            thresholds.put("train_accuracy", 1.0);
            thresholds.put("test_accuracy", TEST_ACCURACY_THRESHOLD);
            ModularProblem m = experiment.modular();
            ObjectNode model = root.putObject("model");
            model.put("kind", spec.model().kind());
            model.put("modulus", m.modulus());
            model.put("hidden", m.hidden());
            model.put("activation", spec.model().activation());
            model.put("reduction", spec.model().reduction());
            ObjectNode data = root.putObject("data");
            if (spec.modularData() != null) data.put("pairs", spec.modularData().pairs());
            data.put("train_pairs", m.train().size());
            data.put("test_pairs", m.test().size());
            root.put("accuracy_steps_note", "first stored history row reaching the threshold: exact while step_resolution"
                    + " is 1, otherwise at most step_resolution steps late");
        } else {
            ArrayNode params = root.putArray("parameters");
            names.forEach(params::add);
        }
        ArrayNode runs = root.putArray("runs");
        List<TrajectorySnapshot> trajectories = snapshot.trajectories();
        List<RunSummary> summaries = summaries();
        for (int i = 0; i < summaries.size(); i++) {
            RunSummary s = summaries.get(i);
            ObjectNode r = runs.addObject();
            r.put("label", s.label());
            r.put("lr", s.lr());
            r.put("lambda", s.lambda());
            r.put("steps", s.steps());
            r.put("steps_done", s.stepsDone());
            r.put("status", s.status());
            r.put("message", s.message());
            if (repr) {
                ArrayNode emb = r.putArray("final_embeddings");
                for (double v : experiment.representation().embeddings(s.finalTheta())) emb.add(v);
            } else if (!modular) {
                ObjectNode theta = r.putObject("final_parameters");
                for (int j = 0; j < names.size(); j++) putNumber(theta, names.get(j), s.finalTheta()[j]);
            }
            ObjectNode metrics = r.putObject("final_metrics");
            for (Metric m : Metric.values()) putNumber(metrics, m.column(), s.finalMetrics()[m.ordinal()]);
            putStep(r, "first_step_train_loss_below_1e-3", s.trainLossBelowStep());
            putStep(r, "first_step_test_loss_below_1e-2", s.testLossBelowStep());
            if (modular || repr) {
                putStep(r, "first_step_train_accuracy_1", s.trainAccuracyOneStep());
                putStep(r, "first_step_test_accuracy_0.99", s.testAccuracyStep());
            }
            if (repr) putStep(r, "first_step_rqi_above_0.95", firstRqiAbove(trajectories.get(i).history(), RQI_THRESHOLD));
            r.put("step_resolution", s.stepResolution());
            if (modular || repr) {
                HistoryView h = trajectories.get(i).history();
                r.put("theta_rows", h.parameterRows());
                r.put("theta_step_resolution", parameterResolution(h));
            }
        }
        JSON.writeValue(file.toFile(), root);
        return file;
    }

    /** The first stored history row with RQI above {@code threshold}, or null (exact while the resolution is 1). */
    public static Long firstRqiAbove(HistoryView h, double threshold) {
        for (int r = 0; r < h.size(); r++) if (h.metric(r, Metric.RQI) > threshold) return h.step(r);
        return null;
    }

    /** JSON has no NaN or infinity: those become null. */
    private static void putNumber(ObjectNode node, String key, double v) {
        if (Double.isFinite(v)) node.put(key, v); else node.putNull(key);
    }

    private static void putStep(ObjectNode node, String key, Long step) {
        if (step == null) node.putNull(key); else node.put(key, step.longValue());
    }

    // ---- figures ----------------------------------------------------------------------------

    /** Writes {@link #figureFiles()} into {@code dir} at the given size; returns the paths. */
    public List<Path> writeFigures(Path dir, int width, int height, FigureOptions o) throws IOException {
        Files.createDirectories(dir);
        List<TrajectorySnapshot> runs = snapshot.trajectories();
        FigureOptions captioned = o.caption() == null
                ? o.withCaption(experiment.spec().figure() + " · " + experiment.spec().title()) : o;
        List<String> files = figureFiles();
        List<Path> out = new ArrayList<>();
        out.add(save(LossCurvesFigure.loss(runs, captioned), dir.resolve(files.get(0)), width, height));
        if (isRepresentation()) {
            RepresentationProblem rp = experiment.representation();
            out.add(save(LossCurvesFigure.representationAccuracy(runs, rp.rqiBar(), rp.accBar(), captioned),
                    dir.resolve(files.get(1)), width, height));
            out.add(save(RepresentationEmbeddingFigure.create(experiment, runs, captioned), dir.resolve(files.get(2)), width, height));
            return out;
        }
        out.add(save(LossCurvesFigure.accuracy(runs, captioned), dir.resolve(files.get(1)), width, height));
        if (isModular()) {
            out.add(save(FourierCirclesFigure.create(experiment, runs, captioned), dir.resolve(files.get(2)), width, height));
            out.add(save(FourierFeaturesFigure.create(experiment, runs, captioned), dir.resolve(files.get(3)), width, height));
            out.add(save(EmbeddingPcaFigure.create(experiment, runs, captioned), dir.resolve(files.get(4)), width, height));
            if (files.size() > 5)
                out.add(save(NormMinCosineFigure.create(runs, captioned), dir.resolve(files.get(5)), width, height));
            return out;
        }
        out.add(save(new ParameterPlaneFigure(experiment).create(runs, captioned), dir.resolve(files.get(2)),
                width, height));
        out.add(save(GeometryFigure.create(runs, captioned), dir.resolve(files.get(3)), width, height));
        return out;
    }

    private static Path save(org.jfree.chart.JFreeChart chart, Path file, int w, int h) throws IOException {
        FigureExport.save(chart, file, w, h);
        return file;
    }
}
