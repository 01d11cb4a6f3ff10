package org.grokbench.ui;

import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Tooltip;
import org.grokbench.data.AdditionTable;
import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.HistoryView;
import org.grokbench.experiment.Metric;
import org.grokbench.experiment.RepresentationProblem;
import org.grokbench.experiment.TrajectorySnapshot;
import org.grokbench.plot.EffectiveTheoryFigure;
import org.grokbench.plot.FigureOptions;
import org.grokbench.plot.GrokkingRateFigure;
import org.grokbench.representation.EffectiveTheory;
import org.grokbench.representation.GrokkingRateSurvey;
import org.grokbench.representation.Parallelograms;
import org.grokbench.representation.TheoryComparison;
import org.grokbench.representation.ToySpec;
import org.jfree.chart.JFreeChart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The effective theory of Liu et al. 2022 (§3.2) beside the representation toy, in two modes.
 *
 * <p><b>Theory vs network</b> (Fig. 4 c-d): the flow of ℓ_eff = ℓ₀/Z₀ on the run's training set,
 * started from the run's normalized initial embeddings and advanced η·|P₀(D)| per step (decision
 * 0011, item 3), beside the network's normalized embeddings at its stored θ rows; the timeline's
 * step is marked (1D) or shown (2D and above). η is the preset's representation learning rate: an lr
 * changed in the window while the run trains moves the network, not the theory drawn here.
 *
 * <p><b>λ₃ vs training fraction</b> (Fig. 5a, 4a): λ₃ of {@value #TRIALS} random training sets at each
 * of {@value #FRACTIONS} fractions 0.05 … 1 with the critical fraction r_c, this run's training set
 * marked with its predicted steps 1/(λ₃η), and the step at which the network's RQI passed 0.95.
 * The survey is a few thousand 10 × 10 eigenproblems (~0.1 s): computed once per experiment on the
 * figure worker and kept.
 */
public final class EffectiveTheoryView extends EmbeddingPanelView {
    /** What the panel shows. */
    enum Mode {
        THEORY("Theory vs network"),
        RATE("\u03bb\u2083 vs training fraction");

        final String label;

        Mode(String label) { this.label = label; }

        @Override public String toString() { return label; }
    }

    static final int TRIALS = 200;
    static final int FRACTIONS = 20;
    /** RQI above which the representation counts as formed (the paper's grokking step, Fig. 4b). */
    static final double FORMED = 0.95;

    private final ChoiceBox<Mode> mode = new ChoiceBox<>();
    /** The survey of the bound experiment, computed on the figure worker at first use. */
    private volatile SurveyCache survey;

    private record SurveyCache(Experiment experiment, GrokkingRateSurvey survey) {}

    public EffectiveTheoryView() {
        super("effective-theory", "Effective theory");
        mode.getItems().setAll(Mode.values());
        mode.getSelectionModel().select(Mode.THEORY);
        mode.setId("effective-theory-mode");
        mode.setTooltip(new Tooltip("The theory's embeddings beside the network's over time (Fig. 4 c-d), or the grokking"
                + " rate \u03bb\u2083 of random training sets against the training fraction with the critical fraction (Fig. 5a)"));
        mode.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            resetZoomFx();
            redrawFx();
        });
        addHeaderControl(mode);
    }

    /** The mode picker. */
    public ChoiceBox<Mode> modePicker() { return mode; }

    private Mode modeFx() {
        Mode m = mode.getSelectionModel().getSelectedItem();
        return m == null ? Mode.THEORY : m;
    }

    @Override
    public boolean appliesTo(Experiment experiment) {
        return DecoderMapView.appliesToSum(experiment);
    }

    @Override
    protected void bindEmbeddingFx(Experiment experiment) {
        if (survey != null && survey.experiment() != experiment) survey = null;
    }

    /**
     * Theory mode depends on every θ row up to the newest, rate mode only on when RQI passed 0.95:
     * the key adds those to the shown θ row and the picked run.
     */
    @Override
    protected Object contentKey(Frame f) {
        Mode m = modeFx();
        List<TrajectorySnapshot> runs = f.trajectories();
        if (runs.isEmpty()) return List.of(f.experiment(), m);
        HistoryView h = runs.get(Math.min(runs.size() - 1, selectedRun())).history();
        if (m == Mode.RATE) return List.of(f.experiment(), m, selectedRun(), formedAt(h));
        int rows = h.parameterRows();
        return List.of(super.contentKey(f), m, rows == 0 ? -1L : h.parameterStep(rows - 1), f.figureStep());
    }

    /** First recorded step with RQI above {@link #FORMED}, −1 if none yet. */
    static long formedAt(HistoryView h) {
        for (int i = 0; i < h.size(); i++) if (h.metric(i, Metric.RQI) > FORMED) return h.step(i);
        return -1;
    }

    @Override
    protected JFreeChart buildChart(Frame frame, FigureOptions options) {
        return chartJobFx(frame, options).get();
    }

    @Override
    protected Supplier<JFreeChart> chartJobFx(Frame frame, FigureOptions options) {
        Mode m = modeFx();
        RepresentationProblem rp = frame.experiment().representation();
        List<TrajectorySnapshot> runs = frame.trajectories();
        if (rp == null || runs.isEmpty()) return () -> EffectiveTheoryFigure.unavailable("no representation run", options);
        TrajectorySnapshot t = runs.get(Math.min(runs.size() - 1, selectedRun()));
        Experiment experiment = frame.experiment();
        return m == Mode.RATE ? () -> rate(experiment, rp, t, options) : () -> theory(rp, t, options);
    }

    /** The theory beside the network at every stored θ row (step 0 from θ₀ when the history starts later). */
    private static JFreeChart theory(RepresentationProblem rp, TrajectorySnapshot t, FigureOptions options) {
        HistoryView h = t.history();
        int rows = h.leadingRows();
        if (rows == 0) return EffectiveTheoryFigure.unavailable("no θ recorded yet", options);
        List<Long> steps = new ArrayList<>(rows + 1);
        List<double[]> emb = new ArrayList<>(rows + 1);
        if (h.leadingStep(0) != 0) {
            steps.add(0L);
            emb.add(rp.embeddings(rp.initialParameters()));
        }
        for (int r = 0; r < rows; r++) {
            steps.add(h.leadingStep(r));
            emb.add(rp.embeddings(h.leadingRow(r)));
        }
        long[] s = steps.stream().mapToLong(Long::longValue).toArray();
        TheoryComparison c = TheoryComparison.of(rp.spec(), s, emb.toArray(new double[0][]));
        return EffectiveTheoryFigure.create(c, t.label(), options);
    }

    private JFreeChart rate(Experiment experiment, RepresentationProblem rp, TrajectorySnapshot t, FigureOptions options) {
        SurveyCache cached = survey;
        if (cached == null || cached.experiment() != experiment) {
            double[] fractions = new double[FRACTIONS];
            for (int i = 0; i < FRACTIONS; i++) fractions[i] = (i + 1) / (double) FRACTIONS;
            AdditionTable table = (AdditionTable) rp.table();   // appliesTo admits addition only
            cached = new SurveyCache(experiment, GrokkingRateSurvey.run(table, fractions, TRIALS, rp.spec().seed()));
            survey = cached;
        }
        ToySpec spec = rp.spec();
        Parallelograms p0d = Parallelograms.of(rp.table(), rp.split().train());
        double l3 = EffectiveTheory.forTrainingSet(p0d).grokkingRate();
        GrokkingRateFigure.Split split = new GrokkingRateFigure.Split(rp.split().trainFraction(), l3, p0d.size(),
                spec.representation().lr());
        long formed = formedAt(t.history());
        String note = String.format(Locale.ROOT, "network \u2018%s\u2019: RQI > %.2f %s", t.label(), FORMED,
                formed < 0 ? "not yet (step " + t.step() + ")" : "at step " + formed);
        return GrokkingRateFigure.create(cached.survey(), TRIALS, split, options.withCaption(note));
    }

    /** The survey's cost is paid once; the theory flow is a few milliseconds per thousand steps. */
    @Override
    protected double throttleFactor() {
        return 2;
    }
}
