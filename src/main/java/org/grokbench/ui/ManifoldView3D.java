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
    private static final double START_DISTANCE = 1150, FIELD_OF_VIEW = 30;
    /** Starting elevation: steeper over a loss surface, so its valley is not hidden behind a slope. */
    private static final double START_RX_SHEET = 24, START_RX_SURFACE = 42;
    private static final int GRID = 72;
    /** Path points closer than this (scene units; the cube is 400 wide) to the previous one are skipped. */
    private static final double MIN_GAP = 1.0;

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
    private final Rotate rx = new Rotate(START_RX_SHEET, Rotate.X_AXIS);
    private final Rotate ry = new Rotate(-36, Rotate.Y_AXIS);
    private double startRx = START_RX_SHEET, startRy = -36;
    private final PerspectiveCamera camera = new PerspectiveCamera(true);
    private final List<Label> axisLabels = new ArrayList<>();
    private final List<Point3D> axisLabelAnchors = new ArrayList<>();
    private final List<Trace> traces = new ArrayList<>();
    private SubScene subScene;
    private Experiment experiment;
    private SceneBox box;
    private Look look = Look.DEFAULT;
    private Frame frame;
    /** Top of the loss surface, log(1 + L) (2-parameter models). */
    private double surfaceTop = 1;
    private double dragX, dragY;
    /** Whether the user moved the camera since the last reset (a resize then keeps their view). */
    private boolean cameraMoved;

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
            content.getChildren().add(Meshes3D.no3dNotice("the 2D panels"));
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
        camera.setFieldOfView(FIELD_OF_VIEW);
        camera.setTranslateZ(-START_DISTANCE);
        world.getTransforms().setAll(rx, ry);
        world.getChildren().addAll(sheet, zeroLossLines, axes, paths, markers);
        AmbientLight ambient = new AmbientLight(Color.gray(0.78));
        PointLight key = new PointLight(Color.gray(0.3));
        key.setTranslateX(-600);
        key.setTranslateY(-900);
        key.setTranslateZ(-900);
        Group root = new Group(world, ambient, key);
        subScene = new SubScene(root, 400, 300, true,
                Boolean.parseBoolean(System.getProperty("grokbench.antialias3d", "true")) ? SceneAntialiasing.BALANCED : SceneAntialiasing.DISABLED);
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
            cameraMoved = true;
            layoutLabelsFx();
        });
        subScene.setOnScroll(e -> {
            double factor = e.getDeltaY() > 0 ? 0.9 : e.getDeltaY() < 0 ? 1.1 : 1;
            zoomFx(factor);
        });
        holder.widthProperty().addListener((o, a, b) -> fitOnResizeFx());
        holder.heightProperty().addListener((o, a, b) -> fitOnResizeFx());
    }

    private void fitOnResizeFx() {
        if (!cameraMoved) camera.setTranslateZ(-startDistance());
        layoutLabelsFx();
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
        cameraMoved = true;
        layoutLabelsFx();
    }

    /** Rotates the view by the given angles in degrees, as a mouse drag would. */
    public void rotateFx(double aboutX, double aboutY) {
        rx.setAngle(Math.max(-89, Math.min(89, rx.getAngle() + aboutX)));
        ry.setAngle(ry.getAngle() + aboutY);
        cameraMoved = true;
        layoutLabelsFx();
    }

    public void resetCameraFx() {
        rx.setAngle(startRx);
        ry.setAngle(startRy);
        camera.setTranslateZ(-startDistance());
        cameraMoved = false;
        layoutLabelsFx();
    }

    @Override
    public boolean appliesTo(Experiment e) {
        if (!e.isToy()) return false;
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
        sheet.getChildren().clear();
        zeroLossLines.getChildren().clear();
        clearTracesFx();
        buildSheetFx();
        buildAxesFx();
        buildLegendFx();
        chooseStartViewFx();
        resetCameraFx();
    }

    /** The camera distance at which the whole box fits the view, whatever the panel's shape. */
    private double startDistance() {
        if (box == null) return START_DISTANCE;
        double r2 = 0;
        for (int i = 0; i < 3; i++) r2 += Math.pow(box.scale * (box.max[i] - box.min[i]) / 2, 2);
        double aspect = holder.getWidth() > 1 && holder.getHeight() > 1 ? holder.getWidth() / holder.getHeight() : 1.6;
        double half = Math.toRadians(FIELD_OF_VIEW / 2);
        double horizontalHalf = Math.atan(aspect * Math.tan(half));
        return 1.12 * Math.sqrt(r2) / Math.sin(Math.min(half, horizontalHalf));
    }

    /**
     * The starting viewpoint: for a loss surface, from above its lowest corner (looking across
     * the valley of Z rather than over a hump); for a zero-loss sheet, a fixed three-quarter view.
     */
    private void chooseStartViewFx() {
        if (experiment.model().parameterCount() == 3) {
            startRx = START_RX_SHEET;
            startRy = -36;
            return;
        }
        startRx = START_RX_SURFACE;
        org.grokbench.model.SquaredLoss loss = experiment.newTrainLoss();
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < 4; k++) {
            double angle = -36 + 90 * k;
            // the corner nearest the camera after turning the box by `angle` about the vertical axis
            double nearest = Double.POSITIVE_INFINITY, height = 0;
            for (int c = 0; c < 4; c++) {
                double a = (c & 1) == 0 ? box.min[0] : box.max[0], b = (c & 2) == 0 ? box.min[1] : box.max[1];
                Point3D p = box.toScene(a, b, box.min[2]);
                Point3D turned = new Rotate(angle, Rotate.Y_AXIS).transform(p);
                if (turned.getZ() < nearest) {
                    nearest = turned.getZ();
                    height = loss.value(new double[] {a, b});
                }
            }
            if (height < best) {
                best = height;
                startRy = angle;
            }
        }
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
        clearTracesFx();   // line widths and ball sizes follow the look
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
        surfaceTop = s.maxLog1p();
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
        List<TrajectorySnapshot> ts = f.trajectories();
        if (ts.size() != traces.size()) {
            clearTracesFx();
            for (int i = 0; i < ts.size(); i++) traces.add(new Trace(i));
        }
        for (int i = 0; i < ts.size(); i++) traces.get(i).showFx(ts.get(i).history(), f.row(i));
        layoutLabelsFx();
    }

    private void clearTracesFx() {
        traces.clear();
        paths.getChildren().clear();
        markers.getChildren().clear();
    }

    /**
     * One trajectory in the scene: its path as a polyline, its start and its state as balls. The
     * path grows incrementally: each frame only the new history rows are visited, and the mesh is
     * rebuilt only when a point at least {@link #MIN_GAP} scene units from the last one was added
     * (the gap to the ball is then under a pixel or so); the ball just moves. Scrubbing back or a
     * thinned history starts the path over.
     */
    private final class Trace {
        private final int index;
        private final Color color;
        private final List<org.fxyz3d.geometry.Point3D> points = new ArrayList<>();
        private final Sphere start;
        private final Sphere head;
        private PolyLine3D line;
        private Point3D last;
        private int lastRow = -1;
        private long lastRowStep = -1;

        Trace(int index) {
            this.index = index;
            this.color = fxColor(FigureStyle.trajectoryColor(index));
            start = new Sphere(3.5 * look.lineScale(), 16);
            start.setMaterial(new PhongMaterial(color.deriveColor(0, 0.6, 1.2, 1)));
            head = new Sphere(7 * look.lineScale(), 24);
            head.setMaterial(new PhongMaterial(color));
            start.setVisible(false);
            head.setVisible(false);
            markers.getChildren().addAll(start, head);
        }

        void showFx(HistoryView h, int row) {
            if (row < 0) {
                start.setVisible(false);
                head.setVisible(false);
                restart();
                return;
            }
            int resume = resumeRow(h);
            if (resume > row || resume < -1) {
                restart();
                resume = -1;
            }
            int before = points.size();
            for (int r = resume + 1; r <= row; r++) {
                if (h.step(r) <= lastRowStep) continue;
                Point3D p = point(h, r);
                if (last == null || p.subtract(last).magnitude() >= MIN_GAP) {
                    points.add(fxyz(p));
                    last = p;
                }
            }
            lastRow = row;
            lastRowStep = h.step(row);
            if (points.size() != before || line == null) {
                if (line != null) paths.getChildren().remove(line);
                line = null;
                if (points.size() >= 2) {
                    line = new PolyLine3D(new ArrayList<>(points), (float) (2.2 * look.lineScale()), color,
                            PolyLine3D.LineType.TRIANGLE);
                    paths.getChildren().add(line);
                }
            }
            place(start, point(h, 0));
            place(head, point(h, row));
        }

        /**
         * The row to continue after: the row of the last step drawn. A long run's history thins
         * itself (rows move, a subset stays), so the row is found again by its step; the points
         * drawn so far lie on the same path and stay. −2 when the path must start over (the
         * timeline went back before it).
         */
        private int resumeRow(HistoryView h) {
            if (lastRow < 0) return -1;
            if (lastRow < h.size() && h.step(lastRow) == lastRowStep) return lastRow;
            int r = h.rowAtOrBefore(lastRowStep);
            return r >= 0 && h.step(r) <= lastRowStep ? r : -2;
        }

        private void restart() {
            points.clear();
            last = null;
            lastRow = -1;
            lastRowStep = -1;
            if (line != null) paths.getChildren().remove(line);
            line = null;
        }

        @Override
        public String toString() {
            return "trace " + index + " (" + points.size() + " points)";
        }
    }

    private static void place(Sphere s, Point3D p) {
        s.setTranslateX(p.getX());
        s.setTranslateY(p.getY());
        s.setTranslateZ(p.getZ());
        s.setVisible(true);
    }

    /** Scene point of history row {@code row}: θ for d = 3, (θ₁, θ₂, height of L) for d = 2. */
    private Point3D point(HistoryView h, int row) {
        if (h.paramCount() == 3) return box.toScene(h.param(row, 0), h.param(row, 1), h.param(row, 2));
        double lift = 2.0 / box.scale;
        return box.toScene(h.param(row, 0), h.param(row, 1), heightOf(h.metric(row, Metric.TRAIN_LOSS)) + lift);
    }

    /** The parameter value on the vertical axis for a loss, matching the surface. */
    private double heightOf(double loss) {
        return Meshes3D.height(loss, surfaceTop, box);
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
        exportSnapshot(content, hint, look.dark(), file, width, height);
    }

    /**
     * Writes a snapshot of a 3D panel's drawing, scaled to fit {@code width} × {@code height} and
     * centred on the theme's background; the mouse hint is hidden in the PNG (the figure, not the
     * controls). Shared by the 3D panels.
     */
    static void exportSnapshot(Region content, javafx.scene.Node hint, boolean dark, Path file, int width, int height)
            throws IOException {
        double w = Math.max(1, content.getWidth()), h = Math.max(1, content.getHeight());
        double f = Math.min(width / w, height / h);
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(new Scale(f, f));
        params.setFill(dark ? Color.web("#1e2227") : Color.web("#fbfbfb"));
        hint.setVisible(false);
        WritableImage shot;
        try {
            shot = content.snapshot(params, null);
        } finally {
            hint.setVisible(true);
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(dark ? new java.awt.Color(0x1e2227) : new java.awt.Color(0xfbfbfb));
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
