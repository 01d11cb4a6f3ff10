package org.grokbench.ui;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.grokbench.plot.RaceDistanceFigure;
import org.grokbench.plot.RacePathsFigure;
import org.grokbench.race.LogScaled;
import org.grokbench.race.OptimizerRace;
import org.grokbench.race.RaceResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * The "Optimizer race (App. I)" tab: pick log-Rosenbrock or log-Rastrigin, a start, a learning rate
 * and a number of steps, press Race. The six optimizers run on a worker thread
 * ("grokbench-race"); the FX thread only receives the finished {@link RaceResult} and hands it to
 * the two figures (paths on the map, distance to the optimum), which the window's figure worker
 * draws. Not tied to a preset. Closing the window stops the worker.
 */
public final class RaceView {
    private final RaceViewModel vm = new RaceViewModel();
    private final OptimizerRace race = new OptimizerRace();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "grokbench-race");
        t.setDaemon(true);
        return t;
    });
    private final RaceChartView paths = new RaceChartView("race-paths", "Paths on the map", RacePathsFigure::create);
    private final RaceChartView distance = new RaceChartView("race-distance", "Distance to the optimum",
            RaceDistanceFigure::create);
    private final Button raceButton = new Button("Race");
    private final Label status = new Label("Press Race: sgd, momentum, rmsprop, rprop, adam and adamax start together.");
    private final VBox root;
    private final ExportPrompts prompts;
    private final Supplier<Window> owner;
    private boolean racing;
    private boolean closed;
    private Path lastExport;

    RaceView(FigureRenderer renderer, ExportPrompts prompts, Supplier<Window> owner) {
        this.prompts = prompts;
        this.owner = owner;
        paths.setRenderer(renderer);
        distance.setRenderer(renderer);
        paths.setOnExport(this::exportFx);
        distance.setOnExport(this::exportFx);

        ChoiceBox<RaceViewModel.Function> function = new ChoiceBox<>();
        function.getItems().setAll(RaceViewModel.Function.values());
        function.valueProperty().bindBidirectional(vm.functionProperty());
        function.setId("race-function");
        function.setTooltip(new Tooltip("App. I's functions in log scale, f = ln(g + " + LogScaled.EPSILON + ")"));
        TextField start = HyperparametersView.field(vm.start(), "race-start", () -> true);
        TextField lr = HyperparametersView.field(vm.lr(), "race-lr", () -> true);
        TextField steps = HyperparametersView.field(vm.steps(), "race-steps", () -> true);
        start.setPrefColumnCount(8);
        lr.setPrefColumnCount(6);
        steps.setPrefColumnCount(7);
        raceButton.setId("race-run");
        raceButton.setDefaultButton(false);
        raceButton.setTooltip(new Tooltip("Run the six optimizers from the start (on a worker thread)"));
        raceButton.setOnAction(e -> raceFx());
        raceButton.disableProperty().bind(vm.validBinding().not());
        HBox controls = new HBox(8, new Label("Function"), function, new Label("Start x, y"), start,
                new Label("Learning rate"), lr, new Label("Steps"), steps, raceButton);
        controls.setAlignment(Pos.CENTER_LEFT);
        Label errors = HyperparametersView.errorLine(vm.start(), vm.lr(), vm.steps());
        errors.setId("race-errors");
        status.setId("race-status");
        status.getStyleClass().add("hint");
        status.setWrapText(true);

        GridPane figures = new GridPane();
        figures.setHgap(8);
        for (int c = 0; c < 2; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(50);
            cc.setHgrow(Priority.ALWAYS);
            figures.getColumnConstraints().add(cc);
        }
        RowConstraints rc = new RowConstraints();
        rc.setVgrow(Priority.ALWAYS);
        figures.getRowConstraints().add(rc);
        figures.add(paths.node(), 0, 0);
        figures.add(distance.node(), 1, 0);
        for (Node n : List.of(paths.node(), distance.node())) {
            GridPane.setHgrow(n, Priority.ALWAYS);
            GridPane.setVgrow(n, Priority.ALWAYS);
        }
        VBox.setVgrow(figures, Priority.ALWAYS);
        root = new VBox(6, controls, errors, status, figures);
        root.setPadding(new Insets(8));
        root.getStyleClass().add("race-view");
        root.setId("race-view");
    }

    public Node node() { return root; }
    public RaceViewModel viewModel() { return vm; }
    RaceChartView pathsView() { return paths; }
    RaceChartView distanceView() { return distance; }
    public Path lastExport() { return lastExport; }

    /** Starts a race with the fields' values; ignored while one runs or a field is invalid. */
    public void raceFx() {
        if (racing || closed) return;
        Optional<RaceViewModel.Request> req = vm.request();
        if (req.isEmpty()) {
            status.setText("Fix the fields marked red first.");
            return;
        }
        RaceViewModel.Request r = req.get();
        racing = true;
        raceButton.setText("Racing…");
        status.setText(String.format(Locale.ROOT, "Racing on %s for %d steps…", r.function(), r.steps()));
        try {
            worker.execute(() -> {
                try {
                    RaceResult result = race.run(LogScaled.byId(r.function().id()), r.start(), r.lr(), r.steps());
                    Platform.runLater(() -> applyFx(result));
                } catch (RuntimeException e) {
                    Platform.runLater(() -> failedFx(e));
                }
            });
        } catch (RejectedExecutionException e) {
            racing = false;
        }
    }

    private void applyFx(RaceResult result) {
        racing = false;
        raceButton.setText("Race");
        if (closed) return;
        paths.showRaceFx(result);
        distance.showRaceFx(result);
        StringBuilder b = new StringBuilder("Final distance to the optimum: ");
        for (int i = 0; i < result.racers().size(); i++) {
            RaceResult.Racer c = result.racers().get(i);
            if (i > 0) b.append(" · ");
            b.append(c.label()).append(' ').append(String.format(Locale.ROOT, "%.2g", c.finalDistance()));
            if (c.diverged()) b.append(" (diverged at ").append(c.divergedAt()).append(')');
        }
        status.setText(b.toString());
    }

    private void failedFx(RuntimeException e) {
        racing = false;
        raceButton.setText("Race");
        status.setText("The race failed: " + e.getMessage());
    }

    /** Whether no race is running and both figures show the latest one (tests). */
    public boolean isSettledFx() {
        return !racing && paths.isSettledFx() && distance.isSettledFx();
    }

    public void setLookFx(Look look) {
        paths.setLookFx(look);
        distance.setLookFx(look);
    }

    private void exportFx(PanelView p) {
        RaceResult r = ((RaceChartView) p).race();
        if (r == null) return;
        String name = String.format(Locale.ROOT, "race-%s_%s.png", r.function().id(), p.id().replace("race-", ""));
        Optional<ExportPrompts.PanelRequest> req = prompts.askPanel(owner.get(), p, name);
        if (req.isEmpty()) return;
        try {
            lastExport = PanelExporter.exportFx(p, req.get().file(), req.get().width(), req.get().height());
            status.setText("Wrote " + lastExport);
        } catch (IOException | RuntimeException e) {
            status.setText("Export failed: " + e.getMessage());
        }
    }

    /** Stops the race worker (never blocks). */
    public void closeFx() {
        closed = true;
        worker.shutdownNow();
    }
}
