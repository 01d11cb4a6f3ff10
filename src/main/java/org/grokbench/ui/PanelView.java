package org.grokbench.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.grokbench.experiment.Experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * One panel of the run area: a header (name, the panel's own controls, "Export PNG…") above the
 * panel's drawing. Subclasses draw a {@link Frame}; the window decides which panels apply to the
 * experiment, feeds them one frame per pulse at most, and asks them for PNGs.
 *
 * <p>Every method here runs on the FX thread.
 */
public abstract class PanelView {
    private final String id;
    private final String title;
    private final BorderPane root = new BorderPane();
    private final HBox header = new HBox(6);
    private final Button exportButton = new Button("Export PNG…");
    private Consumer<PanelView> onExport = p -> { };
    private Consumer<PanelView> onFocus = p -> { };
    private Frame pending;
    private long lastChange;

    protected PanelView(String id, String title) {
        this.id = id;
        this.title = title;
        Label name = new Label(title);
        name.getStyleClass().add("panel-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        exportButton.setTooltip(new Tooltip("Save this panel as a PNG (size is asked; 2x by default, for slides)"));
        exportButton.setOnAction(e -> onExport.accept(this));
        exportButton.setId(id + "-export");
        header.getChildren().addAll(name, spacer, exportButton);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("panel-header");
        // a crowded grid leaves a wide panel short: double-click fills the run area with it (for slides and projectors)
        Tooltip.install(name, new Tooltip("Double-click the header to fill the run area with this panel; again to bring the others back"));
        header.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && e.getTarget() != exportButton) onFocus.accept(this);
        });
        root.setTop(header);
        root.getStyleClass().add("panel");
        root.setId(id);
        root.setMinSize(0, 0);
    }

    /** Short id used in node ids and exported file names, e.g. {@code parameter-plane}. */
    public final String id() { return id; }

    public final String title() { return title; }

    /** The panel's whole node (header and drawing). */
    public final Node node() { return root; }

    /** Called when the user double-clicks the header (the window toggles this panel alone in the run area). */
    public final void setOnFocusToggle(Consumer<PanelView> action) { onFocus = action; }

    /** Called when the user presses "Export PNG…". */
    public final void setOnExport(Consumer<PanelView> action) { onExport = action; }

    protected final void setContent(Node content) { root.setCenter(content); }

    /** Adds a control to the header, left of "Export PNG…". */
    protected final void addHeaderControl(Node control) {
        header.getChildren().add(header.getChildren().size() - 1, control);
    }

    protected final void setExportable(boolean exportable) { exportButton.setDisable(!exportable); }

    /** Hands the panel a new frame to draw when the window's pulse budget allows (cheap). */
    public final void offerFx(Frame frame) { pending = frame; }

    /** Whether a frame is waiting to be drawn. */
    public final boolean hasPendingFx() { return pending != null; }

    /** When the panel last changed on screen ({@link System#nanoTime()}); 0 if never. */
    public final long lastChangeNanos() { return lastChange; }

    /** Marks a change on screen now (the window spreads changes over pulses, oldest first). */
    protected final void changedFx() { lastChange = System.nanoTime(); }

    /** Draws the waiting frame, if any. */
    public final void drawPendingFx() {
        Frame f = pending;
        pending = null;
        if (f == null) return;
        showFx(f);
        if (!drawsElsewhere()) changedFx();
    }

    /**
     * Whether drawing a frame only hands work to another thread (the screen changes later, in
     * {@link #collectFx()}); false when {@link #showFx} changes the scene at once.
     */
    public boolean drawsElsewhere() { return false; }

    /** Whether finished off-thread work is waiting for {@link #collectFx()}. */
    public boolean hasResultFx() { return false; }

    /**
     * Picks up work finished off the FX thread (a chart drawn by the figure worker); called every
     * pulse. Returns whether the panel changed.
     */
    public boolean collectFx() { return false; }

    /** Whether everything handed to the panel is on screen (tests wait for this). */
    public boolean isSettledFx() { return true; }

    /** Whether the panel is switched on for this experiment until the user decides otherwise. */
    public boolean shownByDefault(Experiment experiment) { return true; }

    /** The window is closing: a panel with its own worker stops it here (never blocks). */
    public void closeFx() { }

    /**
     * How many grid columns the panel takes when there is room (1 or 2): a figure of many small
     * plots (the Fourier circles) asks for 2.
     */
    public int columnWeight() { return 1; }

    /** Whether the panel means anything for this experiment (hidden otherwise). */
    public abstract boolean appliesTo(Experiment experiment);

    /** Prepares for a new experiment (new axes, new geometry); the next frame will belong to it. */
    public abstract void bindFx(Experiment experiment);

    /** Draws a frame now. The window calls it through {@link #drawPendingFx()}, at most once per pulse. */
    public abstract void showFx(Frame frame);

    /** Switches classroom mode / theme; redraws the last frame. */
    public abstract void setLookFx(Look look);

    /** Whether a PNG can be made now (the 3D view cannot where 3D is unsupported). */
    public boolean canExport() { return true; }

    /** Logical size of the drawing on screen: the 1x export size. */
    public abstract double drawingWidth();

    public abstract double drawingHeight();

    /**
     * Writes the panel's drawing, as it is on screen, to a PNG of exactly {@code width} × {@code height}
     * pixels. Fonts and lines scale with the size, so 2x the screen size looks like the panel, twice
     * as sharp.
     */
    public abstract void exportPngFx(Path file, int width, int height) throws IOException;
}
