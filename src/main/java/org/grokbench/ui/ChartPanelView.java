package org.grokbench.ui;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;
import org.grokbench.experiment.Experiment;
import org.grokbench.plot.FigureExport;
import org.grokbench.plot.FigureOptions;
import org.grokbench.plot.FigureStyle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.PanHandlerFX;
import org.jfree.chart.fx.interaction.ZoomHandlerFX;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A panel that shows one figure of {@code org.grokbench.plot}: the very chart the CLI saves, so
 * that the panel and its exported PNG are one drawing.
 *
 * <p>How a frame gets on screen: the panel asks the {@link FigureRenderer} to build the chart with
 * the plot builder and draw it, off the FX thread, at the panel's pixel size; on a later pulse it
 * shows the drawn image. The chart object itself then sits in a {@link ChartViewer} under the
 * image: the moment the mouse presses or scrolls on the panel, the viewer draws that chart and
 * takes over, so zoom and pan are JFreeChart's own, on the very chart shown. When the zoom ends,
 * the new axis ranges go into every later frame (and the export), and the image path resumes.
 * This keeps the FX thread free of chart drawing while a run streams snapshots.
 *
 * <p>Mouse: drag pans, the wheel zooms around the pointer, shift-drag zooms into a rectangle,
 * "Reset zoom" goes back to the figure's own framing.
 */
public abstract class ChartPanelView extends PanelView {
    private final ChartViewer viewer = new ChartViewer();
    private final ImageView picture = new ImageView();
    private final StackPane stack = new StackPane(viewer, picture);
    private final Button resetZoom = new Button("Reset zoom");
    private CheckBox logStep;
    private final AtomicReference<FigureRenderer.Result> delivered = new AtomicReference<>();
    private FigureRenderer renderer;
    private Look look = Look.DEFAULT;
    private Frame frame;
    private Range zoomDomain;
    private Range zoomRange;
    private String boundPreset;
    private JFreeChart shown;
    private boolean viewerHasShown;
    private boolean pressed;
    private long requested;
    private long received;
    private boolean wanted;
    private WritableImage image;
    /** What the last requested frame showed ({@link #contentKey}); null: unknown, draw the next frame. */
    private Object shownKey;
    /** Throttling of heavy figures while the run trains (see {@link #throttleFactor()}). */
    private long lastSubmitNanos;
    private long lastCostNanos;
    private boolean deferred;

