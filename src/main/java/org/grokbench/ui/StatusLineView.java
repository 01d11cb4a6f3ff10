package org.grokbench.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.grokbench.experiment.HistoryView;
import org.grokbench.experiment.Metric;
import org.grokbench.experiment.Snapshot;
import org.grokbench.experiment.TrajectorySnapshot;
import org.grokbench.plot.FigureStyle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The status line: the run's state, the step shown (and where the run is when the timeline is
 * scrubbed back), the measured steps per second, any message (divergence, failure); then one row
 * per overlaid run with train and test loss, weight norm and the phase it is in at that step
 * (before memorization / memorized / generalized).
 */
public final class StatusLineView {
    private final WorkbenchViewModel vm;
    private final VBox root = new VBox(2);
    private final Label state = new Label();
    private final Label step = new Label();
    private final Label rate = new Label();
    private final Label message = new Label();
    private final GridPane runs = new GridPane();
    private final List<Label[]> cells = new ArrayList<>();
    private int runCount = -1;

    public StatusLineView(WorkbenchViewModel vm) {
        this.vm = vm;
        state.setId("status-state");
        step.setId("status-step");
        rate.setId("status-rate");
        message.setId("status-message");
        state.getStyleClass().add("status-state");
        message.getStyleClass().add("status-message");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(14, state, step, rate, message);
        top.setAlignment(Pos.CENTER_LEFT);
        runs.setHgap(18);
        runs.setVgap(1);
        runs.setId("status-runs");
        runs.getStyleClass().add("status-runs");
        root.getChildren().addAll(top, runs);
        root.getStyleClass().add("status-line");
        vm.problemProperty().addListener((o, a, b) -> message.setText(b));
    }

    public Node node() { return root; }

    /** Shows a frame: called by the pulse loop when something changed. */
    public void showFx(Frame f) {
        Snapshot s = f.snapshot();
        String status = s.status().name().toLowerCase(Locale.ROOT);
        state.setText(status);
        setStateClass(state, "state-", status);
        long total = f.experiment().spec().maxSteps();
        long shown = f.step();
        step.setText(f.live() ? String.format(Locale.ROOT, "step %,d of %,d", shown, total)
                : String.format(Locale.ROOT, "showing step %,d · run at %,d of %,d", shown, s.step(), total));
        rate.setText(s.status() == org.grokbench.experiment.RunStatus.RUNNING
                ? String.format(Locale.ROOT, "%,.0f steps/s", s.stepsPerSecond()) : "");
        String problem = vm.problemProperty().get();
        message.setText(problem != null && !problem.isEmpty() ? problem : s.message());
        List<TrajectorySnapshot> ts = s.trajectories();
        if (ts.size() != runCount) buildRows(ts);
        for (int i = 0; i < ts.size(); i++) {
            Label[] c = cells.get(i);
            HistoryView h = ts.get(i).history();
            int row = f.row(i);
            if (row < 0) {
                for (int k = 1; k < c.length; k++) c[k].setText("");
                continue;
            }
            c[1].setText("train " + sci(h.metric(row, Metric.TRAIN_LOSS)));
            c[2].setText("test " + sci(h.metric(row, Metric.TEST_LOSS)));
            c[3].setText(String.format(Locale.ROOT, "‖θ‖ %.4f", h.metric(row, Metric.WEIGHT_NORM)));
            Phase p = Phase.of(h.metric(row, Metric.TRAIN_LOSS), h.metric(row, Metric.TEST_LOSS),
                    h.metric(row, Metric.TRAIN_ACC), h.metric(row, Metric.TEST_ACC),
                    h.metric(0, Metric.TRAIN_LOSS), h.metric(0, Metric.TEST_LOSS));
            c[4].setText(p == null ? "" : p.words());
            setStateClass(c[4], "phase-", p == null ? null : p.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
    }

    /** Swaps a prefixed style class, touching the list (and so CSS) only when it changes. */
    private static void setStateClass(Label l, String prefix, String value) {
        String wanted = value == null ? null : prefix + value;
        if (wanted != null && l.getStyleClass().contains(wanted)
                && l.getStyleClass().stream().filter(c -> c.startsWith(prefix)).count() == 1) return;
        l.getStyleClass().removeIf(c -> c.startsWith(prefix));
        if (wanted != null) l.getStyleClass().add(wanted);
    }

    private void buildRows(List<TrajectorySnapshot> ts) {
        runs.getChildren().clear();
        runs.getColumnConstraints().clear();
        cells.clear();
        for (int k = 0; k < 5; k++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setMinWidth(Region.USE_PREF_SIZE);
            runs.getColumnConstraints().add(cc);
        }
        for (int i = 0; i < ts.size(); i++) {
            Label name = new Label(ts.get(i).label(), new Rectangle(12, 12, ManifoldView3D.fxColor(FigureStyle.trajectoryColor(i))));
            Label train = new Label(), test = new Label(), norm = new Label(), phase = new Label();
            phase.getStyleClass().add("phase");
            phase.setId("phase-" + i);
            train.setId("train-loss-" + i);
            Label[] row = {name, train, test, norm, phase};
            for (Label l : row) l.getStyleClass().add("status-cell");
            runs.addRow(i, row);
            cells.add(row);
        }
        runCount = ts.size();
    }

    /** 1.23e-05 style, the way losses are read off a log axis. */
    static String sci(double v) {
        if (Double.isNaN(v)) return "–";
        if (v == 0) return "0";
        return String.format(Locale.ROOT, "%.2e", v);
    }
}
