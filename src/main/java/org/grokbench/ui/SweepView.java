package org.grokbench.ui;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.preset.PresetInfo;
import org.grokbench.plot.FigureExport;
import org.grokbench.plot.FigureOptions;
import org.grokbench.plot.FigureStyle;
import org.grokbench.plot.SweepHeatmapFigure;
import org.grokbench.sweep.CellResult;
import org.grokbench.sweep.SweepPlan;
import org.jfree.chart.JFreeChart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The Sweep tab (predicting-grokking Fig. 2 / 6): a preset, two axes, Start and Cancel, a
 * progress bar, and the two heatmaps (final validation accuracy, early spectral energy) filling
 * in as cells finish. The heatmaps are built and drawn on the window's figure worker, as every
 * panel is; clicking a cell opens that run in the "Preset run" tab.
 */
public final class SweepView {
    static final List<SweepHeatmapFigure.Panel> PANELS = SweepHeatmapFigure.spectralPanels(SweepViewModel.SPECTRAL_STEPS);

    private final SweepViewModel vm;
    private final FigureRenderer renderer;
    private final Consumer<ExperimentSpec> open;
    private final BorderPane root = new BorderPane();
    private final ComboBox<String> preset = new ComboBox<>();
    private final TextField x = field("sweep-x", "PARAM=LIST, e.g. lambda=1e-5,3e-5,1e-4 or lambda=log:1e-5:1e-3:5");
    private final TextField y = field("sweep-y", "PARAM=LIST, or empty for a 1-D sweep, e.g. lr=log:0.625:10:5");
    private final TextField threads = field("sweep-threads", "'all' (one cell per core) or 1-256");
    private final TextField steps = field("sweep-steps", "steps per cell (empty: the preset's)");
    private final TextField out = field("sweep-out", "folder that keeps every finished cell (rerun to resume)");
    private final Button start = new Button("Start");
    private final Button cancel = new Button("Cancel");
    private final Button export = new Button("Export PNG…");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final Label problem = new Label();
    private final ImageView picture = new ImageView();
    private final Pane canvas = new Pane(picture);
    private final AtomicLong sequence = new AtomicLong();
    private FigureRenderer.Result shown;
    private SweepPlan shownPlan;