    protected ChartPanelView(String id, String title) {
        super(id, title);
        viewer.setMinSize(0, 0);
        viewer.setId(id + "-chart");
        viewer.getCanvas().setTooltipEnabled(false);
        // Plain drag pans (the usual map gesture), shift-drag draws a zoom rectangle.
        viewer.getCanvas().removeMouseHandler(viewer.getCanvas().getMouseHandler("zoom"));
        viewer.getCanvas().removeMouseHandler(viewer.getCanvas().getMouseHandler("pan"));
        viewer.getCanvas().addMouseHandler(new PanHandlerFX("pan", false, false, false, false));
        viewer.getCanvas().addMouseHandler(new ZoomHandlerFX("zoom", viewer, false, false, false, true));
        // The viewer takes over before JFreeChart's handlers see the gesture.
        viewer.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            pressed = true;
            useViewerFx();
        });
        viewer.addEventFilter(ScrollEvent.SCROLL, e -> useViewerFx());
        viewer.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            pressed = false;
            requestFx();
        });
        picture.setMouseTransparent(true);
        picture.setManaged(false);
        picture.setId(id + "-picture");
        stack.setMinSize(0, 0);
        stack.getStyleClass().add("chart-stack");
        stack.widthProperty().addListener((o, a, b) -> requestFx());
        stack.heightProperty().addListener((o, a, b) -> requestFx());
        resetZoom.setTooltip(new Tooltip("Back to the figure's own axis ranges"));
        resetZoom.setOnAction(e -> resetZoomFx());
        resetZoom.setVisible(false);
        resetZoom.managedProperty().bind(resetZoom.visibleProperty());
        resetZoom.setId(id + "-reset-zoom");
        addHeaderControl(resetZoom);
        setContent(stack);
    }

    /** Builds the figure. Runs on the figure worker: read only the frame and the options. */
    protected abstract JFreeChart buildChart(Frame frame, FigureOptions options);

    /**
     * How to build the chart for this frame on the figure worker. The default calls
     * {@link #buildChart}; a panel with its own controls (a frequency picker) reads them here, on
     * the FX thread, and captures their values in the supplier, so the worker never reads a node.
     */
    protected Supplier<JFreeChart> chartJobFx(Frame frame, FigureOptions options) {
        return () -> buildChart(frame, options);
    }

    /**
     * What the chart of {@code frame} depends on, when that is less than the whole frame (FX
     * thread, must be cheap); null (the default) means every new frame is drawn. A frame whose key
     * equals the last drawn one is kept for export but not drawn again: e.g. the Fourier panels
     * of a scrubbed timeline while the run records on, or a large model whose θ is kept at fewer
     * steps than its metrics.
     */
    protected Object contentKey(Frame frame) {
        return null;
    }

    /**
     * How long the panel waits between two pictures while the run trains and the timeline is live,
     * as a multiple of what the last picture cost on the figure worker; 0 (the default) = no wait.
     * On a two-core machine the worker and the run share the cores: a figure of many small plots
     * (the Fourier circles, ~0.1-0.3 s) drawn back to back would take a core from training. With a
     * factor f the panel keeps the worker busy at most 1/(1 + f) of the time. Scrubbing, stepping
     * and a paused run are never throttled.
     */
    protected double throttleFactor() {
        return 0;
    }

    /** Draws the current frame again whatever its {@link #contentKey} (a panel control changed). FX thread. */
    protected final void redrawFx() {
        shownKey = null;
        requestFx();
    }

    /** The frame last handed to the panel (null before the first). */
    protected final Frame frame() { return frame; }

    /**
     * Extra options of the panel, read on the FX thread; default: the log step axis when the panel
     * has its toggle ({@link #addLogStepToggle}), otherwise as they are.
     */
    protected FigureOptions customize(FigureOptions options) {
        return logStep == null ? options : options.withLogStep(logStep.isSelected());
    }

    /**
     * Adds the "log step axis" check box to the header, for figures whose horizontal axis is the
     * training step: the fast first phase and a drop thousands of steps later fit side by side only
     * on a log step axis, where a drop at a time ∝ 1/λ also looks as sudden as it is
     * (riemannian-norm-minimisation). Its id is {@code <panel id>-log-step}.
     */
    protected final CheckBox addLogStepToggle(String text) {
        logStep = new CheckBox(text);
        logStep.setId(id() + "-log-step");
        logStep.setTooltip(new Tooltip("Logarithmic step axis: shows the first few steps and the late drop together"));
        // A new step axis: the old zoom range means nothing on it.
        logStep.selectedProperty().addListener((o, a, b) -> resetZoomFx());
        addHeaderControl(logStep);
        return logStep;
    }

    /** The log-step check box, or null when the panel's figure has no step axis. */
    public final CheckBox logStepBox() { return logStep; }

    /** The worker that draws this panel's frames (set by the window). */
    void setRenderer(FigureRenderer r) {
        renderer = r;
    }

    public ChartViewer viewer() { return viewer; }

    /** The chart on screen (null before the first frame is drawn). */
    public JFreeChart chart() { return shown; }

    // ---- frames -------------------------------------------------------------------------------

    @Override
    public void showFx(Frame f) {
        Object key = contentKey(f);
        boolean same = key != null && frame != null && key.equals(shownKey);
        frame = f;
        shownKey = key;
        if (!same) requestFx();
    }

    /**
     * Asks the worker for the current frame at the current size, look and zoom. One picture at a
     * time: while one is being drawn or waits to be shown, the request is remembered and sent when
     * that picture is collected, so the worker never draws frames the screen would skip.
     */
    protected final void requestFx() {
        if (frame == null || renderer == null || pressed) return;
        if (requested != received || delivered.get() != null) {
            wanted = true;
            return;
        }
        wanted = false;
        double w = stack.getWidth(), h = stack.getHeight();
        if (w < 8 || h < 8) {
            deferred = false;
            return;
        }
        long now = System.nanoTime();
        if (throttled(frame) && now < dueNanos()) {
            deferred = true;
            return;
        }
        deferred = false;
        lastSubmitNanos = now;
        double ps = stack.getScene() != null && stack.getScene().getWindow() != null
                ? stack.getScene().getWindow().getOutputScaleX() : 1;
        FigureOptions o = options(look.chartScale(w, h), w);
        Frame f = frame;
        Range zx = zoomDomain, zy = zoomRange;
        Supplier<JFreeChart> build = chartJobFx(f, o);
        renderer.submit(this, new FigureRenderer.Job(() -> {
            JFreeChart c = build.get();
            applyZoom(c, zx, zy);
            return c;
        }, (int) Math.ceil(w * ps), (int) Math.ceil(h * ps), ps, ++requested, delivered::set, 0));
    }

    @Override
    public boolean drawsElsewhere() { return true; }

    @Override
    public boolean hasResultFx() {
        return !pressed && (delivered.get() != null || (deferred && System.nanoTime() >= dueNanos()));
    }

    private boolean throttled(Frame f) {
        return throttleFactor() > 0 && f.live() && f.snapshot().status() == org.grokbench.experiment.RunStatus.RUNNING;
    }

    private long dueNanos() {
        return lastSubmitNanos + (long) (throttleFactor() * lastCostNanos);
    }

    /** Shows a drawn frame if one has arrived; true when the picture changed. */
    @Override
    public boolean collectFx() {
        if (pressed) return false;
        FigureRenderer.Result r = delivered.getAndSet(null);
        if (r == null) {
            // a throttled frame whose wait is over
            if (deferred) requestFx();
            return false;
        }
        received = r.sequence();
        lastCostNanos = r.nanos();
        if (wanted) requestFx();
        if (r.chart() == null) return false;
        if (image == null || (int) image.getWidth() != r.width() || (int) image.getHeight() != r.height())
            image = new WritableImage(r.width(), r.height());
        image.getPixelWriter().setPixels(0, 0, r.width(), r.height(), PixelFormat.getIntArgbPreInstance(),
                r.argb(), 0, r.width());
        picture.setImage(image);
        picture.setFitWidth(r.width() / r.pixelScale());
        picture.setFitHeight(r.height() / r.pixelScale());
        picture.setVisible(true);
        shown = r.chart();
        viewerHasShown = false;
        changedFx();
        return true;
    }

    /** Whether the picture shows the newest frame (tests wait for this). */
    @Override
    public boolean isSettledFx() {
        return requested == received && delivered.get() == null && !wanted && !deferred;
    }

    /** The viewer draws the chart on screen and takes the mouse (zoom, pan). */
    private void useViewerFx() {
        if (shown == null) return;
        if (!viewerHasShown) {
            viewer.setChart(shown);
            listenForZoom(shown);
            viewerHasShown = true;
        }
        picture.setVisible(false);
    }

    private FigureOptions options(double scale, double widthPixels) {
        return customize(optionsAt(scale, widthPixels).withStep(frame.figureStep()));
    }

    /** Figure options for a chart drawn {@code widthPixels} wide at a style scale (clamped to [0.25, 4]). */
    static FigureOptions optionsAt(double scale, double widthPixels) {
        return FigureOptions.defaults()
                .withStyle(FigureStyle.scaled(Math.max(0.25, Math.min(4.0, scale))))
                // about four points per pixel column: the curve looks exactly like the full series
                .withMaxPoints((int) Math.max(400, 4 * widthPixels));
    }

    @Override
    public void setLookFx(Look l) {
        look = l;
        requestFx();
    }

    /**
     * A new experiment. A zoom survives a reset of the same preset (new seed, new init) but not a
     * change of preset.
     */
    @Override
    public void bindFx(Experiment experiment) {
        frame = null;
        shownKey = null;
        deferred = false;
        String id = experiment.spec().id();
        if (!Objects.equals(id, boundPreset)) clearZoom();
        boundPreset = id;
    }

    @Override public double drawingWidth() { return stack.getWidth(); }
    @Override public double drawingHeight() { return stack.getHeight(); }

    @Override
    public boolean canExport() { return frame != null; }

    /** Builds the chart again at the export size (fonts and lines scaled with it) and saves it. */
    @Override
    public void exportPngFx(Path file, int width, int height) throws IOException {
        if (frame == null) throw new IOException("nothing to export yet: the panel has not drawn a frame");
        double onScreen = drawingWidth() > 0 ? drawingWidth() : width;
        double factor = width / onScreen;
        JFreeChart chart = chartJobFx(frame, options(look.chartScale(drawingWidth(), drawingHeight()) * factor, width)).get();
        applyZoom(chart, zoomDomain, zoomRange);
        FigureExport.save(chart, file, width, height);
    }

    // ---- zoom and pan that survive rebuilds ------------------------------------------------

    private void listenForZoom(JFreeChart chart) {
        XYPlot plot = xyPlot(chart);
        if (plot == null) return;
        ValueAxis domain = plot.getDomainAxis();
        ValueAxis range = plot.getRangeAxis();
        if (domain != null) domain.addChangeListener(e -> {
            zoomDomain = domain.getRange();
            zoomChangedFx();
        });
        if (range != null) range.addChangeListener(e -> {
            zoomRange = range.getRange();
            zoomChangedFx();
        });
    }

    private void zoomChangedFx() {
        resetZoom.setVisible(isZoomed());
        requestFx();
    }

    private static void applyZoom(JFreeChart chart, Range domain, Range range) {
        XYPlot plot = xyPlot(chart);
        if (plot == null) return;
        if (domain != null && plot.getDomainAxis() != null) plot.getDomainAxis().setRange(domain, true, false);
        if (range != null && plot.getRangeAxis() != null) plot.getRangeAxis().setRange(range, true, false);
    }

    /** Whether the user has zoomed or panned away from the figure's own framing. */
    public boolean isZoomed() { return zoomDomain != null || zoomRange != null; }

    /** Zooms to the given axis ranges, as a mouse zoom would (domain = x, range = y). */
    public void zoomToFx(double xlo, double xhi, double ylo, double yhi) {
        zoomDomain = new Range(xlo, xhi);
        zoomRange = new Range(ylo, yhi);
        zoomChangedFx();
    }

    public void resetZoomFx() {
        clearZoom();
        requestFx();
    }

    private void clearZoom() {
        zoomDomain = null;
        zoomRange = null;
        resetZoom.setVisible(false);
    }

    private static XYPlot xyPlot(JFreeChart chart) {
        if (chart == null) return null;
        Plot p = chart.getPlot();
        return p instanceof XYPlot xy ? xy : null;
    }
}
