package org.grokbench.ui;

import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.application.Platform;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.Snapshot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Grokking Workbench window: the preset library and hyperparameters on the left, run
 * controls on top, the panels in the middle, timeline and status line at the bottom.
 *
 * <p>Threading: the run trains on its own executor thread (see {@link RunSession}) and publishes
 * immutable snapshots. This window's {@link AnimationTimer} runs once per pulse on the FX thread,
 * reads the latest snapshot (one volatile read) and, only when it is new or the timeline, look or
 * panel set changed, hands it to the status line, the timeline and every visible panel. Chart
 * panels pass it on to the {@link FigureRenderer} worker, which builds and draws their charts off
 * the FX thread; finished pictures are picked up on a later pulse. Nothing is ever posted per
 * training step. Closing the window stops the timer, the figure worker and the run.
 */
public final class WorkbenchWindow {
    private final WorkbenchViewModel vm;
    private final ExportPrompts prompts;
    private final BorderPane root = new BorderPane();
    private final Scene scene;
    private final GridPane panelGrid = new GridPane();
    private PanelView focused;
    private final Map<PanelView, CheckMenuItem> panels = new LinkedHashMap<>();
    private final List<PanelView> visible = new ArrayList<>();
    private final PresetLibraryView library;
    private final HyperparametersView hyperparameters;
    private final RunControlsView controls;
    private final TimelineView timeline;
    private final StatusLineView status;
    private final PulseStats pulseStats = new PulseStats();
    private final FigureRenderer figures = new FigureRenderer();
    private final TabPane centre = new TabPane();
    private final RaceView race;
    private final Node sidebar;
    private final SweepView sweep;
    private final SweepView phase;
    private final AnimationTimer pump = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulseFx(now);
        }
    };
    /** Panels that failed to draw (reported once each). */
    private final Set<String> failedPanels = new HashSet<>();
    /** Panels the user switched on or off (the Panels menu); the rest follow each preset's defaults. */
    private final Map<PanelView, Boolean> userChoices = new HashMap<>();
    private boolean applyingDefaults;
    private RunSession shownSession;
    private Experiment boundExperiment;
    private long shownVersion = -1;
    private boolean dirty = true;
    private long lastPulse = -1;
    private boolean closed;
    private Path lastExport;

    public WorkbenchWindow(WorkbenchViewModel vm, ExportPrompts prompts) {
        this.vm = vm;
        this.prompts = prompts;
        library = new PresetLibraryView(vm);
        hyperparameters = new HyperparametersView(vm);
        controls = new RunControlsView(vm);
        timeline = new TimelineView(vm);
        status = new StatusLineView(vm);

        addPanel(new LossCurvesView());
        addPanel(new AccuracyView());
        addPanel(new ParameterPlaneView());
        addPanel(new ManifoldView3D());
        addPanel(new GeometryView());
        // modular addition (geometry-of-grokking §6-7): App. D's cosine, then the embedding's geometry
        addPanel(new NormMinCosineView());
        addPanel(new EmbeddingPcaView());
        addPanel(new FourierCirclesView());
        addPanel(new FourierFeaturesView());
        addPanel(new RepresentationEmbeddingView());
        addPanel(new CurvatureView());
        addPanel(new SpectralSignatureView());
        addPanel(new LandscapeView());
        addPanel(new LandscapeSurfaceView3D());
        addPanel(new DropTimeView());
        addPanel(new SlowFlowView());
        // the representation toy (effective-theory paper): decoder map (Fig. 2), theory beside the network (Figs. 4-5)
        addPanel(new DecoderMapView());
        addPanel(new EffectiveTheoryView());

        VBox side = new VBox(12, library.node(), new Separator(), hyperparameters.node());
        VBox.setVgrow(library.node(), Priority.ALWAYS);
        side.getStyleClass().add("sidebar");
        side.setPadding(new Insets(10));
        side.setPrefWidth(340);
        side.setMinWidth(260);
        ScrollPane sideScroll = new ScrollPane(side);
        sideScroll.setFitToWidth(true);
        sideScroll.setFitToHeight(true);
        sideScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        sideScroll.getStyleClass().add("sidebar-scroll");
        sideScroll.setId("sidebar");
        sidebar = sideScroll;

        panelGrid.setHgap(8);
        panelGrid.setVgap(8);
        panelGrid.setPadding(new Insets(8));
        panelGrid.getStyleClass().add("panel-grid");
        panelGrid.setId("panel-grid");

        VBox bottom = new VBox(4, timeline.node(), status.node());
        bottom.setPadding(new Insets(6, 10, 8, 10));
        bottom.getStyleClass().add("bottom-bar");

        // The centre holds one tab per kind of work: the preset's panels, then views that need no
        // preset of their own (a sweep over a preset's grid, the optimizer race of App. I).
        Tab presetTab = new Tab("Preset run", panelGrid);
        presetTab.setId("tab-preset");
        List<String> presetIds = presetsQuietly(vm).stream().map(org.grokbench.experiment.preset.PresetInfo::id).toList();
        sweep = new SweepView(new SweepViewModel(new SpectralSweepMode(vm.loader(), presetIds, spec -> {
            vm.loadSpec(spec);
            centre.getSelectionModel().select(presetTab);
        }), Platform::runLater), figures);
        Tab sweepTab = new Tab("Sweep", sweep.node());
        sweepTab.setId("tab-sweep");
        // the phase diagram is the same grid view over the representation toy (decision 0016)
        phase = new SweepView(new SweepViewModel(new PhaseDiagramMode(vm.loader(), spec -> {
            vm.loadSpec(spec);
            centre.getSelectionModel().select(presetTab);
        }), Platform::runLater), figures);
        Tab phaseTab = new Tab("Phase diagram (Fig. 6)", phase.node());
        phaseTab.setId("tab-phase");
        race = new RaceView(figures, prompts, () -> root.getScene() == null ? null : root.getScene().getWindow());
        Tab raceTab = new Tab("Optimizer race (App. I)", race.node());
        raceTab.setId("tab-race");
        centre.getTabs().addAll(presetTab, sweepTab, phaseTab, raceTab);
        centre.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        centre.setId("centre-tabs");

        root.setTop(toolbar());
        root.setLeft(sidebar);
        root.setCenter(centre);
        root.setBottom(bottom);
        root.getStyleClass().add("workbench");
        root.setId("workbench");

        // 1600 × 1000, or what the screen has room for
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        scene = new Scene(root, Math.min(1600, screen.getWidth()), Math.min(1000, screen.getHeight()));
        scene.getStylesheets().add(WorkbenchWindow.class.getResource("workbench.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), controls::toggleRunFx);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F6), controls::stepFx);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F7), vm::reset);

        vm.liveProperty().addListener((o, a, b) -> dirty = true);
        vm.viewStepProperty().addListener((o, a, b) -> {
            if (!vm.liveProperty().get()) dirty = true;
        });
        vm.classroomProperty().addListener((o, a, b) -> applyLookFx());
        vm.darkProperty().addListener((o, a, b) -> applyLookFx());
        applyLookFx();
    }

    private void addPanel(PanelView p) {
        CheckMenuItem item = new CheckMenuItem(p.title());
        item.setSelected(true);
        item.setId("show-" + p.id());
        item.selectedProperty().addListener((o, a, b) -> {
            if (!applyingDefaults) userChoices.put(p, b);
            layoutPanelsFx();
        });
        panels.put(p, item);
        p.setOnExport(this::exportPanelFx);
        p.setOnFocusToggle(this::toggleFocusFx);
        if (p instanceof ChartPanelView c) c.setRenderer(figures);
    }

    private Node toolbar() {
        ToggleButton presets = new ToggleButton("☰ Presets");
        presets.setId("toggle-sidebar");
        presets.setSelected(true);
        presets.setTooltip(new Tooltip("Show or hide the preset library and hyperparameters"));
        presets.selectedProperty().addListener((o, a, b) -> root.setLeft(b ? sidebar : null));
        // On a projector the panels need the room: classroom mode folds the sidebar away.
        vm.classroomProperty().addListener((o, a, on) -> presets.setSelected(!on));
        ToggleButton classroom = new ToggleButton("Classroom");
        classroom.setId("classroom");
        classroom.setTooltip(new Tooltip("Large fonts and thick lines for a projector"));
        classroom.selectedProperty().bindBidirectional(vm.classroomProperty());
        ToggleButton dark = new ToggleButton("Dark");
        dark.setId("dark");
        dark.setTooltip(new Tooltip("Dark theme"));
        dark.selectedProperty().bindBidirectional(vm.darkProperty());
        MenuButton panelMenu = new MenuButton("Panels");
        panelMenu.setId("panels-menu");
        panelMenu.getItems().addAll(panels.values());
        Button exportAll = new Button("Export all panels…");
        exportAll.setId("export-all");
        exportAll.setTooltip(new Tooltip("One PNG per visible panel, named after preset, panel and step"));
        exportAll.setOnAction(e -> exportAllInteractiveFx());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, presets, new Separator(javafx.geometry.Orientation.VERTICAL), controls.node(),
                spacer, panelMenu, classroom, dark, exportAll);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        bar.getStyleClass().add("toolbar");
        return bar;
    }

    // ---- the pulse loop ---------------------------------------------------------------------

    /** Starts the pulse loop. */
    public void start() {
        pump.start();
    }

    /**
     * One pulse: when the snapshot is new (or the timeline, look or panel set changed), update
     * the timeline and status line and hand the frame to every visible panel. Chart panels only
     * pass it to the figure worker (cheap); scene changes (a drawn chart arriving, the 3D view
     * rebuilding its paths) are then applied oldest-first. When the last pulse came quickly all of
     * them go now; when it came late (the renderer is slow, e.g. software OpenGL) only one per
     * pulse, so the renderer never gets every panel to repaint at once. Cheap when nothing changed
     * (one volatile read, a few comparisons).
     */
    void pulseFx(long now) {
        long gap = lastPulse < 0 ? 0 : now - lastPulse;
        lastPulse = now;
        pulseStats.pulse(now);
        RunSession s = vm.session();
        if (s == null || closed) return;
        long t0 = System.nanoTime();
        Snapshot snap = s.latest();
        if (s != shownSession) {
            shownSession = s;
            bindPanelsFx(s.experiment());
            dirty = true;
        }
        boolean worked = false;
        if (dirty || snap.version() != shownVersion) {
            vm.applySnapshotFx(snap);
            Frame frame = new Frame(s.experiment(), snap, vm.viewStepProperty().get(), vm.liveProperty().get());
            timeline.showFx(frame);
            status.showFx(frame);
            for (PanelView p : visible) p.offerFx(frame);
            shownVersion = snap.version();
            dirty = false;
            worked = true;
        }
        for (PanelView p : visible) {
            if (p.drawsElsewhere() && p.hasPendingFx()) {
                drawSafelyFx(p);
                worked = true;
            }
        }
        int changes = gap <= SMOOTH_GAP_NANOS ? Integer.MAX_VALUE : 1;
        while (changes-- > 0 && System.nanoTime() - t0 < PULSE_BUDGET_NANOS) {
            PanelView next = null;
            for (PanelView p : visible)
                if ((p.hasResultFx() || (!p.drawsElsewhere() && p.hasPendingFx()))
                        && (next == null || p.lastChangeNanos() < next.lastChangeNanos())) next = p;
            if (next == null) break;
            if (next.hasResultFx()) next.collectFx();
            else drawSafelyFx(next);
            worked = true;
        }
        if (worked) pulseStats.applied(System.nanoTime() - t0);
    }

    /** FX-thread time per pulse for scene changes before the rest wait for the next pulse. */
    static final long PULSE_BUDGET_NANOS = 12_000_000L;
    /** A pulse gap up to this counts as smooth: all waiting scene changes may go at once. */
    static final long SMOOTH_GAP_NANOS = 30_000_000L;

    /** Whether every visible panel has drawn the latest frame (for tests). */
    public boolean panelsSettledFx() {
        if (dirty) return false;
        RunSession s = vm.session();
        // the latest published snapshot must have reached the panels, not just an older one
        if (s != null && (s != shownSession || s.latest().version() != shownVersion)) return false;
        for (PanelView p : visible) if (p.hasPendingFx() || !p.isSettledFx()) return false;
        return true;
    }

    /** A panel that fails to draw must not stop the pulse loop or the other panels: it is reported once. */
    private void drawSafelyFx(PanelView p) {
        long t0 = System.nanoTime();
        try {
            p.drawPendingFx();
            pulseStats.panelDrawn(p.id(), System.nanoTime() - t0);
        } catch (RuntimeException e) {
            if (failedPanels.add(p.id())) {
                System.err.println("grokbench: panel " + p.id() + " failed to draw: " + e);
                e.printStackTrace();
            }
        }
    }

    private void bindPanelsFx(Experiment e) {
        boundExperiment = e;
        applyingDefaults = true;
        try {
            for (Map.Entry<PanelView, CheckMenuItem> en : panels.entrySet()) {
                PanelView p = en.getKey();
                if (p.appliesTo(e)) p.bindFx(e);
                en.getValue().setSelected(userChoices.getOrDefault(p, p.shownByDefault(e)));
            }
        } finally {
            applyingDefaults = false;
        }
        layoutPanelsFx();
    }

    /**
     * Shows {@code p} alone in the run area, or all panels again if it already is (double-click on
     * a panel header); the others keep their state and pick up the latest frame when they return.
     */
    public void toggleFocusFx(PanelView p) {
        focused = focused == p ? null : p;
        layoutPanelsFx();
    }

    /** The panel shown alone in the run area, or null. */
    public PanelView focusedPanel() { return focused; }

    /** Lays out the panels that are switched on and apply to the experiment, in a grid (only the focused one if any). */
    private void layoutPanelsFx() {
        visible.clear();
        for (Map.Entry<PanelView, CheckMenuItem> en : panels.entrySet()) {
            boolean applies = boundExperiment != null && en.getKey().appliesTo(boundExperiment);
            en.getValue().setDisable(!applies);
            if (applies && en.getValue().isSelected()) visible.add(en.getKey());
        }
        if (focused != null && visible.contains(focused)) visible.retainAll(List.of(focused));
        else focused = null;
        panelGrid.getChildren().clear();
        panelGrid.getColumnConstraints().clear();
        panelGrid.getRowConstraints().clear();
        if (visible.isEmpty()) return;
        List<List<PanelView>> rows = new ArrayList<>();
        int cols = packRows(visible, rows);
        for (int c = 0; c < cols; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / cols);
            cc.setHgrow(Priority.ALWAYS);
            panelGrid.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < rows.size(); r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / rows.size());
            rc.setVgrow(Priority.ALWAYS);
            panelGrid.getRowConstraints().add(rc);
            int c = 0;
            List<PanelView> row = rows.get(r);
            for (int i = 0; i < row.size(); i++) {
                PanelView p = row.get(i);
                // the last panel of a short row takes the rest of the width
                int span = i == row.size() - 1 ? cols - c : Math.min(cols - c, weight(p, cols));
                Node node = p.node();
                GridPane.setHgrow(node, Priority.ALWAYS);
                GridPane.setVgrow(node, Priority.ALWAYS);
                panelGrid.add(node, c, r, span, 1);
                c += span;
            }
        }
        dirty = true;
    }

    /**
     * Splits the panels, in order, into grid rows; returns the number of columns. Columns: 1-2
     * for up to 2 weight units ({@link PanelView#columnWeight()}), 2 for up to 4, 3 for up to 6,
     * else 4. A row takes panels while they fit; a panel that does not fit starts the next row.
     */
    static int packRows(List<PanelView> panels, List<List<PanelView>> rows) {
        int total = 0;
        for (PanelView p : panels) total += Math.max(1, p.columnWeight());
        int cols = total <= 2 ? total : total <= 4 ? 2 : total <= 6 ? 3 : 4;
        List<PanelView> row = new ArrayList<>();
        int used = 0;
        for (PanelView p : panels) {
            int w = weight(p, cols);
            if (used + w > cols && !row.isEmpty()) {
                rows.add(row);
                row = new ArrayList<>();
                used = 0;
            }
            row.add(p);
            used += w;
        }
        if (!row.isEmpty()) rows.add(row);
        return cols;
    }

    private static int weight(PanelView p, int cols) {
        return Math.max(1, Math.min(cols, p.columnWeight()));
    }

    private void applyLookFx() {
        Look look = vm.look();
        root.getStyleClass().removeAll("classroom", "dark");
        if (look.classroom()) root.getStyleClass().add("classroom");
        if (look.dark()) root.getStyleClass().add("dark");
        for (PanelView p : panels.keySet()) p.setLookFx(look);
        race.setLookFx(look);
        dirty = true;
    }

    // ---- export -----------------------------------------------------------------------------

    private void exportPanelFx(PanelView p) {
        long step = vm.shownStep();
        Optional<ExportPrompts.PanelRequest> req = prompts.askPanel(scene.getWindow(), p,
                PanelExporter.fileName(vm.presetId(), p.id(), step));
        if (req.isEmpty()) return;
        try {
            lastExport = PanelExporter.exportFx(p, req.get().file(), req.get().width(), req.get().height());
        } catch (IOException | RuntimeException e) {
            showError("Export failed", e);
        }
    }

    private void exportAllInteractiveFx() {
        Optional<ExportPrompts.AllRequest> req = prompts.askAll(scene.getWindow(), List.copyOf(visible));
        if (req.isEmpty()) return;
        try {
            List<Path> files = exportAllFx(req.get().folder(), req.get().scale());
            if (!files.isEmpty()) lastExport = files.get(files.size() - 1);
        } catch (IOException | RuntimeException e) {
            showError("Export failed", e);
        }
    }

    /** Exports every visible panel into {@code folder} at {@code scale}× its on-screen size. */
    public List<Path> exportAllFx(Path folder, double scale) throws IOException {
        return PanelExporter.exportAllFx(visible, folder, scale, vm.presetId(), vm.shownStep());
    }

    private void showError(String title, Exception e) {
        Alert a = new Alert(Alert.AlertType.ERROR, String.valueOf(e.getMessage()));
        a.setHeaderText(title);
        a.initOwner(scene.getWindow());
        a.show();
    }

    // ---- lifecycle --------------------------------------------------------------------------

    /** Shows the window on {@code stage}; hiding the stage stops the pulse loop and the run. */
    public void show(Stage stage) {
        stage.setTitle("Grokking Workbench");
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        // Popups (tooltips, menus) deliver their window events through the owner too: only the stage counts.
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
            if (e.getTarget() == stage) closeFx();
        });
        start();
        stage.show();
    }

    /** Stops the pulse loop and the run (never blocks; the run's thread ends on its own). */
    public void closeFx() {
        if (closed) return;
        closed = true;
        pump.stop();
        race.closeFx();
        for (PanelView p : panels.keySet()) p.closeFx();
        figures.close();
        sweep.viewModel().close();
        phase.viewModel().close();
        vm.close();
    }

    // ---- for tests and the debug hooks ------------------------------------------------------

    public Scene scene() { return scene; }
    public WorkbenchViewModel viewModel() { return vm; }
    public PulseStats pulseStats() { return pulseStats; }
    public List<PanelView> allPanels() { return List.copyOf(panels.keySet()); }
    public List<PanelView> visiblePanels() { return List.copyOf(visible); }
    public Path lastExport() { return lastExport; }
    public RaceView raceView() { return race; }

    /** Selects a centre tab by its id without the "tab-" prefix: {@code preset}, {@code sweep}, {@code phase} or {@code race}. */
    public void selectTabFx(String id) {
        for (Tab t : centre.getTabs())
            if (("tab-" + id).equals(t.getId())) centre.getSelectionModel().select(t);
    }

    /** The id (without "tab-") of the selected centre tab. */
    public String selectedTabFx() {
        return centre.getSelectionModel().getSelectedItem().getId().substring("tab-".length());
    }

    public SweepView sweepView() { return sweep; }
    public SweepView phaseView() { return phase; }
    public TabPane tabs() { return centre; }

    private static List<org.grokbench.experiment.preset.PresetInfo> presetsQuietly(WorkbenchViewModel vm) {
        try {
            return vm.presets();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    @SuppressWarnings("unchecked")
    public <T extends PanelView> T panel(Class<T> type) {
        for (PanelView p : panels.keySet()) if (type.isInstance(p)) return (T) p;
        throw new IllegalArgumentException("no panel " + type.getSimpleName());
    }

    /** Switches a panel on or off (as the Panels menu does). */
    public void showPanelFx(PanelView p, boolean shown) {
        panels.get(p).setSelected(shown);
    }
}
