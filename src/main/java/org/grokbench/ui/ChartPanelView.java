package org.grokbench.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
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

/**
 * A panel that shows one figure of {@code org.grokbench.plot} in a {@link ChartViewer}: the very
 * chart the CLI saves, so that the panel and its exported PNG are one drawing. Each new frame
 * rebuilds the chart with the builder (at most once per pulse, only when the snapshot or the
 * timeline changed); the user's zoom and pan survive the rebuild.
 *
 * <p>Mouse: drag pans, the wheel zooms around the pointer, shift-drag zooms into a rectangle,
 * "Reset zoom" goes back to the figure's own framing.
 */
public abstract class ChartPanelView extends PanelView {
    private final ChartViewer viewer = new ChartViewer();
    private final Button resetZoom = new Button("Reset zoom");
    private Look look = Look.DEFAULT;
    private Frame frame;
    private boolean interacting;
    private boolean pending;
    private Range zoomDomain;
    private Range zoomRange;
    private String boundPreset;

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
        // Never swap the chart under a dragging mouse: defer to the release.
        viewer.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> interacting = true);
        viewer.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            interacting = false;
            if (pending) redrawFx();
        });
        resetZoom.setTooltip(new Tooltip("Back to the figure's own axis ranges"));
        resetZoom.setOnAction(e -> resetZoomFx());
        resetZoom.setVisible(false);
        resetZoom.managedProperty().bind(resetZoom.visibleProperty());
        resetZoom.setId(id + "-reset-zoom");
        addHeaderControl(resetZoom);
        setContent(viewer);
    }

    /** Builds the figure for a frame with the given options (step, style, point budget already set). */
    protected abstract JFreeChart buildChart(Frame frame, FigureOptions options);

    /** Extra options of the panel (e.g. a log step axis); the default leaves them as they are. */
    protected FigureOptions customize(FigureOptions options) {
        return options;
    }

    public ChartViewer viewer() { return viewer; }

    /** The chart on screen (null before the first frame). */
    public JFreeChart chart() { return viewer.getChart(); }

    @Override
    public void showFx(Frame f) {
        frame = f;
        if (interacting) {
            pending = true;
            return;
        }
        redrawFx();
    }

    /** Rebuilds the chart from the last frame (after an option or look change). */
    protected final void redrawFx() {
        pending = false;
        if (frame == null) return;
        double width = Math.max(200, viewer.getWidth());
        JFreeChart chart = build(look.chartScale(), width);
        viewer.setChart(chart);
        listenForZoom(chart);
    }

    private JFreeChart build(double scale, double widthPixels) {
        FigureOptions o = FigureOptions.defaults()
                .withStyle(FigureStyle.scaled(Math.max(0.25, Math.min(4.0, scale))))
                .withStep(frame.figureStep())
                // about four points per pixel column: the curve looks exactly like the full series
                .withMaxPoints((int) Math.max(400, 4 * widthPixels));
        JFreeChart chart = buildChart(frame, customize(o));
        applyZoom(chart);
        return chart;
    }

    @Override
    public void setLookFx(Look l) {
        look = l;
        redrawFx();
    }

    /**
     * A new experiment: drops the old chart. A zoom survives a reset of the same preset (new
     * seed, new init) but not a change of preset.
     */
    @Override
    public void bindFx(Experiment experiment) {
        frame = null;
        String id = experiment.spec().id();
        if (!java.util.Objects.equals(id, boundPreset)) clearZoom();
        boundPreset = id;
    }

    @Override public double drawingWidth() { return viewer.getWidth(); }
    @Override public double drawingHeight() { return viewer.getHeight(); }

    @Override
    public boolean canExport() { return frame != null; }

    @Override
    public void exportPngFx(Path file, int width, int height) throws IOException {
        if (frame == null) throw new IOException("nothing to export yet: the panel has not drawn a frame");
        double onScreen = drawingWidth() > 0 ? drawingWidth() : width;
        double factor = width / onScreen;
        JFreeChart chart = build(look.chartScale() * factor, width);
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
            resetZoom.setVisible(zoomDomain != null || zoomRange != null);
        });
        if (range != null) range.addChangeListener(e -> {
            zoomRange = range.getRange();
            resetZoom.setVisible(zoomDomain != null || zoomRange != null);
        });
    }

    private void applyZoom(JFreeChart chart) {
        XYPlot plot = xyPlot(chart);
        if (plot == null) return;
        if (zoomDomain != null && plot.getDomainAxis() != null) plot.getDomainAxis().setRange(zoomDomain, true, false);
        if (zoomRange != null && plot.getRangeAxis() != null) plot.getRangeAxis().setRange(zoomRange, true, false);
    }

    /** Whether the user has zoomed or panned away from the figure's own framing. */
    public boolean isZoomed() { return zoomDomain != null || zoomRange != null; }

    public void resetZoomFx() {
        clearZoom();
        redrawFx();
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
