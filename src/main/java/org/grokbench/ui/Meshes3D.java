package org.grokbench.ui;

import javafx.geometry.Point3D;
import javafx.scene.control.Label;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.TriangleMesh;
import org.grokbench.analysis.ZeroLossManifold;
import org.grokbench.math.VecOps;
import org.grokbench.model.SquaredLoss;
import org.grokbench.plot.LossShading;

import java.util.function.DoubleFunction;

/**
 * Triangle meshes of the 3D view: the zero-loss sheet of a 3-parameter model shaded by the
 * weight norm, and the training-loss surface of a 2-parameter model. Colours come from a 256×1
 * gradient texture indexed per vertex, so the shade varies smoothly across each triangle.
 */
final class Meshes3D {
    private Meshes3D() {}

    /** A loss surface and the largest log(1 + L) on it (the top of the height axis). */
    record Surface(MeshView mesh, double maxLog1p) {}

    /**
     * Z of a 3-parameter model as a square patch around the projection of the box centre, spanned
     * by the tangent plane there (θ₁'s direction first); each vertex is projected onto Z, so the
     * patch is exact for a flat Z and follows a curved one. Shade: lighter where ‖θ‖ is lower
     * (Figure 2). Null when Z is not a surface (no 2D tangent plane).
     */
    static MeshView build(ZeroLossManifold z, SceneBox box, int n) {
        double[] p0 = z.project(box.center.clone());
        double[][] basis = z.tangentBasis(p0);
        if (basis.length != 2) return null;
        double[] u = combine(basis, basis[0][0], basis[1][0]);
        if (VecOps.norm(u) < 1e-9) u = basis[0].clone();
        normalize(u);
        double[] v = new double[3];
        // v: the tangent direction orthogonal to u
        double[] t = basis[0];
        if (Math.abs(VecOps.dot(t, u)) > 0.9) t = basis[1];
        for (int i = 0; i < 3; i++) v[i] = t[i] - VecOps.dot(t, u) * u[i];
        normalize(v);
        double half = 0.5 * Math.max(box.max[0] - box.min[0], box.max[1] - box.min[1]);
        double[][] pts = new double[(n + 1) * (n + 1)][];
        double[] norms = new double[pts.length];
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= n; j++) {
                double a = -half + 2 * half * i / n, b = -half + 2 * half * j / n;
                double[] p = new double[3];
                for (int k = 0; k < 3; k++) p[k] = p0[k] + a * u[k] + b * v[k];
                p = z.project(p);
                pts[i * (n + 1) + j] = p;
                norms[i * (n + 1) + j] = VecOps.norm(p);
                lo = Math.min(lo, norms[i * (n + 1) + j]);
                hi = Math.max(hi, norms[i * (n + 1) + j]);
            }
        }
        double range = hi > lo ? hi - lo : 1;
        double finalLo = lo;
        return grid(n, k -> box.toScene(pts[k][0], pts[k][1], pts[k][2]),
                k -> (norms[k] - finalLo) / range, Meshes3D::normShade);
    }

    /** The loss surface over the (θ₁, θ₂) box; height and shade grow with log(1 + L). */
    static Surface lossSurface(SquaredLoss loss, SceneBox box, int n) {
        double[] l1p = new double[(n + 1) * (n + 1)];
        double[][] xy = new double[l1p.length][];
        double top = 0;
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= n; j++) {
                double a = box.min[0] + (box.max[0] - box.min[0]) * i / n;
                double b = box.min[1] + (box.max[1] - box.min[1]) * j / n;
                int k = i * (n + 1) + j;
                xy[k] = new double[] {a, b};
                double value = loss.value(xy[k]);
                l1p[k] = Double.isFinite(value) ? Math.log1p(value) : Double.NaN;
                if (Double.isFinite(l1p[k])) top = Math.max(top, l1p[k]);
            }
        }
        double maxLog1p = top > 0 ? top : 1;
        MeshView mesh = grid(n,
                k -> box.toScene(xy[k][0], xy[k][1], heightOfLog1p(l1p[k], maxLog1p, box)),
                k -> Double.isFinite(l1p[k]) ? l1p[k] / maxLog1p : 1, Meshes3D::lossShade);
        return new Surface(mesh, maxLog1p);
    }

    /** The vertical parameter coordinate of loss L on a surface whose top is log(1 + L) = maxLog1p. */
    static double height(double loss, double maxLog1p, SceneBox box) {
        return heightOfLog1p(Double.isFinite(loss) ? Math.log1p(Math.max(0, loss)) : maxLog1p, maxLog1p, box);
    }

    private static double heightOfLog1p(double l1p, double maxLog1p, SceneBox box) {
        double t = Double.isFinite(l1p) ? Math.min(1, l1p / maxLog1p) : 1;
        return box.min[2] + (box.max[2] - box.min[2]) * t;
    }

    /** Light grey at the lowest norm, darker grey at the highest. */
    private static Color normShade(double t) {
        return Color.gray(0.95 - 0.5 * t);
    }

    private static final LossShading LOSS_SHADING = new LossShading(0, 1);

    private static Color lossShade(double t) {
        int rgb = LOSS_SHADING.rgb(t);
        return Color.rgb((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255);
    }

    interface Vertex {
        Point3D at(int k);
    }

    interface Shade {
        double at(int k);
    }

    /** An (n+1)×(n+1) vertex grid, two triangles per cell, textured by a gradient. */
    static MeshView grid(int n, Vertex vertex, Shade shade, DoubleFunction<Color> palette) {
        TriangleMesh mesh = new TriangleMesh();
        int count = (n + 1) * (n + 1);
        float[] points = new float[3 * count];
        float[] tex = new float[2 * count];
        for (int k = 0; k < count; k++) {
            Point3D p = vertex.at(k);
            points[3 * k] = (float) p.getX();
            points[3 * k + 1] = (float) p.getY();
            points[3 * k + 2] = (float) p.getZ();
            double s = Math.max(0, Math.min(1, shade.at(k)));
            tex[2 * k] = (float) (0.5 / 256 + s * 255 / 256);
            tex[2 * k + 1] = 0.5f;
        }
        int[] faces = new int[n * n * 12];
        int f = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int a = i * (n + 1) + j, b = a + 1, c = a + (n + 1), d = c + 1;
                int[] tri = {a, c, b, b, c, d};
                for (int q : tri) {
                    faces[f++] = q;
                    faces[f++] = q;
                }
            }
        }
        mesh.getPoints().setAll(points);
        mesh.getTexCoords().setAll(tex);
        mesh.getFaces().setAll(faces);
        MeshView view = new MeshView(mesh);
        PhongMaterial material = new PhongMaterial(Color.WHITE);
        material.setDiffuseMap(gradient(palette));
        material.setSpecularColor(Color.gray(0.08));
        view.setMaterial(material);
        return view;
    }

    private static WritableImage gradient(DoubleFunction<Color> palette) {
        WritableImage img = new WritableImage(256, 4);
        PixelWriter w = img.getPixelWriter();
        for (int x = 0; x < 256; x++) {
            Color c = palette.apply(x / 255.0);
            for (int y = 0; y < 4; y++) w.setColor(x, y, c);
        }
        return img;
    }

    private static double[] combine(double[][] rows, double a, double b) {
        double[] out = new double[rows[0].length];
        for (int i = 0; i < out.length; i++) out[i] = a * rows[0][i] + b * rows[1][i];
        return out;
    }

    private static void normalize(double[] a) {
        double n = VecOps.norm(a);
        if (n > 0) for (int i = 0; i < a.length; i++) a[i] /= n;
    }

    /** What a 3D panel shows instead of its scene where JavaFX has no 3D pipeline; {@code instead} names the 2D alternative. */
    static Label no3dNotice(String instead) {
        Label none = new Label("3D needs a graphics card pipeline (ConditionalFeature.SCENE3D is not "
                + "available here). Start the window with -Dprism.forceGPU=true, or use " + instead + ".");
        none.setWrapText(true);
        none.getStyleClass().add("no-3d");
        return none;
    }
}
