package org.grokbench.ui;

import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Tooltip;
import org.grokbench.experiment.Experiment;
import org.grokbench.plot.CurvatureFigure;
import org.grokbench.experiment.HistoryView;
import org.grokbench.experiment.TrajectorySnapshot;
import org.grokbench.plot.FigureOptions;
import org.grokbench.plot.IntrinsicDimensionFigure;
import org.grokbench.spectral.HiddenDimensionTrack;
import org.grokbench.plot.TrajectoryMeasuresFigure;
import org.grokbench.plot.TrajectoryPcaFigure;
import org.jfree.chart.JFreeChart;

/**
 * Curvature and trajectory (predicting-grokking §4, App. G.3-G.4): the Hessian extremes λ_max,
 * λ_min and their ratio, recorded live by the curvature probe; the gradient norm and the two
 * cosines of the weights; and the path in the plane of the trajectory's first two principal
 * components; and the intrinsic dimension of the hidden activations (App. H). One view at a time, picked in the header, so each is large enough to read.
 */
public final class CurvatureView extends ChartPanelView {
    /** What the panel shows. */
    enum Mode {
        HESSIAN("Hessian"),
        MEASURES("‖G‖², cos"),
        PCA("PCA"),
        INTRINSIC("Intrinsic dim.");

        final String label;

        Mode(String label) { this.label = label; }

        @Override public String toString() { return label; }
    }

    private final ChoiceBox<Mode> mode = new ChoiceBox<>();
    private final CheckBox logStep;
    private final RunPicker run;
    /** Intrinsic-dimension readings of the bound experiment, cached across frames (used on the figure worker). */
    private HiddenDimensionTrack dimensions;

    public CurvatureView() {
        super("curvature", "Curvature and trajectory");
        mode.getItems().setAll(Mode.values());
        mode.getSelectionModel().select(Mode.HESSIAN);
        mode.setId("curvature-mode");
        mode.setTooltip(new Tooltip("Hessian extremes (every probes.curvatureEvery steps), gradient norm and weight cosines,"
                + " the path in the first two principal components, or the intrinsic dimension (TwoNN, MLE) of the"
                + " training set's hidden activations at every recorded θ"));
        mode.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            updateControlsFx();
            resetZoomFx();
            redrawFx();
        });
        run = new RunPicker("curvature", this::redrawFx);
        addHeaderControl(mode);
        addHeaderControl(run.node());
        logStep = addLogStepToggle("log step");
        updateControlsFx();
    }

    /** The mode picker. */
    public ChoiceBox<Mode> modePicker() { return mode; }

    private Mode modeFx() {
        Mode m = mode.getSelectionModel().getSelectedItem();
        return m == null ? Mode.HESSIAN : m;
    }

    private void updateControlsFx() {
        boolean pca = modeFx() == Mode.PCA;
        logStep.setVisible(!pca);
        logStep.setManaged(!pca);
        // The PCA path and the intrinsic dimension are drawn for one run; the step curves show every run.
        boolean one = pca || modeFx() == Mode.INTRINSIC;
        boolean many = run.node().getItems().size() > 1;
        run.node().setVisible(one && many);
        run.node().setManaged(one && many);
    }

    @Override
    public boolean appliesTo(Experiment experiment) {
        return true;
    }

    /** Off by default on the toys (their own panels tell the story) and the representation toy (its accuracy and embedding panels do); on for the networks. */
    @Override
    public boolean shownByDefault(Experiment experiment) {
        return !experiment.isToy() && experiment.representation() == null;
    }

    @Override
    public void bindFx(Experiment experiment) {
        super.bindFx(experiment);
        run.bindFx(experiment);
        var surface = experiment.newLossSurface();
        dimensions = surface == null ? null : new HiddenDimensionTrack(surface);
        updateControlsFx();
    }

    @Override
    protected FigureOptions customize(FigureOptions o) {
        return o.withLogStep(logStep.isSelected() && modeFx() != Mode.PCA).withSelectedRun(run.selected());
    }

    @Override
    protected JFreeChart buildChart(Frame frame, FigureOptions options) {
        throw new IllegalStateException("built through chartJobFx");
    }

    @Override
    protected java.util.function.Supplier<JFreeChart> chartJobFx(Frame frame, FigureOptions options) {
        Mode m = modeFx();
        HiddenDimensionTrack track = dimensions;
        boolean hasHessian = frame.experiment().spec().probes().curvatureEvery() > 0
                && !NormMinCosineView.isSimulatedDynamics(frame.experiment());
        return () -> switch (m) {
            case HESSIAN -> hasHessian ? CurvatureFigure.create(frame.trajectories(), options)
                    : CurvatureFigure.unavailable(NormMinCosineView.isSimulatedDynamics(frame.experiment())
                    ? "the simulated dynamics of Eq. (20) have no training loss to curve (it is 0 by construction)"
                    : "the curvature probe is off (probes.curvatureEvery = 0 in the preset)", options);
            case MEASURES -> TrajectoryMeasuresFigure.create(frame.trajectories(), options);
            case PCA -> TrajectoryPcaFigure.create(frame.trajectories(), options);
            case INTRINSIC -> intrinsicDimension(track, frame, options);
        };
    }

    /** TwoNN and MLE of the selected run's hidden activations on the training set, at its θ rows up to the shown step. */
    private static JFreeChart intrinsicDimension(HiddenDimensionTrack track, Frame frame, FigureOptions options) {
        if (track == null)
            return IntrinsicDimensionFigure.unavailable("the simulated dynamics of Eq. (20) have no trained network to probe", options);
        int i = Math.min(options.selectedRun(), frame.trajectories().size() - 1);
        TrajectorySnapshot t = frame.trajectories().get(i);
        HistoryView h = t.history().until(frame.step());
        if (h.parameterRows() == 0) return IntrinsicDimensionFigure.unavailable("no θ recorded yet", options);
        if (!track.hasHiddenLayer(h)) return IntrinsicDimensionFigure.unavailable("the model has no hidden layer", options);
        int samples = track.samples(h);
        return IntrinsicDimensionFigure.create(t.label(), i, track.of(i, h), samples, options);
    }

    /**
     * A PCA of hundreds of θ rows costs tens of milliseconds, and every new θ row's intrinsic dimension
     * a forward pass and a nearest-neighbour search: while the run trains, wait twice
     * what the last picture cost between pictures.
     */
    @Override
    protected double throttleFactor() {
        return modeFx() == Mode.PCA || modeFx() == Mode.INTRINSIC ? 2 : 0;
    }
}
