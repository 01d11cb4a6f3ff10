package org.grokbench.ui;

import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.Metric;
import org.grokbench.experiment.TrajectorySnapshot;
import org.grokbench.plot.FigureOptions;
import org.grokbench.plot.SpectralSignatureFigure;
import org.grokbench.spectral.GrokkingForecast;
import org.grokbench.spectral.RunSignature;
import org.grokbench.spectral.SpectralOptions;
import org.jfree.chart.JFreeChart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The spectral signature of the early training loss (predicting-grokking §3, App. F): the detrended
 * first N = 400 steps of every run, their energy spectrum, the Hjorth numbers, t1..t4 and the forecast
 * once N steps are in. The header says, as the figure does, that the forecast is a heuristic from the
 * paper, not a guarantee (and on our presets it did not separate grokking from non-grokking runs).
 * Follows the timeline: scrubbed before step N, it shows the signature so far.
 */
public final class SpectralSignatureView extends ChartPanelView {
    private final CheckBox logLoss = new CheckBox("ln L");

    public SpectralSignatureView() {
        super("spectral-signature", "Spectral signature");
        logLoss.setId("spectral-log-loss");
        logLoss.setTooltip(new Tooltip("Analyse ln L instead of L (oscillations relative to the loss level)"));
        logLoss.selectedProperty().addListener((o, a, b) -> redrawFx());
        Label caveat = new Label("forecast: a heuristic, not a guarantee");
        caveat.setId("spectral-caveat");
        caveat.setTooltip(new Tooltip(GrokkingForecast.HEURISTIC + " "
                + GrokkingForecast.Calibration.OUR_PRESETS.evidence() + "."));
        addHeaderControl(caveat);
        addHeaderControl(logLoss);
    }

    /** Every model with a training loss; not the Eq. (20) dynamics, whose training loss is 0 by construction. */
    @Override
    public boolean appliesTo(Experiment experiment) {
        return !NormMinCosineView.isSimulatedDynamics(experiment);
    }

    /** On for the modular networks; off beside the toys, whose losses decay without oscillating, and the representation toy. */
    @Override
    public boolean shownByDefault(Experiment experiment) {
        return !experiment.isToy() && experiment.representation() == null;
    }

    /** The figure changes only while the first N steps come in and when an accuracy milestone is crossed. */
    @Override
    protected Object contentKey(Frame frame) {
        List<Object> key = new ArrayList<>();
        key.add(Math.min(frame.step(), SpectralOptions.DEFAULT_STEPS));
        key.add(frame.live());
        for (int i = 0; i < frame.trajectories().size(); i++) {
            int row = frame.row(i);
            if (row < 0) continue;
            var h = frame.trajectories().get(i).history();
            key.add(h.metric(row, Metric.TRAIN_ACC) > 0);
            key.add(h.metric(row, Metric.TRAIN_ACC) >= 1);
            key.add(h.metric(row, Metric.TEST_ACC) > 0);
            key.add(h.metric(row, Metric.TEST_ACC) >= 1);
        }
        return key;
    }

    @Override
    protected JFreeChart buildChart(Frame frame, FigureOptions options) {
        throw new IllegalStateException("built through chartJobFx");
    }

    @Override
    protected Supplier<JFreeChart> chartJobFx(Frame frame, FigureOptions options) {
        SpectralOptions so = SpectralOptions.DEFAULT.withSignal(logLoss.isSelected()
                ? SpectralOptions.Signal.LOG_LOSS : SpectralOptions.Signal.LOSS);
        long step = frame.step();
        List<TrajectorySnapshot> runs = frame.trajectories();
        return () -> {
            List<RunSignature> sigs = new ArrayList<>();
            for (TrajectorySnapshot t : runs) sigs.add(RunSignature.of(t.label(), t.history().until(step), so));
            return SpectralSignatureFigure.forSignatures(sigs, so, options);
        };
    }
}
