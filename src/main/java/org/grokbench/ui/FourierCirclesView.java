package org.grokbench.ui;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;
import org.grokbench.experiment.Experiment;
import org.grokbench.plot.FigureOptions;
import org.grokbench.plot.FourierCirclesFigure;
import org.jfree.chart.JFreeChart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The circles of geometry-of-grokking §7.3.2 (Figure 6): for every frequency k = 1..⌊(p−1)/2⌋ the
 * p embeddings projected on the plane of (Re F_k, Im F_k), and a large view of one frequency
 * (the dominant one unless picked), for the picked run at the shown step. Live while training;
 * scrubbing the timeline shows the circles as they were.
 */
public final class FourierCirclesView extends EmbeddingPanelView {
    private final ComboBox<Integer> frequency = new ComboBox<>();

    public FourierCirclesView() {
        super("fourier-circles", "Fourier circles");
        frequency.setId("fourier-circles-k");
        frequency.setTooltip(new Tooltip("The frequency k of the large view (largest |F_k| follows the run)"));
        frequency.setVisibleRowCount(14);
        frequency.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer k) {
                return k == null || k == FourierCirclesFigure.DOMINANT ? "largest |F_k|" : "k = " + k;
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        frequency.valueProperty().addListener((o, a, b) -> redrawFx());
        addHeaderControl(frequency);
    }

    /** The frequency picker: {@link FourierCirclesFigure#DOMINANT}, then 1..K. */
    public ComboBox<Integer> frequencyPicker() { return frequency; }

    /** The picked frequency ({@link FourierCirclesFigure#DOMINANT} for the largest). */
    public int selectedFrequency() {
        Integer k = frequency.getValue();
        return k == null ? FourierCirclesFigure.DOMINANT : k;
    }

    /** The many small plots need the width: two grid columns when there is room. */
    @Override
    public int columnWeight() { return 2; }

    @Override
    protected void bindEmbeddingFx(Experiment experiment) {
        int kmax = (experiment.modular().modulus() - 1) / 2;
        List<Integer> ks = new ArrayList<>();
        ks.add(FourierCirclesFigure.DOMINANT);
        for (int k = 1; k <= kmax; k++) ks.add(k);
        if (frequency.getItems().equals(ks)) return;
        int keep = selectedFrequency();
        frequency.getItems().setAll(ks);
        frequency.setValue(keep <= kmax ? keep : FourierCirclesFigure.DOMINANT);
    }

    @Override
    protected Object panelKey() {
        return selectedFrequency();
    }

    @Override
    protected Supplier<JFreeChart> chartJobFx(Frame frame, FigureOptions options) {
        int k = selectedFrequency();
        return () -> FourierCirclesFigure.create(frame.experiment(), frame.trajectories(), k, options);
    }

    @Override
    protected JFreeChart buildChart(Frame frame, FigureOptions options) {
        return FourierCirclesFigure.create(frame.experiment(), frame.trajectories(), FourierCirclesFigure.DOMINANT, options);
    }
}
