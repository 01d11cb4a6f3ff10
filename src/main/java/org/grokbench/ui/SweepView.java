package org.grokbench.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.grokbench.plot.FigureExport;
import org.grokbench.plot.FigureOptions;
import org.grokbench.plot.SweepHeatmapFigure;
import org.grokbench.sweep.CellResult;
import org.grokbench.sweep.SweepGrid;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A grid tab: a preset, two axes, Start and Cancel, a progress bar, and the grid filling in live
 * as cells start and finish, drawn on the window's figure worker as every panel is. What the grid
 * is and how it looks comes from its {@link SweepMode}: the Sweep tab (predicting-grokking Fig. 2 /
 * 6, two heatmaps of continuous measures) and the Phase diagram tab (Liu et al. 2022 Fig. 6, one
 * colour per phase) are this one view. Hovering a cell shows its numbers under the grid and as a
 * tooltip; clicking a cell opens it as the mode says.
 */
public final class SweepView {
    private final SweepViewModel vm;
    private final SweepMode mode;
    private final BorderPane root = new BorderPane();
    private final ComboBox<String> preset = new ComboBox<>();
    private final TextField x, y, threads, steps, out;
    private final Button start = new Button("Start");
    private final Button cancel = new Button("Cancel");
    private final Button export = new Button("Export PNG…");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final Label problem = new Label();
    private final Label hover = new Label(" ");
    private final Tooltip tip = new Tooltip();
    private final FigurePicture grid;

