package org.grokbench.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Exact clipping of a parametrized plane curve u ↦ c(u) = (x(u), y(u)) to the box
 * [xmin, xmax] × [ymin, ymax], for the drawings of {@link ZeroLossManifold#polylines2D}.
 *
 * <p>The caller passes the breakpoints: the parameters where the curve meets one of the four box
 * lines x = xmin, x = xmax, y = ymin, y = ymax (known in closed form for lines, parabolas and
 * hyperbolas), plus the ends of the parameter range. Between two consecutive breakpoints the curve
 * is entirely inside or entirely outside, which one midpoint decides. Adjacent inside pieces are
 * merged and each visible piece is sampled at {@code samples} parameters, evenly spaced, with both
 * ends exactly on the box boundary (to rounding). The inside set must lie between the smallest
 * and the largest breakpoint.
 */
final class PlaneCurves {
    private PlaneCurves() {}

    /** Visible pieces of c(u) for u between the extreme breakpoints, each a polyline of {x, y} points. */
    static List<double[][]> clip(DoubleFunction<double[]> curve, double[] breakpoints, int samples,
                                 double xmin, double xmax, double ymin, double ymax) {
        double[] u = Arrays.stream(breakpoints).filter(Double::isFinite).sorted().distinct().toArray();
        List<double[][]> pieces = new ArrayList<>();
        int i = 0;
        while (i < u.length - 1) {
            if (!inside(curve.apply(0.5 * (u[i] + u[i + 1])), xmin, xmax, ymin, ymax)) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < u.length - 1 && inside(curve.apply(0.5 * (u[j] + u[j + 1])), xmin, xmax, ymin, ymax)) j++;
            pieces.add(sample(curve, u[i], u[j], samples));
            i = j;
        }
        return pieces;
    }

    /**
     * The straight line p0 + s·dir clipped to the box (zero or one two-point segment), oriented
     * left to right (bottom to top when vertical) whatever the sign of dir.
     */
    static List<double[][]> line(double[] p0, double[] direction, double xmin, double xmax, double ymin, double ymax) {
        double flip = direction[0] < 0 || (direction[0] == 0 && direction[1] < 0) ? -1 : 1;
        double[] dir = {flip * direction[0], flip * direction[1]};
        double[] bp = new double[4];
        int n = 0;
        if (dir[0] != 0) {
            bp[n++] = (xmin - p0[0]) / dir[0];
            bp[n++] = (xmax - p0[0]) / dir[0];
        }
        if (dir[1] != 0) {
            bp[n++] = (ymin - p0[1]) / dir[1];
            bp[n++] = (ymax - p0[1]) / dir[1];
        }
        return clip(s -> new double[] {p0[0] + s * dir[0], p0[1] + s * dir[1]}, Arrays.copyOf(bp, n), 2,
                xmin, xmax, ymin, ymax);
    }

    static boolean inside(double[] p, double xmin, double xmax, double ymin, double ymax) {
        return p[0] >= xmin && p[0] <= xmax && p[1] >= ymin && p[1] <= ymax;
    }

    private static double[][] sample(DoubleFunction<double[]> curve, double lo, double hi, int samples) {
        int n = Math.max(2, samples);
        double[][] pts = new double[n][];
        for (int k = 0; k < n; k++) pts[k] = curve.apply(k == n - 1 ? hi : lo + (hi - lo) * k / (n - 1));
        return pts;
    }
}
