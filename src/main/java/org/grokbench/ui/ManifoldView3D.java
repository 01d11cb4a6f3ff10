package org.grokbench.ui;

import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Point3D;
import javafx.geometry.Pos;
import javafx.scene.AmbientLight;
import javafx.scene.Group;
import javafx.scene.PerspectiveCamera;
import javafx.scene.PointLight;
import javafx.scene.SceneAntialiasing;
import javafx.scene.SnapshotParameters;
import javafx.scene.SubScene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.Box;
import javafx.scene.shape.CullFace;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Sphere;
import javafx.scene.transform.Rotate;
import javafx.scene.transform.Scale;
import org.fxyz3d.shapes.composites.PolyLine3D;
import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.HistoryView;
import org.grokbench.experiment.Metric;
import org.grokbench.experiment.RunSpec;
import org.grokbench.experiment.TrajectorySnapshot;
import org.grokbench.plot.FigureStyle;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The 3D view (FXyz3D on a JavaFX {@link SubScene}). For a 3-parameter model, the zero-loss set Z
 * (a plane for Figure 2) shaded by the weight norm, lighter where the norm is lower, with every
 * run's trajectory as a polyline and its current point as a ball, as in Figure 2. For a
 * 2-parameter model, the training-loss surface over the parameter plane (height and shade grow
 * with log(1 + L)), Z drawn exactly in black at the bottom of the valley, and the trajectories on
 * the surface.
 *
 * <p>Mouse: drag rotates, the wheel zooms, "Reset camera" returns to the starting view. Labels are
 * drawn flat on top of the 3D scene (projected through the camera), so they stay readable.
 *
 * <p>Where the graphics pipeline has no 3D ({@link ConditionalFeature#SCENE3D} absent, e.g. the
 * software pipeline), the panel says so and cannot be exported.
 */
public final class ManifoldView3D extends PanelView {
    /** Half the edge of the data cube in scene units. */
    static final double HALF = 200;
    private static final double START_RX = 24, START_RY = -36, START_DISTANCE = 1150;
    private static final int GRID = 72;

    private final boolean supported;
    private final StackPane content = new StackPane();
    private final Pane holder = new Pane();
    private final Pane overlay = new Pane();
    private final VBox legend = new VBox(2);
    private final Label hint = new Label("drag: rotate · wheel: zoom");
    private final Group world = new Group();
    private final Group sheet = new Group();
    private final Group zeroLossLines = new Group();
    private final Group paths = new Group();
    private final Group markers = new Group();
    private final Group axes = new Group();
    private final Rotate rx = new Rotate(START_RX, Rotate.X_AXIS);
    private final Rotate ry = new Rotate(START_RY, Rotate.Y_AXIS);
    private final PerspectiveCamera camera = new PerspectiveCamera(true);
    private final List<Label> axisLabels = new ArrayList<>();
    private final List<Point3D> axisLabelAnchors = new ArrayList<>();
    private SubScene subScene;
    private Experiment experiment;
    private SceneBox box;
    private Look look = Look.DEFAULT;
    private Frame frame;
    private double[] lossRange;
    private double dragX, dragY;

    public ManifoldView3D() {
        this(Platform.isSupported(ConditionalFeature.SCENE3D));
    }

    ManifoldView3D(boolean supported) {
        super("manifold-3d", "3D view");
        this.supported = supported;
        Button resetCamera = new Button("Reset camera");
        resetCamera.setId("manifold-3d-reset-camera");
        resetCamera.setTooltip(new Tooltip("Back to the starting viewpoint"));
        resetCamera.setOnAction(e -> resetCameraFx());
        addHeaderControl(resetCamera);
        content.getStyleClass().add("view3d");
        content.setMinSize(0, 0);
        if (!supported) {
            Label none = new Label("3D needs a graphics card pipeline (ConditionalFeature.SCENE3D is not "
                    + "available here). Start the window with -Dprism.forceGPU=true, or use the 2D panels.");
            none.setWrapText(true);
            none.getStyleClass().add("placeholder");
            content.getChildren().add(none);
            resetCamera.setDisable(true);
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
        world.getTransforms().setAll(rx, ry);
        world.getChildren().addAll(sheet, zeroLossLines, axes, paths, markers);
        AmbientLight ambient = new AmbientLight(Color.gray(0.62));
        PointLight key = new PointLight(Color.gray(0.45));
        key.setTranslateX(-600);
        key.setTranslateY(-900);
        key.setTranslateZ(-900);
        Group root = new Group(world, ambient, key);
        subScene = new SubScene(root, 400, 300, true, SceneAntialiasing.BALANCED);
        subScene.setCamera(camera);
        subScene.setManaged(false);
        subScene.widthProperty().bind(holder.widthProperty());
        subScene.heightProperty().bind(holder.heightProperty());
        subScene.setId("manifold-3d-scene");
        holder.setMinSize(0, 0);
        holder.setPrefSize(200, 150);
        holder.getChildren().add(subScene);

        overlay.setPickOnBounds(false);
        overlay.setMouseTransparent(true);
        legend.getStyleClass().add("legend3d");
        legend.setPadding(new Insets(6, 8, 6, 8));
        legend.setMouseTransparent(true);
        hint.getStyleClass().add("hint3d");
        hint.setMouseTransparent(true);
        StackPane.setAlignment(legend, Pos.TOP_LEFT);
        StackPane.setMargin(legend, new Insets(8));
        StackPane.setAlignment(hint, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(hint, new Insets(6));
        legend.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        content.getChildren().addAll(holder, overlay, legend, hint);

        subScene.setOnMousePressed(e -> {
            dragX = e.getSceneX();
            dragY = e.getSceneY();
        });
        subScene.setOnMouseDragged(e -> {
            double dx = e.getSceneX() - dragX, dy = e.getSceneY() - dragY;
            dragX = e.getSceneX();
            dragY = e.getSceneY();
            ry.setAngle(ry.getAngle() - dx * 0.4);
            rx.setAngle(Math.max(-89, Math.min(89, rx.getAngle() + dy * 0.4)));
            layoutLabelsFx();
        });
        subScene.setOnScroll(e -> {
            double factor = e.getDeltaY() > 0 ? 0.9 : e.getDeltaY() < 0 ? 1.1 : 1;
            zoomFx(factor);
        });
        holder.widthProperty().addListener((o, a, b) -> layoutLabelsFx());
        holder.heightProperty().addListener((o, a, b) -> layoutLabelsFx());
    }

    /** Whether this panel draws 3D (false where the pipeline has no SCENE3D). */
    public boolean isSupported() { return supported; }

    public SubScene subScene() { return subScene; }

    /** Rotation angles {about x, about y} in degrees and the camera distance (for tests). */
    public double[] cameraState() {
        return new double[] {rx.getAngle(), ry.getAngle(), -camera.getTranslateZ()};
    }

    /** Multiplies the camera distance by {@code factor} (&lt; 1 zooms in). */
    public void zoomFx(double factor) {
        double distance = Math.max(250, Math.min(6000, -camera.getTranslateZ() * factor));
        camera.setTranslateZ(-distance);
        layoutLabelsFx();
    }

    /** Rotates the view by the given angles in degrees, as a mouse drag would. */
    public void rotateFx(double aboutX, double aboutY) {
        rx.setAngle(Math.max(-89, Math.min(89, rx.getAngle() + aboutX)));
        ry.setAngle(ry.getAngle() + aboutY);
        layoutLabelsFx();
    }

    public void resetCameraFx() {
        rx.setAngle(START_RX);
        ry.setAngle(START_RY);
        camera.setTranslateZ(-START_DISTANCE);
        layoutLabelsFx();
    }

    @Override
    public boolean appliesTo(Experiment e) {
        int d = e.model().parameterCount();
        return d == 2 || d == 3;
    }

    @Override
    public boolean canExport() { return supported && frame != null; }

    @Override
    public void bindFx(Experiment e) {
        experiment = e;
        frame = null;
        if (!supported) return;
        box = SceneBox.of(e);
        lossRange = null;
        sheet.getChildren().clear();
        zeroLossLines.getChildren().clear();
        paths.getChildren().clear();
        markers.getChildren().clear();
        buildSheetFx();
        buildAxesFx();
        buildLegendFx();
        layoutLabelsFx();
    }

    @Override
    public void setLookFx(Look l) {
        look = l;
        if (!supported || experiment == null) return;
        subScene.setFill(l.dark() ? Color.web("#1e2227") : Color.web("#fbfbfb"));
        zeroLossLines.getChildren().clear();
        buildZeroLossLinesFx();
        buildAxesFx();
        buildLegendFx();
        if (frame != null) showFx(frame);
        layoutLabelsFx();
    }

    // ---- the static part: Z sheet or loss surface, axes, legend ------------------------------

    private void buildSheetFx() {
        int d = experiment.model().parameterCount();
        MeshView mesh = d == 3 ? Meshes3D.build(experiment.zeroLoss(), box, GRID)
                : lossSurface();
        if (mesh != null) {
            mesh.setCullFace(CullFace.NONE);
            sheet.getChildren().add(mesh);
        }
        buildZeroLossLinesFx();
    }

    private MeshView lossSurface() {
        Meshes3D.Surface s = Meshes3D.lossSurface(experiment.newTrainLoss(), box, GRID);
        lossRange = new double[] {s.maxLog1p()};
        return s.mesh();
    }

    /** For 2-parameter models: Z drawn exactly, in the valley of the loss surface. */
    private void buildZeroLossLinesFx() {
        if (experiment.model().parameterCount() != 2) return;
        Color color = look.dark() ? Color.web("#101010") : Color.BLACK;
        float width = (float) (2.6 * look.lineScale());
        for (double[][] line : experiment.zeroLoss().polylines2D(box.min[0], box.max[0], box.min[1], box.max[1], 0)) {
            List<org.fxyz3d.geometry.Point3D> pts = new ArrayList<>();
            for (double[] p : line) pts.add(fxyz(box.toScene(p[0], p[1], 0.8 / box.scale + box.min[2])));
            if (pts.size() >= 2) zeroLossLines.getChildren().add(new PolyLine3D(pts, width, color, PolyLine3D.LineType.TRIANGLE));
        }
    }

    private void buildAxesFx() {
        axes.getChildren().clear();
        overlay.getChildren().removeAll(axisLabels);
        axisLabels.clear();
        axisLabelAnchors.clear();
        Color axisColor = look.dark() ? Color.gray(0.75) : Color.gray(0.35);
        PhongMaterial m = new PhongMaterial(axisColor);
        double t = 1.4 * look.lineScale();
        Point3D o = box.toScene(box.min[0], box.min[1], box.min[2]);
        Point3D ex = box.toScene(box.max[0], box.min[1], box.min[2]);
        Point3D ey = box.toScene(box.min[0], box.max[1], box.min[2]);
        Point3D ez = box.toScene(box.min[0], box.min[1], box.max[2]);
        axes.getChildren().addAll(bar(o, ex, t, m), bar(o, ey, t, m), bar(o, ez, t, m));
        List<String> names = experiment.model().parameterNames();
        String up = experiment.model().parameterCount() == 3 ? names.get(2) : "loss";
        addLabel(names.get(0) + " → " + fmt(box.max[0]), ex.add(ex.subtract(o).normalize().multiply(18)));
        addLabel(names.get(1) + " → " + fmt(box.max[1]), ey.add(ey.subtract(o).normalize().multiply(18)));
        addLabel(up + (experiment.model().parameterCount() == 3 ? " → " + fmt(box.max[2]) : " (log scale)"),
                ez.add(ez.subtract(o).normalize().multiply(14)));
        addLabel(fmt(box.min[0]) + ", " + fmt(box.min[1]) + (experiment.model().parameterCount() == 3 ? ", " + fmt(box.min[2]) : ""),
                o.add(0, 14, 0));
        if (experiment.model().parameterCount() == 3) {
            double[] best = experiment.zeroLoss().project(new double[3]);
            if (box.contains(best)) {
                Sphere s = new Sphere(4.5 * look.lineScale());
                s.setMaterial(new PhongMaterial(look.dark() ? Color.WHITE : Color.BLACK));
                Point3D p = box.toScene(best[0], best[1], best[2]);
                s.setTranslateX(p.getX());
                s.setTranslateY(p.getY());
                s.setTranslateZ(p.getZ());
                axes.getChildren().add(s);
                addLabel("min-norm point (" + fmt(best[0]) + ", " + fmt(best[1]) + ", " + fmt(best[2]) + ")", p.add(0, -16, 0));
            }
        }
    }

    private void addLabel(String text, Point3D anchor) {
        Label l = new Label(text);
        l.getStyleClass().add("label3d");
        l.setMouseTransparent(true);
        axisLabels.add(l);
        axisLabelAnchors.add(anchor);
        overlay.getChildren().add(l);
    }

    private static Box bar(Point3D a, Point3D b, double t, PhongMaterial m) {
        Point3D d = b.subtract(a);
        Box bx = new Box(Math.max(t, Math.abs(d.getX())), Math.max(t, Math.abs(d.getY())), Math.max(t, Math.abs(d.getZ())));
        Point3D mid = a.midpoint(b);
        bx.setTranslateX(mid.getX());
        bx.setTranslateY(mid.getY());
        bx.setTranslateZ(mid.getZ());
        bx.setMaterial(m);
        return bx;
    }

    private void buildLegendFx() {
        legend.getChildren().clear();
        int i = 0;
        for (RunSpec r : experiment.spec().runs()) {
            Rectangle swatch = new Rectangle(18, 5 * look.lineScale(), fxColor(FigureStyle.trajectoryColor(i)));
            Label l = new Label(r.label(), swatch);
            l.getStyleClass().add("legend3d-item");
            legend.getChildren().add(l);
            i++;
        }
        Label what = new Label(experiment.model().parameterCount() == 3
                ? "grey plane: zero-loss set Z, lighter = lower ‖θ‖"
                : "surface: training loss; black: zero-loss set Z");
        what.getStyleClass().add("legend3d-note");
        legend.getChildren().add(what);
    }

    // ---- the live part: trajectories and current points --------------------------------------

    @Override
    public void showFx(Frame f) {
        frame = f;
        if (!supported || box == null) return;
        paths.getChildren().clear();
        markers.getChildren().clear();
        List<TrajectorySnapshot> ts = f.trajectories();
        float width = (float) (2.2 * look.lineScale());
        for (int i = 0; i < ts.size(); i++) {
            int row = f.row(i);
            if (row < 0) continue;
            HistoryView h = ts.get(i).history();
            Color c = fxColor(FigureStyle.trajectoryColor(i));
            List<org.fxyz3d.geometry.Point3D> pts = pathPoints(h, row);
            if (pts.size() >= 2) paths.getChildren().add(new PolyLine3D(pts, width, c, PolyLine3D.LineType.TRIANGLE));
            markers.getChildren().add(ball(point(h, 0), 3.5 * look.lineScale(), c.deriveColor(0, 0.6, 1.2, 1)));
            markers.getChildren().add(ball(point(h, row), 7 * look.lineScale(), c));
        }
        layoutLabelsFx();
    }

    /** Scene point of history row {@code row}: θ for d = 3, (θ₁, θ₂, height of L) for d = 2. */
    private Point3D point(HistoryView h, int row) {
        if (h.paramCount() == 3) return box.toScene(h.param(row, 0), h.param(row, 1), h.param(row, 2));
        double lift = 2.0 / box.scale;
        return box.toScene(h.param(row, 0), h.param(row, 1), heightOf(h.metric(row, Metric.TRAIN_LOSS)) + lift);
    }

    /** The parameter value on the vertical axis for a loss, matching the surface. */
    private double heightOf(double loss) {
        return Meshes3D.height(loss, lossRange[0], box);
    }

    /** The path up to {@code row}, thinned for display (points closer than ~1 px on screen dropped). */
    private List<org.fxyz3d.geometry.Point3D> pathPoints(HistoryView h, int row) {
        List<org.fxyz3d.geometry.Point3D> out = new ArrayList<>();
        double min2 = 1.0;  // scene units: the cube is 400 wide
        Point3D last = null;
        for (int r = 0; r <= row; r++) {
            Point3D p = point(h, r);
            if (last != null && r != row && p.subtract(last).magnitude() < Math.sqrt(min2)) continue;
            out.add(fxyz(p));
            last = p;
        }
        return out;
    }

    private static Sphere ball(Point3D p, double radius, Color c) {
        Sphere s = new Sphere(radius);
        s.setMaterial(new PhongMaterial(c));
        s.setTranslateX(p.getX());
        s.setTranslateY(p.getY());
        s.setTranslateZ(p.getZ());
        return s;
    }

    /** Places the flat labels where their 3D anchors are on screen. */
    private void layoutLabelsFx() {
        if (!supported || subScene == null) return;
        for (int i = 0; i < axisLabels.size(); i++) {
            Label l = axisLabels.get(i);
            Point3D inScene = world.localToScene(axisLabelAnchors.get(i), true);
            javafx.geometry.Point2D local = overlay.sceneToLocal(inScene.getX(), inScene.getY());
            if (local == null) continue;
            l.autosize();
            l.relocate(local.getX() - l.getWidth() / 2, local.getY() - l.getHeight() / 2);
        }
    }

    // ---- export -------------------------------------------------------------------------------

    @Override public double drawingWidth() { return content.getWidth(); }
    @Override public double drawingHeight() { return content.getHeight(); }

    @Override
    public void exportPngFx(Path file, int width, int height) throws IOException {
        if (!supported) throw new IOException("3D is not available on this graphics pipeline; nothing to export");
        double w = Math.max(1, content.getWidth()), h = Math.max(1, content.getHeight());
        double f = Math.min(width / w, height / h);
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(new Scale(f, f));
        params.setFill(look.dark() ? Color.web("#1e2227") : Color.web("#fbfbfb"));
        WritableImage shot = content.snapshot(params, null);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(look.dark() ? new java.awt.Color(0x1e2227) : new java.awt.Color(0xfbfbfb));
        g.fillRect(0, 0, width, height);
        BufferedImage picture = SwingFXUtils.fromFXImage(shot, null);
        g.drawImage(picture, (width - picture.getWidth()) / 2, (height - picture.getHeight()) / 2, null);
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    // ---- helpers --------------------------------------------------------------------------------

    static Color fxColor(java.awt.Color c) {
        return Color.rgb(c.getRed(), c.getGreen(), c.getBlue(), c.getAlpha() / 255.0);
    }

    private static org.fxyz3d.geometry.Point3D fxyz(Point3D p) {
        return new org.fxyz3d.geometry.Point3D(p.getX(), p.getY(), p.getZ());
    }

    private static String fmt(double v) {
        return ValidatedValue.num(Math.round(v * 100) / 100.0);
    }

    /** How many nodes the 3D scene holds now (for tests: a drawn scene is not empty). */
    int sceneNodeCount() {
        return sheet.getChildren().size() + zeroLossLines.getChildren().size() + paths.getChildren().size()
                + markers.getChildren().size() + axes.getChildren().size();
    }

}