    SweepView(SweepViewModel vm, FigureRenderer renderer) {
        this.vm = vm;
        this.mode = vm.mode();
        String id = mode.idPrefix();
        x = field(id + "-x", "PARAM=LIST, e.g. " + (id.equals("sweep") ? "lambda=1e-5,3e-5,1e-4 or lambda=log:1e-5:1e-3:5" : "decoderLr=log:1e-5:1e-2:6"));
        y = field(id + "-y", "PARAM=LIST" + (id.equals("sweep") ? ", or empty for a 1-D sweep, e.g. lr=log:0.625:10:5" : ", e.g. decoderWd=lin:0:10:6"));
        threads = field(id + "-threads", "'all' (one cell per core) or 1-256");
        steps = field(id + "-steps", "steps per cell (empty: the preset's)");
        out = field(id + "-out", "folder that keeps every finished cell (rerun to resume)");
        grid = new FigurePicture(renderer, id + "-grid");
        preset.setId(id + "-preset");
        preset.getItems().addAll(mode.presetIds());
        preset.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(vm.presetProperty().get())) vm.choosePreset(b);
        });
        x.textProperty().bindBidirectional(vm.xProperty());
        y.textProperty().bindBidirectional(vm.yProperty());
        threads.textProperty().bindBidirectional(vm.threadsProperty());
        steps.textProperty().bindBidirectional(vm.stepsProperty());
        out.textProperty().bindBidirectional(vm.outProperty());

        start.setId(id + "-start");
        start.setDefaultButton(true);
        start.setOnAction(e -> vm.start());
        cancel.setId(id + "-cancel");
        cancel.setOnAction(e -> vm.cancel());
        export.setId(id + "-export");
        export.setOnAction(e -> exportInteractiveFx());
        start.disableProperty().bind(vm.runningProperty());
        cancel.disableProperty().bind(vm.runningProperty().not());
        progress.setId(id + "-progress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.setPrefWidth(260);
        status.setId(id + "-status");
        status.textProperty().bind(vm.statusProperty());
        problem.setId(id + "-problem");
        problem.textProperty().bind(vm.problemProperty());
        problem.setStyle("-fx-text-fill: #b00020;");
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
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
        Label hint = new Label(mode.hint());
        hint.setWrapText(true);
        VBox top = new VBox(6, form, buttons, problem, hint);
        top.setPadding(new Insets(8, 10, 6, 10));

        hover.setId(id + "-hover");
        hover.setPadding(new Insets(2, 10, 4, 10));
        hover.setWrapText(true);
        hover.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        tip.setShowDelay(Duration.millis(150));
        tip.setId(id + "-tip");
        grid.image().setOnMouseClicked(e -> clickFx(e.getX(), e.getY()));
        grid.image().setOnMouseMoved(e -> hoverFx(e.getX(), e.getY()));
        grid.image().setOnMouseExited(e -> hover.setText(" "));
        Tooltip.install(grid.image(), tip);
        BorderPane centre = new BorderPane(grid.node());
        centre.setBottom(hover);
        root.setCenter(centre);
        root.setTop(top);
        root.setId(id + "-view");

        vm.cellsProperty().addListener((o, a, b) -> redrawFx());
        vm.runningCellsProperty().addListener((o, a, b) -> redrawFx());
        vm.planProperty().addListener((o, a, b) -> redrawFx());
        vm.presetProperty().addListener((o, a, b) -> preset.setValue(b));
        List<String> ids = mode.presetIds();
        if (!ids.isEmpty()) vm.choosePreset(ids.get(0));
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

    /** Asks the figure worker for a new picture of the current cells at the grid's size. */
    private void redrawFx() {
        SweepGrid g = vm.planProperty().get();
        if (g == null) return;
        List<CellResult> cells = vm.cellsProperty().get();
        Set<String> running = vm.runningCellsProperty().get();
        grid.showFx(o -> mode.chart(g, cells, running, o), g);
    }

    /** The cell (i, j) under the point (px, py) of the picture, or null. */
    private int[] cellAtFx(double px, double py) {
        FigureRenderer.Result shown = grid.shown();
        if (shown == null || !(grid.shownTag() instanceof SweepGrid g)) return null;
        return SweepHeatmapFigure.cellAt(shown.chart(), shown.info(), px, py, g);
    }

    /** Opens the cell under (px, py) of the picture. */
    void clickFx(double px, double py) {
        int[] c = cellAtFx(px, py);
        if (c != null) mode.open((SweepGrid) grid.shownTag(), c[0], c[1], vm.cell(c[0], c[1]));
    }

    /** Shows the numbers of the cell under (px, py) of the picture. */
    void hoverFx(double px, double py) {
        int[] c = cellAtFx(px, py);
        String text = c == null ? " " : mode.describe((SweepGrid) grid.shownTag(), c[0], c[1], vm.cell(c[0], c[1]),
                vm.runningCellsProperty().get().contains(CellResult.key(c[0], c[1])));
        hover.setText(text);
        tip.setText(text.isBlank() ? "" : text.replace(" · ", "\n"));
    }

    /** The centre of cell (i, j) of the first grid in picture coordinates, or null before a picture (debug scripts, tests). */
    private double[] centreFx(int i, int j) {
        FigureRenderer.Result shown = grid.shown();
        if (shown == null || shown.info() == null || !(grid.shownTag() instanceof SweepGrid g)) return null;
        Rectangle2D a = SweepHeatmapFigure.firstGridArea(shown.info());
        return new double[] {a.getX() + a.getWidth() * (i + 0.5) / g.columns(), a.getMaxY() - a.getHeight() * (j + 0.5) / g.rows()};
    }

    /** Clicks the centre of cell (i, j) of the first grid (debug scripts, tests). */
    void clickCellFx(int i, int j) {
        double[] p = centreFx(i, j);
        if (p != null) clickFx(p[0], p[1]);
    }

    /** Hovers over the centre of cell (i, j) of the first grid and returns the text shown (tests). */
    String hoverCellFx(int i, int j) {
        double[] p = centreFx(i, j);
        if (p != null) hoverFx(p[0], p[1]);
        return hover.getText();
    }

    /** Whether a picture of the latest cells is on screen (tests wait for this). */
    public boolean isSettledFx() {
        return grid.isSettledFx() && grid.shownTag() == vm.planProperty().get();
    }

    /** The picture on screen (tests read its chart). */
    FigureRenderer.Result shownFx() { return grid.shown(); }

    /** Saves the grid as a PNG of the given size, drawn by the same builder. */
    public void exportPngFx(Path file, int width, int height) throws IOException {
        SweepGrid g = vm.planProperty().get();
        if (g == null) throw new IOException("nothing to export: start the grid first");
        FigureExport.save(mode.chart(g, vm.cellsProperty().get(), vm.runningCellsProperty().get(), FigureOptions.defaults()), file, width, height);
    }

    private void exportInteractiveFx() {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(mode.idPrefix() + "-" + vm.presetProperty().get() + ".png");
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
