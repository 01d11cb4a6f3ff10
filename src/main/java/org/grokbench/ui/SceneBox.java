package org.grokbench.ui;

import javafx.geometry.Point3D;
import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.RunSpec;

/**
 * The box of parameter space the 3D view shows, and its mapping to scene coordinates. Axes: θ₁
 * to the right, θ₂ into the depth, and upwards θ₃ (3-parameter models) or the loss height
 * (2-parameter models, in [0, 0.35·width]). One scale for all three axes, so that angles (an update
 * orthogonal to Z, a straight path to the minimum-norm point) look as they are. JavaFX's y points
 * down, so "up" becomes −y.
 */
final class SceneBox {
    final double[] min = new double[3];
    final double[] max = new double[3];
    final double[] center = new double[3];
    /** Scene units per parameter unit. */
    final double scale;

    private SceneBox(double[] lo, double[] hi) {
        double widest = 0;
        for (int i = 0; i < 3; i++) {
            min[i] = lo[i];
            max[i] = hi[i];
            center[i] = (lo[i] + hi[i]) / 2;
            widest = Math.max(widest, hi[i] - lo[i]);
        }
        scale = 2 * ManifoldView3D.HALF / widest;
    }

    /** The box of an experiment: its view plane over (θ₁, θ₂), and θ₃ around the inits and Z's min-norm point. */
    static SceneBox of(Experiment e) {
        double[] plane = e.spec().view().plane();
        double[] lo = {plane[0], plane[2], 0};
        double[] hi = {plane[1], plane[3], 0};
        double w = Math.max(plane[1] - plane[0], plane[3] - plane[2]);
        if (e.model().parameterCount() == 3) {
            double zlo = Double.POSITIVE_INFINITY, zhi = Double.NEGATIVE_INFINITY;
            for (RunSpec r : e.spec().runs()) {
                zlo = Math.min(zlo, r.init()[2]);
                zhi = Math.max(zhi, r.init()[2]);
            }
            double best = e.zeroLoss().project(new double[3])[2];
            if (Double.isFinite(best)) {
                zlo = Math.min(zlo, best);
                zhi = Math.max(zhi, best);
            }
            double mid = (zlo + zhi) / 2;
            double half = Math.max((zhi - zlo) / 2 + 0.5, 0.45 * w);
            lo[2] = mid - half;
            hi[2] = mid + half;
        } else {
            hi[2] = 0.35 * w;
        }
        return new SceneBox(lo, hi);
    }

    /** Scene position of the parameter-space point (a, b, up). */
    Point3D toScene(double a, double b, double up) {
        return new Point3D((a - center[0]) * scale, -(up - center[2]) * scale, (b - center[1]) * scale);
    }

    boolean contains(double[] p) {
        for (int i = 0; i < 3; i++) if (!(p[i] >= min[i] - 1e-9 && p[i] <= max[i] + 1e-9)) return false;
        return true;
    }
}
