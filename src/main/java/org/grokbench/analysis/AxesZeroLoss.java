package org.grokbench.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Z = {(w1, w2) : w1·w2 = 0}, the two coordinate axes: the zero-loss set of the two-layer scalar
 * net ŷ = w2·w1·x on one sample with target y = 0 (Figure 3 center). The origin is a singular point
 * (Def. 4.9): the Jacobian x·(w2, w1) vanishes there.
 *
 * <p><b>Projection.</b> The closest point of the w1-axis is (w1, 0) at distance |w2|, of the
 * w2-axis (0, w2) at distance |w1|; so the smaller-magnitude coordinate is set to zero (on a tie,
 * |w1| = |w2|, both are closest and w2 is zeroed, landing on the w1-axis).
 *
 * <p><b>Tangent.</b> On the w1-axis away from the origin T = span{(1, 0)}, on the w2-axis
 * span{(0, 1)}: the null space of the Jacobian x·(w2, w1). At the origin the Jacobian is zero and
 * its null space is all of ℝ², so the identity basis is returned, as the interface specifies for
 * singular points. (Def. 4.11's tangent directions there are only the two axis directions, which
 * are not a linear space: no basis could represent them.) A point off Z is first projected.
 *
 * <p>Immutable and thread-safe.
 */
public final class AxesZeroLoss implements ZeroLossManifold {
    @Override public int dimension() { return 2; }

    @Override public boolean analytic() { return true; }

    @Override
    public double[] project(double[] theta) {
        return Math.abs(theta[1]) <= Math.abs(theta[0])
                ? new double[] {theta[0], 0}
                : new double[] {0, theta[1]};
    }

    @Override
    public double[][] tangentBasis(double[] p) {
        double[] q = p[0] == 0 || p[1] == 0 ? p : project(p);
        if (q[0] == 0 && q[1] == 0) return new double[][] {{1, 0}, {0, 1}};
        return q[1] == 0 ? new double[][] {{1, 0}} : new double[][] {{0, 1}};
    }

    /** The parts of the two axes inside the box. The slice is ignored (d = 2). */
    @Override
    public List<double[][]> polylines2D(double xmin, double xmax, double ymin, double ymax, double slice) {
        List<double[][]> out = new ArrayList<>();
        double[] origin = {0, 0};
        out.addAll(PlaneCurves.line(origin, new double[] {1, 0}, xmin, xmax, ymin, ymax));
        out.addAll(PlaneCurves.line(origin, new double[] {0, 1}, xmin, xmax, ymin, ymax));
        return out;
    }
}
