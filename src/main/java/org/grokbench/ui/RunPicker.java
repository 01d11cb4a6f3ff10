package org.grokbench.ui;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.RunSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The header picker of a panel that draws one trajectory of the experiment (a run / seed): the
 * run labels in the preset's order, hidden when there is only one, and the choice kept when the
 * same preset is bound again (a reset). FX thread only.
 */
final class RunPicker {
    private final ComboBox<String> box = new ComboBox<>();
    private String boundPreset;

    /** @param onChange called on the FX thread when the user picks another run */
    RunPicker(String panelId, Runnable onChange) {
        box.setId(panelId + "-run");
        box.setTooltip(new Tooltip("Which run (seed) to show"));
        box.setVisibleRowCount(12);
        box.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> onChange.run());
    }

    ComboBox<String> node() { return box; }

    /** The picked trajectory (0 when none is picked). */
    int selected() {
        return Math.max(0, box.getSelectionModel().getSelectedIndex());
    }

    /** Follows a newly bound experiment. */
    void bindFx(Experiment experiment) {
        List<String> labels = new ArrayList<>();
        for (RunSpec r : experiment.spec().runs()) labels.add(r.label());
        boolean samePreset = boundPreset != null && Objects.equals(boundPreset, experiment.spec().id())
                && box.getItems().equals(labels);
        int keep = samePreset ? selected() : 0;
        boundPreset = experiment.spec().id();
        if (!box.getItems().equals(labels)) box.getItems().setAll(labels);
        box.getSelectionModel().select(Math.min(keep, labels.size() - 1));
        box.setVisible(labels.size() > 1);
        box.setManaged(labels.size() > 1);
    }
}
