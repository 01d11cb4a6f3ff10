package org.grokbench.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Z = {(x, y) : y = a·x² + b}, a ≠ 0: the zero-loss set of the Figure 4 landscape. The paper's
 * L(x, y) = (y − x²)² is a = 1, b = 0; the {@link org.grokbench.model.ParabolaModel} with one
 * sample s → t, f = θ_y·s₁ − θ_x²·s₂, gives a = s₂/s₁, b = t/s₁.
 *
 * <p><b>Projection.</b> The closest point (x, a x² + b) to (x0, y0) minimizes
 * (x − x0)² + (a x² + b − y0)²; its derivative vanishes on the cubic
 * 2a² x³ + (1 + 2a(b − y0)) x − x0 = 0 (for a = 1, b = 0: 2x³ + (1 − 2y0)x − x0 = 0), already in
 * depressed form x³ + p x + q = 0 with p = (1 + 2a(b − y0))/(2a²), q = −x0/(2a²). Its real roots
 * are taken in closed form: with D = q²/4 + p³/27, if D ≥ 0 one real root by Cardano, written as
 * u − p/(3u) with u = −sgn(q)·∛(|q|/2 + √D) to avoid cancellation; if D &lt; 0 three real roots by
 * the trigonometric formula x_k = 2√(−p/3)·cos(⅓·arccos((3q/2p)√(−3/p)) − 2πk/3). Each root gets one
 * or two Newton steps to clean rounding, and the root with the least distance is returned: the
 * global closest point (the distance is a quartic in x tending to ∞, so its minimum is stationary).
 *
 * <p><b>Tangent.</b> ∇(y − a x²) = (−2a x, 1), so T_p = span{(1, 2a x)}/‖·‖; never singular.
 *
 * <p>Immutable and thread-safe.
 */
public final class ParabolaZeroLoss implements ZeroLossManifold {
    /** Points per visible piece in {@link #polylines2D}, evenly spaced in x. */
    static final int SAMPLES = 400;

    private final double a;
    private final double b;

    /** The paper's Figure 4 parabola y = x². */
    public ParabolaZeroLoss() {
        this(1, 0);
    }

    /** Z = {y = a x² + b}; a must be finite and non-zero. */
    public ParabolaZeroLoss(double a, double b) {
        if (a == 0 || !Double.isFinite(a) || !Double.isFinite(b))
            throw new IllegalArgumentException("need finite a != 0 and finite b, got a=" + a + ", b=" + b);
        this.a = a;
        this.b = b;
    }

    public double a() { return a; }

    public double b() { return b; }

    @Override public int dimension() { return 2; }

    @Override public boolean analytic() { return true; }

    @Override
    public double[] project(double[] theta) {
        double x0 = theta[0], y0 = theta[1];
        double lead = 2 * a * a;
        double p = (1 + 2 * a * (b - y0)) / lead;
        double q = -x0 / lead;
        double bestX = 0, best = Double.POSITIVE_INFINITY;
        for (double r : depressedCubicRoots(p, q)) {
            double x = polish(r, p, q);
            double dx = x - x0, dy = a * x * x + b - y0;
            double dist2 = dx * dx + dy * dy;
            if (dist2 < best) {
                best = dist2;
                bestX = x;
            }
        }
        return new double[] {bestX, a * bestX * bestX + b};
    }

    /** Real roots of x³ + p x + q = 0 (one or three; a double root may appear twice). */
    static double[] depressedCubicRoots(double p, double q) {
        double disc = q * q / 4 + p * p * p / 27;
        if (disc >= 0) {
            double u = -Math.copySign(Math.cbrt(Math.abs(q) / 2 + Math.sqrt(disc)), q);
            return new double[] {u == 0 ? 0 : u - p / (3 * u)};
        }
        double m = 2 * Math.sqrt(-p / 3);
        double arg = Math.max(-1, Math.min(1, 3 * q / (2 * p) * Math.sqrt(-3 / p)));
        double phi = Math.acos(arg) / 3;
        return new double[] {
            m * Math.cos(phi), m * Math.cos(phi - 2 * Math.PI / 3), m * Math.cos(phi - 4 * Math.PI / 3)
        };
    }

    /** Newton steps on x³ + p x + q, each kept only if it lowers the residual. */
    private static double polish(double x, double p, double q) {
        double f = (x * x + p) * x + q;
        for (int it = 0; it < 3 && f != 0; it++) {
            double df = 3 * x * x + p;
            if (df == 0) break;
            double next = x - f / df;
            double fn = (next * next + p) * next + q;
            if (!(Math.abs(fn) < Math.abs(f))) break;
            x = next;
            f = fn;
        }
        return x;
    }

    /** {(1, 2a·p₁)/‖·‖}. */
    @Override
    public double[][] tangentBasis(double[] p) {
        double slope = 2 * a * p[0];
        double n = Math.hypot(1, slope);
        return new double[][] {{1 / n, slope / n}};
    }

    /**
     * The visible arcs of y = a x² + b: the parameter is x on [xmin, xmax], cut where the parabola
     * crosses y = ymin and y = ymax (x = ±√((Y − b)/a)). The slice is ignored (d = 2).
     */
    @Override
    public List<double[][]> polylines2D(double xmin, double xmax, double ymin, double ymax, double slice) {
        List<Double> bp = new ArrayList<>(List.of(xmin, xmax));
        for (double y : new double[] {ymin, ymax}) {
            double s = (y - b) / a;
            if (s >= 0) {
                double r = Math.sqrt(s);
                if (r > xmin && r < xmax) bp.add(r);
                if (-r > xmin && -r < xmax) bp.add(-r);
            }
        }
        double[] breaks = bp.stream().mapToDouble(Double::doubleValue).toArray();
        return PlaneCurves.clip(x -> new double[] {x, a * x * x + b}, breaks, SAMPLES, xmin, xmax, ymin, ymax);
    }
}
