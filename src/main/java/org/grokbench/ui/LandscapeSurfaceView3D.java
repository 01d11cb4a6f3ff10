package org.grokbench.ui;

import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Point3D;
import javafx.geometry.Pos;
import javafx.scene.AmbientLight;
import javafx.scene.Group;
import javafx.scene.PerspectiveCamera;
import javafx.scene.PointLight;
import javafx.scene.SceneAntialiasing;
import javafx.scene.SubScene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.Sphere;
import javafx.scene.transform.Rotate;
import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.HistoryView;
import org.grokbench.landscape.DirectionKind;
import org.grokbench.landscape.Landscape;
import org.grokbench.landscape.LandscapeSampler;
import org.grokbench.landscape.RecordedPath;
import org.grokbench.landscape.Scaling;
import org.grokbench.landscape.Slice2D;
import org.grokbench.landscape.SliceGrid;
import org.grokbench.plot.ViridisScale;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The 2D landscape slice at the timeline's step as a 3D surface (Li et al. 2018's surface plots;
 * predicting-grokking App. G.1): height and colour (viridis) = log10 of the training loss over
 * the plane of two random filter-normalized directions or of the trajectory's first two principal
 * directions, θ_t marked by a sphere. Drag to orbit, wheel to zoom.
 *
 * <p>The slice is computed off the FX thread (the common fork-join pool), one at a time: a request
 * made while one is computing replaces any older waiting one, and the newest result is shown. Where
 * the graphics pipeline has no 3D ({@link ConditionalFeature#SCENE3D}), the panel says so and
 * cannot export, as {@link ManifoldView3D} does.
 */
public final class LandscapeSurfaceView3D extends PanelView {
    private static final double HALF = ManifoldView3D.HALF;
    private static final double START_DISTANCE = 980, START_RX = 32, START_RY = -30;
    /** The surface's height, as a share of its width, from the lowest to the highest loss. */
    private static final double RELIEF = 0.45;

    private final boolean supported;
    private final StackPane content = new StackPane();
    private final Pane holder = new Pane();
    private final Label hint = new Label("drag: rotate · wheel: zoom");
    private final Label caption = new Label();
    private final Group surface = new Group();
    private final Rotate rx = new Rotate(START_RX, Rotate.X_AXIS);
    private final Rotate ry = new Rotate(START_RY, Rotate.Y_AXIS);
    private final PerspectiveCamera camera = new PerspectiveCamera(true);
    private final ChoiceBox<DirectionKind> plane = new ChoiceBox<>();
    private final RunPicker run;
    private final AtomicReference<Slice2D> delivered = new AtomicReference<>();
    private Look look = Look.DEFAULT;
    private Frame frame;
    private Object shownKey;
    private Object runningKey;
    private Runnable waiting;
    private double dragX, dragY;

    public LandscapeSurfaceView3D() {
        this(Platform.isSupported(ConditionalFeature.SCENE3D));
    }

    LandscapeSurfaceView3D(boolean supported) {
        super("landscape-3d", "Landscape surface (3D)");
        this.supported = supported;
        plane.getItems().setAll(DirectionKind.RANDOM, DirectionKind.PCA);
        plane.getSelectionModel().select(DirectionKind.PCA);
        plane.setId("landscape-3d-plane");
        plane.setTooltip(new Tooltip("The plane: two random filter-normalized directions, or the trajectory's first two principal directions"));
        plane.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> redrawFx());
        run = new RunPicker("landscape-3d", this::redrawFx);
        Button reset = new Button("Reset camera");
        reset.setId("landscape-3d-reset-camera");
        reset.setOnAction(e -> resetCameraFx());
        addHeaderControl(plane);
        addHeaderControl(run.node());
        addHeaderControl(reset);
        content.getStyleClass().add("view3d");
        content.setMinSize(0, 0);
        if (!supported) {
            content.getChildren().add(Meshes3D.no3dNotice("the landscape panel's 2D heatmap"));
            reset.setDisable(true);
            plane.setDisable(true);
            setExportable(false);
        } else {
            buildScene();
        }
        setContent(content);
    }

    private void buildScene() {
        camera.setNearClip(1);
        camera.setFarClip(20_000);
        camera.setFieldOfView(30);
        camera.setTranslateZ(-START_DISTANCE);
        Group world = new Group(surface);
        world.getTransforms().setAll(rx, ry);
        PointLight key = new PointLight(Color.gray(0.35));
        key.setTranslateX(-600);
        key.setTranslateY(-900);
        key.setTranslateZ(-900);
        Group root = new Group(world, new AmbientLight(Color.gray(0.75)), key);
        SubScene scene = new SubScene(root, 400, 300, true, SceneAntialiasing.BALANCED);
        scene.setCamera(camera);
        scene.setManaged(false);
        scene.widthProperty().bind(holder.widthProperty());
        scene.heightProperty().bind(holder.heightProperty());
        scene.setId("landscape-3d-scene");
        holder.setMinSize(0, 0);
        holder.setPrefSize(200, 150);
        holder.getChildren().add(scene);
        hint.getStyleClass().add("hint3d");
        hint.setMouseTransparent(true);
        caption.getStyleClass().add("legend3d");
        caption.setPadding(new Insets(4, 8, 4, 8));
        caption.setMouseTransparent(true);
        StackPane.setAlignment(hint, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(hint, new Insets(6));
        StackPane.setAlignment(caption, Pos.TOP_LEFT);
        StackPane.setMargin(caption, new Insets(8));
        content.getChildren().addAll(holder, caption, hint);
        scene.setOnMousePressed(e -> {
            dragX = e.getSceneX();
            dragY = e.getSceneY();
        });
        scene.setOnMouseDragged(e -> {
            rotateFx((e.getSceneY() - dragY) * 0.4, -(e.getSceneX() - dragX) * 0.4);
            dragX = e.getSceneX();
            dragY = e.getSceneY();
        });
        scene.setOnScroll(e -> zoomFx(e.getDeltaY() > 0 ? 0.9 : e.getDeltaY() < 0 ? 1.1 : 1));
    }

    public boolean isSupported() { return supported; }

    /** Rotation angles {about x, about y} in degrees and the camera distance (for tests). */
    public double[] cameraState() {
        return new double[] {rx.getAngle(), ry.getAngle(), -camera.getTranslateZ()};
    }

    public void rotateFx(double aboutX, double aboutY) {
        rx.setAngle(Math.max(-89, Math.min(89, rx.getAngle() + aboutX)));
        ry.setAngle(ry.getAngle() + aboutY);
    }

    public void zoomFx(double factor) {
        camera.setTranslateZ(-Math.max(250, Math.min(6000, -camera.getTranslateZ() * factor)));
    }

    public void resetCameraFx() {
        rx.setAngle(START_RX);
        ry.setAngle(START_RY);
        camera.setTranslateZ(-START_DISTANCE);
    }

    /** Whether a surface is on screen (for tests). */
    public boolean hasSurfaceFx() { return !surface.getChildren().isEmpty(); }

    @Override
    public boolean appliesTo(Experiment experiment) {
        return !NormMinCosineView.isSimulatedDynamics(experiment);
    }

    /** Off by default: a second 3D scene costs a slow software renderer dearly; the Panels menu shows it. */
    @Override
    public boolean shownByDefault(Experiment experiment) {
        return false;
    }

    @Override
    public void bindFx(Experiment experiment) {
        run.bindFx(experiment);
        frame = null;
        shownKey = null;
        waiting = null;
        surface.getChildren().clear();
        caption.setText("");
    }

    private void redrawFx() {
        shownKey = null;
        if (frame != null) showFx(frame);
    }

    @Override
    public boolean drawsElsewhere() { return true; }

    @Override
    public void showFx(Frame f) {
        frame = f;
        if (!supported || f.trajectories().isEmpty()) return;
        int r = Math.max(0, Math.min(run.selected(), f.trajectories().size() - 1));
        HistoryView h = f.trajectories().get(r).history();
        if (h.parameterRows() < 2) return;
        DirectionKind kind = plane.getSelectionModel().getSelectedItem();
        long step = f.step();
        int row = rowAtOrBefore(h, step);
        Object key = List.of(r, kind, h.parameterStep(row), h.parameterStep(h.parameterRows() - 1), f.experiment());
        if (key.equals(shownKey) || key.equals(runningKey)) return;
        shownKey = key;
        Experiment e = f.experiment();
        Runnable job = () -> {
            RecordedPath path = RecordedPath.of(h);
            double[] grid = SliceGrid.DEFAULT_PLANE.values();
            delivered.set(Landscape.plane(new LandscapeSampler(e::newLossSurface, null), path, path.rowAtOrBefore(step), kind,
                    kind == DirectionKind.PCA ? Scaling.RAW : Scaling.FILTER, grid, grid, LandscapeView.SEED));
        };
        if (runningKey != null) {
            waiting = job;
            pendingKey = key;
            return;
        }
        start(job, key);
    }

    private Object pendingKey;

    private void start(Runnable job, Object key) {
        runningKey = key;
        CompletableFuture.runAsync(job).whenComplete((v, err) -> Platform.runLater(() -> {
            runningKey = null;
            if (waiting != null) {
                Runnable next = waiting;
                Object k = pendingKey;
                waiting = null;
                pendingKey = null;
                start(next, k);
            }
        }));
    }

    private static int rowAtOrBefore(HistoryView h, long step) {
        int best = 0;
        for (int i = 0; i < h.parameterRows(); i++) if (h.parameterStep(i) <= step) best = i;
        return best;
    }

    @Override
    public boolean hasResultFx() { return delivered.get() != null; }

    @Override
    public boolean collectFx() {
        Slice2D s = delivered.getAndSet(null);
        if (s == null) return false;
        buildSurfaceFx(s);
        changedFx();
        return true;
    }

    @Override
    public boolean isSettledFx() { return delivered.get() == null && runningKey == null && waiting == null; }

    private void buildSurfaceFx(Slice2D s) {
        double[] loss = s.values().trainLoss();
        int n = s.alphas().length;
        double[] log = new double[loss.length];
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < log.length; k++) {
            log[k] = Math.log10(Math.max(1e-12, loss[k]));
            if (Double.isFinite(log[k])) {
                lo = Math.min(lo, log[k]);
                hi = Math.max(hi, log[k]);
            }
        }
        double range = hi > lo ? hi - lo : 1, low = lo;
        double[] a = s.alphas(), b = s.betas();
        double ax = a[a.length - 1] - a[0], bx = b[b.length - 1] - b[0];
        ViridisScale viridis = new ViridisScale(0, 1);
        // vertex k of Meshes3D.grid is (i, j) with k = i·n + j: i along α, j along β
        var mesh = Meshes3D.grid(n - 1,
                k -> point((a[k / n] - a[0]) / ax, (b[k % n] - b[0]) / bx, height(log[s.index(k / n, k % n)], low, range)),
                k -> height(log[s.index(k / n, k % n)], low, range),
                t -> ManifoldView3D.fxColor((java.awt.Color) viridis.getPaint(t)));
        mesh.setCullFace(javafx.scene.shape.CullFace.NONE);
        Sphere at = new Sphere(7);
        int i0 = nearest(a, 0), j0 = nearest(b, 0);
        Point3D p = point((a[i0] - a[0]) / ax, (b[j0] - b[0]) / bx, height(log[s.index(i0, j0)], low, range));
        at.setTranslateX(p.getX());
        at.setTranslateY(p.getY() - 7);
        at.setTranslateZ(p.getZ());
        at.setMaterial(new PhongMaterial(ManifoldView3D.fxColor(new java.awt.Color(0xD55E00))));
        surface.getChildren().setAll(mesh, at);
        caption.setText(String.format(Locale.ROOT, "%s plane at step %d · log₁₀ train loss from %.2f (purple) to %.2f (yellow)",
                s.kind() == DirectionKind.PCA ? "PCA" : "random filter-normalized", s.step(), lo, hi));
    }

    private static double height(double log, double lo, double range) {
        return Double.isFinite(log) ? (log - lo) / range : 1;
    }

    /** Scene point of the plane position (u, v) ∈ [0, 1]² at relative height t ∈ [0, 1]. */
    private static Point3D point(double u, double v, double t) {
        return new Point3D((u - 0.5) * 2 * HALF, -(t - 0.5) * 2 * HALF * RELIEF, (v - 0.5) * 2 * HALF);
    }

    private static int nearest(double[] xs, double x) {
        int best = 0;
        for (int i = 1; i < xs.length; i++) if (Math.abs(xs[i] - x) < Math.abs(xs[best] - x)) best = i;
        return best;
    }

    @Override
    public void setLookFx(Look l) {
        look = Objects.requireNonNull(l);
    }

    @Override public boolean canExport() { return supported && hasSurfaceFx(); }
    @Override public double drawingWidth() { return content.getWidth(); }
    @Override public double drawingHeight() { return content.getHeight(); }

    @Override
    public void exportPngFx(Path file, int width, int height) throws IOException {
        if (!supported) throw new IOException("3D is not available on this graphics pipeline; nothing to export");
        ManifoldView3D.exportSnapshot(content, hint, look.dark(), file, width, height);
    }
}
