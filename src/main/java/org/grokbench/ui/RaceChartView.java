package org.grokbench.ui;

import javafx.application.Platform;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import org.grokbench.experiment.Experiment;
import org.grokbench.plot.FigureExport;
import org.grokbench.plot.FigureOptions;
import org.grokbench.race.RaceResult;
import org.jfree.chart.JFreeChart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BiFunction;

/**
 * One figure of the optimizer race tab (the paths or the distance curves), drawn by the window's
 * {@link FigureRenderer} off the FX thread like every chart panel, and exported with the same plot
 * builder. It shows a {@link RaceResult}, not a preset's frames: the preset grid never lists it.
 */
final class RaceChartView extends PanelView {
    private final BiFunction<RaceResult, FigureOptions, JFreeChart> figure;
    private final ImageView picture = new ImageView();
    private final StackPane stack = new StackPane(picture);
    private FigureRenderer renderer;
    private RaceResult race;
    private Look look = Look.DEFAULT;
    private WritableImage image;
    private long requested, received;
    private boolean wanted;

    RaceChartView(String id, String title, BiFunction<RaceResult, FigureOptions, JFreeChart> figure) {
        super(id, title);
        this.figure = figure;
        picture.setManaged(false);
        picture.setId(id + "-picture");
        stack.setMinSize(0, 0);
        stack.getStyleClass().add("chart-stack");
        stack.widthProperty().addListener((o, a, b) -> requestFx());
        stack.heightProperty().addListener((o, a, b) -> requestFx());
        setContent(stack);
        setExportable(false);
    }

    void setRenderer(FigureRenderer r) {
        renderer = r;
        requestFx();
    }

    /** Shows a new race (FX thread). */
    void showRaceFx(RaceResult r) {
        race = r;
        setExportable(true);
        requestFx();
    }

    RaceResult race() { return race; }

    /** One picture at a time; a request while one is drawn is remembered and sent when it arrives. */
    private void requestFx() {
        if (race == null || renderer == null) return;
        if (requested != received) {
            wanted = true;
            return;
        }
        wanted = false;
        double w = stack.getWidth(), h = stack.getHeight();
        if (w < 8 || h < 8) return;
        double ps = stack.getScene() != null && stack.getScene().getWindow() != null
                ? stack.getScene().getWindow().getOutputScaleX() : 1;
        RaceResult r = race;
        FigureOptions o = ChartPanelView.optionsAt(look.chartScale(w, h), w);
        renderer.submit(this, new FigureRenderer.Job(() -> figure.apply(r, o), (int) Math.ceil(w * ps),
                (int) Math.ceil(h * ps), ps, ++requested, res -> Platform.runLater(() -> collectFx(res)), 0));
    }

    private void collectFx(FigureRenderer.Result r) {
        received = r.sequence();
        if (r.chart() != null) {
            if (image == null || (int) image.getWidth() != r.width() || (int) image.getHeight() != r.height())
                image = new WritableImage(r.width(), r.height());
            image.getPixelWriter().setPixels(0, 0, r.width(), r.height(), PixelFormat.getIntArgbPreInstance(), r.argb(), 0,
                    r.width());
            picture.setImage(image);
            picture.setFitWidth(r.width() / r.pixelScale());
            picture.setFitHeight(r.height() / r.pixelScale());
            changedFx();
        }
        if (wanted) requestFx();
    }

    /** Whether the picture shows the latest race at the current size and look. */
    @Override
    public boolean isSettledFx() {
        return requested == received && !wanted;
    }

    /** Whether a picture of a race is on screen. */
    boolean hasPictureFx() { return picture.getImage() != null; }

    @Override public boolean appliesTo(Experiment experiment) { return false; }
    @Override public void bindFx(Experiment experiment) {}
    @Override public void showFx(Frame frame) {}

    @Override
    public void setLookFx(Look l) {
        look = l;
        requestFx();
    }

    @Override public double drawingWidth() { return stack.getWidth(); }
    @Override public double drawingHeight() { return stack.getHeight(); }
    @Override public boolean canExport() { return race != null; }

    /** Builds the figure again at the export size (fonts and lines scaled with it) and saves it. */
    @Override
    public void exportPngFx(Path file, int width, int height) throws IOException {
        if (race == null) throw new IOException("nothing to export yet: press Race first");
        double onScreen = drawingWidth() > 0 ? drawingWidth() : width;
        double scale = look.chartScale(drawingWidth(), drawingHeight()) * width / onScreen;
        FigureExport.save(figure.apply(race, ChartPanelView.optionsAt(scale, width)), file, width, height);
    }
}
