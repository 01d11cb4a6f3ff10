package org.grokbench.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.grokbench.experiment.RunStatus;

import java.util.List;

/**
 * Run, pause, single step (with a step count), reset and the speed: log pace (the default: every
 * tenfold of steps takes the same time, so memorization in the first ten steps and grokking
 * hundreds of steps later both get seconds on screen), as fast as the machine goes, or a fixed
 * rate in steps per second. Keyboard: F5 run/pause, F6 step, F7 reset.
 */
public final class RunControlsView {
    /** Speeds offered, in steps per second; 0 = as fast as possible, −1 = log pace. */
    static final List<Double> SPEEDS = List.of(WorkbenchViewModel.LOG_PACE, WorkbenchViewModel.MAX_SPEED,
            100_000.0, 10_000.0, 1_000.0, 100.0, 30.0, 10.0, 3.0, 1.0);
    static final List<Integer> STEP_SIZES = List.of(1, 10, 100, 1000);

    private final WorkbenchViewModel vm;
    private final HBox root = new HBox(6);
    private final Button run = new Button("▶ Run");
    private final Button pause = new Button("❚❚ Pause");
    private final Button step = new Button("▶| Step");
    private final Button reset = new Button("↺ Reset");
    private final ChoiceBox<Integer> stepSize = new ChoiceBox<>();
    private final ChoiceBox<Double> speed = new ChoiceBox<>();

    public RunControlsView(WorkbenchViewModel vm) {
        this.vm = vm;
        run.setId("run");
        pause.setId("pause");
        step.setId("step");
        reset.setId("reset");
        stepSize.setId("step-size");
        speed.setId("speed");
        run.getStyleClass().add("run-button");
        run.setTooltip(new Tooltip("Run or resume (F5); a finished run starts again"));
        pause.setTooltip(new Tooltip("Pause (F5)"));
        step.setTooltip(new Tooltip("Advance by the chosen number of steps, then pause (F6)"));
        reset.setTooltip(new Tooltip("Back to step 0 with the hyperparameters as edited (F7)"));
        run.setOnAction(e -> vm.run());
        pause.setOnAction(e -> vm.pause());
        step.setOnAction(e -> vm.step(stepSize.getValue()));
        reset.setOnAction(e -> vm.reset());
        stepSize.getItems().setAll(STEP_SIZES);
        stepSize.setValue(1);
        stepSize.setConverter(new StringConverter<>() {
            @Override public String toString(Integer n) { return n == null ? "" : "× " + n; }
            @Override public Integer fromString(String s) { return Integer.valueOf(s.replace("× ", "")); }
        });
        stepSize.setTooltip(new Tooltip("Steps per press of Step"));
        speed.getItems().setAll(SPEEDS);
        speed.setConverter(new StringConverter<>() {
            @Override public String toString(Double v) { return v == null ? "" : speedText(v); }
            @Override public Double fromString(String s) { return null; }
        });
        speed.setValue(vm.speedProperty().get());
        speed.valueProperty().addListener((o, a, v) -> vm.speedProperty().set(v == null ? 0 : v));
        speed.setTooltip(new Tooltip("Steps per second. Log pace: every tenfold of steps takes "
                + ValidatedValue.num(WorkbenchViewModel.SECONDS_PER_DECADE) + " s, so the first steps and the late ones both show"));
        var status = vm.statusProperty();
        run.disableProperty().bind(Bindings.createBooleanBinding(
                () -> status.get() == RunStatus.RUNNING || vm.session() == null, status, vm.sessionProperty()));
        pause.disableProperty().bind(status.isNotEqualTo(RunStatus.RUNNING));
        step.disableProperty().bind(Bindings.createBooleanBinding(
                () -> status.get() != null && status.get().isTerminal(), status));
        Label speedLabel = new Label("Speed");
        root.getChildren().addAll(run, pause, step, stepSize, reset, speedLabel, speed);
        root.setAlignment(Pos.CENTER_LEFT);
        root.getStyleClass().add("run-controls");
    }

    static String speedText(double v) {
        if (v < 0) return "log pace";
        if (v == 0) return "max";
        if (v >= 1000) return String.format("%,.0f steps/s", v);
        return ValidatedValue.num(v) + " steps/s";
    }

    public Node node() { return root; }

    /** Run if not running, else pause (F5). */
    public void toggleRunFx() {
        if (vm.statusProperty().get() == RunStatus.RUNNING) vm.pause(); else vm.run();
    }

    public void stepFx() {
        vm.step(stepSize.getValue());
    }
}
