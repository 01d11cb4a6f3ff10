package org.grokbench.analysis;

import java.util.List;

/**
 * The zero-loss set Z = {θ : L(θ) = 0} of a training set (geometry-of-grokking Def. 4.6), with
 * the operations the geometry probes need: the projection proj_Z(θ) (Def. 4.13), the tangent
 * space at a point of Z (Def. 4.12, the null space of the Jacobian of the stacked outputs) and a
 * drawing of Z for the parameter-plane figure.
 */
public interface ZeroLossManifold {
    /** Dimension d of the parameter space. */
    int dimension();

    /**
     * True when {@link #project} returns the exact global closest point (a closed form, or all
     * stationary points of the distance found as the roots of a polynomial and compared), false
     * when it is a local iterative estimate that may stop at a non-global stationary point.
     */
    boolean analytic();

    /** proj_Z(θ): a closest point of Z to θ (new array; θ untouched). */
    double[] project(double[] theta);

    /** dist_Z(θ) = ‖θ − proj_Z(θ)‖ (Def. 4.7). */
    default double distance(double[] theta) {
        return org.grokbench.math.VecOps.distance(theta, project(theta));
    }

    /**
     * An orthonormal basis of the tangent space T_p at a point p of Z, as rows (possibly zero rows
     * at a singular point where the tangent space is not defined: then the returned array is the
     * basis of the null space of the Jacobian there).
     */
    double[][] tangentBasis(double[] p);

    /**
     * The projector onto T_p (the same space as {@link #tangentBasis}), in the cheaper of its two
     * orthonormal forms; the default wraps {@link #tangentBasis}. Implementations for large d
     * override it to avoid building the (d − km) × d tangent basis.
     */
    default TangentSpace tangentSpace(double[] p) {
        return TangentSpace.spannedBy(tangentBasis(p), dimension());
    }

    /**
     * Polylines of Z inside the box [xmin, xmax] × [ymin, ymax] of the (θ₁, θ₂) plane, each an
     * array of points {x, y}; for d = 3 the intersection of Z with the plane θ₃ = {@code slice}.
     * An empty list when no exact drawing is available (or Z misses the box).
     */
    List<double[][]> polylines2D(double xmin, double xmax, double ymin, double ymax, double slice);
}