    /** @param open loads a cell's spec in the main view (and shows it) */
    public SweepView(SweepViewModel vm, FigureRenderer renderer, List<PresetInfo> presets, Consumer<ExperimentSpec> open) {
        this.vm = vm;
        this.renderer = renderer;
        this.open = open;
        preset.setId("sweep-preset");
        for (PresetInfo p : presets) preset.getItems().add(p.id());
        preset.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(vm.presetProperty().get())) vm.choosePreset(b);
        });
        x.textProperty().bindBidirectional(vm.xProperty());
        y.textProperty().bindBidirectional(vm.yProperty());
        threads.textProperty().bindBidirectional(vm.threadsProperty());
        steps.textProperty().bindBidirectional(vm.stepsProperty());
        out.textProperty().bindBidirectional(vm.outProperty());

        start.setId("sweep-start");
        start.setDefaultButton(true);
        start.setOnAction(e -> vm.start());
        cancel.setId("sweep-cancel");
        cancel.setOnAction(e -> vm.cancel());
        export.setId("sweep-export");
        export.setOnAction(e -> exportInteractiveFx());
        start.disableProperty().bind(vm.runningProperty());
        cancel.disableProperty().bind(vm.runningProperty().not());
        progress.setId("sweep-progress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.setPrefWidth(260);
        status.setId("sweep-status");
        status.textProperty().bind(vm.statusProperty());
        problem.setId("sweep-problem");
        problem.textProperty().bind(vm.problemProperty());
        problem.setStyle("-fx-text-fill: #b00020;");
        problem.setWrapText(true);
        vm.problemFieldProperty().addListener((o, a, b) -> markFx(b));

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Preset"), preset, new Label("x"), x, new Label("Threads"), threads);
        form.addRow(1, new Label("Output"), out, new Label("y"), y, new Label("Steps"), steps);
        GridPane.setHgrow(x, Priority.ALWAYS);
        GridPane.setHgrow(y, Priority.ALWAYS);
        preset.setMaxWidth(Double.MAX_VALUE);
        HBox buttons = new HBox(8, start, cancel, progress, status, export);
        buttons.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        Label hint = new Label("Cells fill in as they finish; click a cell to open that run in \"Preset run\"."
                + " Finished cells are kept in the output folder: Start again resumes.");
        VBox top = new VBox(6, form, buttons, problem, hint);
        top.setPadding(new Insets(8, 10, 6, 10));

        canvas.setId("sweep-heatmaps");
        canvas.setMinSize(200, 150);
        canvas.widthProperty().addListener((o, a, b) -> redrawFx());
        canvas.heightProperty().addListener((o, a, b) -> redrawFx());
        picture.setOnMouseClicked(e -> clickFx(e.getX(), e.getY()));
        root.setTop(top);
        root.setCenter(canvas);
        root.setId("sweep-view");

        vm.cellsProperty().addListener((o, a, b) -> redrawFx());
        vm.planProperty().addListener((o, a, b) -> redrawFx());
        vm.presetProperty().addListener((o, a, b) -> preset.setValue(b));
        String first = presets.stream().map(PresetInfo::id).filter(id -> id.startsWith("sweep-")).findFirst()
                .orElse(presets.isEmpty() ? "" : presets.get(0).id());
        if (!first.isEmpty()) vm.choosePreset(first);
    }

    private static TextField field(String id, String tip) {
        TextField f = new TextField();
        f.setId(id);
        f.setTooltip(new Tooltip(tip));
        f.setPromptText(tip);
        f.setPrefColumnCount(24);
        return f;
    }

    public Node node() { return root; }

    public SweepViewModel viewModel() { return vm; }

    /** Red border on the field a problem is about. */
    private void markFx(String field) {
        Map<String, Node> byId = Map.of(SweepViewModel.PRESET, preset, SweepViewModel.X, x, SweepViewModel.Y, y,
                SweepViewModel.THREADS, threads, SweepViewModel.STEPS, steps, SweepViewModel.OUT, out);
        byId.forEach((id, n) -> n.setStyle(id.equals(field) ? "-fx-border-color: #b00020; -fx-border-width: 2;" : ""));
    }

    private JFreeChart chart(SweepPlan plan, List<CellResult> cells, FigureOptions o) {
        return SweepHeatmapFigure.create(plan, cells, PANELS.get(0), PANELS.get(1), o);
    }

    /** Asks the figure worker for a new picture of the current cells at the canvas size. */
    private void redrawFx() {
        SweepPlan plan = vm.planProperty().get();
        int w = (int) canvas.getWidth(), h = (int) canvas.getHeight();
        if (plan == null || w < 50 || h < 50) return;
        List<CellResult> cells = vm.cellsProperty().get();
        double scale = Math.max(0.5, Math.min(1.0, w / 1600.0 * 1.3));
        FigureOptions o = FigureOptions.defaults().withStyle(FigureStyle.scaled(scale));
        long seq = sequence.incrementAndGet();
        renderer.submit(this, new FigureRenderer.Job(() -> chart(plan, cells, o), w, h, 1.0, seq,
                r -> Platform.runLater(() -> showFx(r, plan)), 0));
    }

    private void showFx(FigureRenderer.Result r, SweepPlan plan) {
        if (r.argb() == null || r.sequence() < (shown == null ? 0 : shown.sequence())) return;
        WritableImage img = new WritableImage(r.width(), r.height());
        img.getPixelWriter().setPixels(0, 0, r.width(), r.height(), PixelFormat.getIntArgbPreInstance(), r.argb(), 0, r.width());
        picture.setImage(img);
        shown = r;
        shownPlan = plan;
    }

    /** Opens the cell under (px, py) of the picture in the main view. */
    void clickFx(double px, double py) {
        if (shown == null) return;
        int[] cell = SweepHeatmapFigure.cellAt(shown.chart(), shown.info(), px, py, shownPlan);
        if (cell == null) return;
        ExperimentSpec spec = shownPlan.cellSpec(cell[0], cell[1]);
        if (spec != null) open.accept(spec);
    }

    /** Clicks the centre of cell (i, j) of the left heatmap (debug scripts). */
    void clickCellFx(int i, int j) {
        if (shown == null || shown.info() == null) return;
        java.awt.geom.Rectangle2D a = shown.info().getPlotInfo().getSubplotInfo(0).getDataArea();
        clickFx(a.getX() + a.getWidth() * (i + 0.5) / shownPlan.columns(),
                a.getMaxY() - a.getHeight() * (j + 0.5) / shownPlan.rows());
    }

    /** Whether a picture of the latest cells is on screen (tests wait for this). */
    public boolean isSettledFx() {
        return shown != null && shown.sequence() == sequence.get();
    }

    /** Saves the heatmaps as a PNG of the given size, drawn by the same builder. */
    public void exportPngFx(Path file, int width, int height) throws IOException {
        SweepPlan plan = vm.planProperty().get();
        if (plan == null) throw new IOException("no sweep to export: start one first");
        FigureExport.save(chart(plan, vm.cellsProperty().get(), FigureOptions.defaults()), file, width, height);
    }

    private void exportInteractiveFx() {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName("sweep-" + vm.presetProperty().get() + ".png");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        java.io.File f = fc.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f == null) return;
        try {
            exportPngFx(f.toPath(), 1600, 800);
        } catch (IOException | RuntimeException e) {
            new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR, String.valueOf(e.getMessage())).show();
        }
    }
}
