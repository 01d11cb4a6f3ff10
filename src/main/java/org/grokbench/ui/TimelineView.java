package org.grokbench.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;

import java.util.Locale;

/**
 * The one timeline shared by every panel and every overlaid run. While "Live" is on it follows the
 * run; dragging the knob (or the arrow keys) shows every panel at that step while the run keeps
 * recording, and "Live" jumps back. The bar behind the knob shows how far the run has recorded.
 */
public final class TimelineView {
    private final WorkbenchViewModel vm;
    private final HBox root = new HBox(10);
    private final ToggleButton live = new ToggleButton("● Live");
    private final Slider slider = new Slider(0, 1, 0);
    private final ProgressBar recorded = new ProgressBar(0);
    private final Label position = new Label();
    private boolean updating;

    public TimelineView(WorkbenchViewModel vm) {
        this.vm = vm;
        live.setId("live");
        slider.setId("timeline");
        position.setId("timeline-position");
        live.setTooltip(new Tooltip("Follow the run (drag the timeline to look back)"));
        live.selectedProperty().bindBidirectional(vm.liveProperty());
        slider.setBlockIncrement(1);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(false);
        slider.valueProperty().addListener((o, a, b) -> {
            if (!updating) vm.scrubTo(Math.round(b.doubleValue()));
        });
        recorded.setMaxWidth(Double.MAX_VALUE);
        recorded.getStyleClass().add("recorded");
        recorded.setMouseTransparent(true);
        StackPane track = new StackPane(recorded, slider);
        HBox.setHgrow(track, Priority.ALWAYS);
        position.getStyleClass().add("timeline-position");
        position.setMinWidth(Label.USE_PREF_SIZE);
        Label name = new Label("Timeline");
        name.getStyleClass().add("section-title");
        root.getChildren().addAll(name, live, track, position);
        root.setAlignment(Pos.CENTER_LEFT);
        root.getStyleClass().add("timeline");
    }

    public Node node() { return root; }

    public Slider slider() { return slider; }

    /** Moves the knob to the shown step (without counting as a user drag). */
    public void showFx(Frame f) {
        long total = Math.max(1, f.experiment().spec().maxSteps());
        long at = f.snapshot().step();
        long shown = f.step();
        updating = true;
        try {
            if (slider.getMax() != total) slider.setMax(total);
            // Follow the run while live; otherwise show the scrubbed step (set by this slider or
            // elsewhere), but never fight a knob the user is dragging.
            if (f.live() || (!slider.isValueChanging() && Math.round(slider.getValue()) != shown)) slider.setValue(shown);
        } finally {
            updating = false;
        }
        recorded.setProgress(at / (double) total);
        position.setText(String.format(Locale.ROOT, "%,d / %,d", shown, total));
    }
}
