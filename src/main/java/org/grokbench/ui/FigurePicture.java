package org.grokbench.ui;

import javafx.application.Platform;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import org.grokbench.plot.FigureOptions;
import org.grokbench.plot.FigureStyle;
import org.jfree.chart.JFreeChart;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A figure of {@code org.grokbench.plot} as a picture that fills its pane: built and drawn on the
 * window's {@link FigureRenderer} worker at the pane's size (never on the FX thread), redrawn when
 * the pane is resized or {@link #redrawFx()} is asked, the newest picture kept. The drawn chart and
 * its rendering info stay with the picture, so a mouse position maps to the chart's data.
 */
final class FigurePicture {
    private final FigureRenderer renderer;
    private final ImageView picture = new ImageView();
    private final Pane pane = new Pane(picture);
    private final AtomicLong sequence = new AtomicLong();
    private Function<FigureOptions, JFreeChart> figure;
    private FigureRenderer.Result shown;
    private Object shownTag;
    private Object tag;

    FigurePicture(FigureRenderer renderer, String id) {
        this.renderer = renderer;
        pane.setId(id);
        pane.setMinSize(200, 150);
        pane.widthProperty().addListener((o, a, b) -> redrawFx());
        pane.heightProperty().addListener((o, a, b) -> redrawFx());
    }

    Pane node() { return pane; }

    ImageView image() { return picture; }

    /**
     * Draws {@code figure} (built on the worker with options scaled to the pane) from now on;
     * {@code tag} travels with the picture (what it shows, e.g. the grid) for {@link #shownTag()}.
     */
    void showFx(Function<FigureOptions, JFreeChart> figure, Object tag) {
        this.figure = figure;
        this.tag = tag;
        redrawFx();
    }

    /** Asks the worker for a new picture at the pane's size. */
    void redrawFx() {
        int w = (int) pane.getWidth(), h = (int) pane.getHeight();
        Function<FigureOptions, JFreeChart> f = figure;
        if (f == null || w < 50 || h < 50) return;
        double scale = Math.max(0.5, Math.min(1.0, w / 1600.0 * 1.3));
        FigureOptions o = FigureOptions.defaults().withStyle(FigureStyle.scaled(scale));
        long seq = sequence.incrementAndGet();
        Object t = tag;
        renderer.submit(this, new FigureRenderer.Job(() -> f.apply(o), w, h, 1.0, seq,
                r -> Platform.runLater(() -> deliverFx(r, t)), 0));
    }

    private void deliverFx(FigureRenderer.Result r, Object t) {
        if (r.argb() == null || r.sequence() < (shown == null ? 0 : shown.sequence())) return;
        WritableImage img = new WritableImage(r.width(), r.height());
        img.getPixelWriter().setPixels(0, 0, r.width(), r.height(), PixelFormat.getIntArgbPreInstance(), r.argb(), 0, r.width());
        picture.setImage(img);
        shown = r;
        shownTag = t;
    }

    /** The picture on screen (chart and rendering info), or null. */
    FigureRenderer.Result shown() { return shown; }

    /** The tag of the picture on screen. */
    Object shownTag() { return shownTag; }

    /** Whether the newest picture asked for is on screen. */
    boolean isSettledFx() {
        return shown != null && shown.sequence() == sequence.get();
    }
}
