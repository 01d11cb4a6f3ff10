package org.grokbench.analysis;

import java.util.List;
import org.grokbench.data.Dataset;
import org.grokbench.math.VecOps;
import org.grokbench.model.Model;
import org.grokbench.model.SquaredLoss;

/**
 * The zero-loss set Z = {φ : 𝓕(φ) = Y} of any model on any training set, handled numerically:
 * the general fallback when no closed form is known.
 *
 * <p><b>Projection</b> (Def. 4.13) solves min ½‖φ − θ‖² s.t. 𝓕(φ) = Y by sequential quadratic
 * programming with the identity as Hessian model (a Gauss–Newton projection), started from φ₀ = θ.
 * Linearizing the constraints at φ_k, 𝓕(φ_k) + J_k(φ − φ_k) = Y, the closest such φ to θ is
 * <pre>  φ_{k+1} = θ + J_kᵀμ,   (J_k J_kᵀ) μ = Y − 𝓕(φ_k) − J_k(θ − φ_k),</pre>
 * computed as φ_{k+1} = θ − J_k⁺(r_k + J_k(θ − φ_k)) with r_k = 𝓕(φ_k) − Y and the SVD
 * pseudo-inverse, so a rank-deficient J (a singular point, Def. 4.9) gives the minimum-norm
 * least-squares step instead of failing. The step s = φ_{k+1} − φ_k is damped by backtracking on the
 * exact ℓ₁ merit function M(φ) = ½‖φ − θ‖² + ρ‖𝓕(φ) − Y‖₁ with ρ ≥ 2‖μ‖_∞ (Han–Powell), which makes
 * s a descent direction and the iteration globally convergent to a stationary point of the
 * distance on Z. A few plain Gauss–Newton feasibility steps φ ← φ − J⁺r finish. The fixed point
 * satisfies the Lagrange condition θ − φ ∈ row(J(φ)) = N_φ (Prop. C.4).
 *
 * <p>The result is a <i>local</i> closest point: with several stationary points (two branches of a
 * hyperbola) the iteration may settle on a non-global one, so {@link #analytic()} is false. With the
 * identity Hessian model the convergence is linear, at a rate set by the curvature of Z times the
 * distance; {@code maxIterations} bounds the work. Each iteration costs one stacked Jacobian and one
 * compact SVD of the km × d matrix, O(k²m²d).
 *
 * <p><b>Tangent space</b>: the null space of J(p) (Lemma C.1). {@link #tangentSpace} uses the compact
 * SVD and stores the normal basis (rank ≤ km rows), {@link #tangentBasis} needs the full d × d V.
 *
 * <p>Thread-safe: every call works on its own buffers (and its own {@link SquaredLoss}).
 */
public final class NumericZeroLoss implements ZeroLossManifold {
    public static final int DEFAULT_MAX_ITERATIONS = 500;
    public static final double DEFAULT_TOLERANCE = 1e-13;
    private static final int MAX_HALVINGS = 40;
    private static final int POLISH_STEPS = 3;
    private static final double MERIT_ROUNDING = 1e-14;

    private final Model model;
    private final Dataset data;
    private final int d;
    private final int km;
    private final int maxIterations;
    private final double tolerance;

    public NumericZeroLoss(Model model, Dataset train) {
        this(model, train, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE);
    }

    /**
     * @param maxIterations bound on the SQP iterations
     * @param tolerance     stop when the accepted step is below tolerance·(1 + ‖θ‖)
     */
    public NumericZeroLoss(Model model, Dataset train, int maxIterations, double tolerance) {
        if (maxIterations < 1) throw new IllegalArgumentException("maxIterations must be >= 1");
        this.model = model;
        this.data = train;
        this.d = model.parameterCount();
        this.km = train.size() * model.outputDim();
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
    }

    @Override public int dimension() { return d; }

    @Override public boolean analytic() { return false; }

    @Override
    public double[] project(double[] theta) {
        SquaredLoss loss = new SquaredLoss(model, data);
        double[] jac = new double[km * d];
        double[] phi = theta.clone();
        double[] r = new double[km];
        double[] rTrial = new double[km];
        double[] rhs = new double[km];
        double[] mu = new double[km];
        double[] corr = new double[d];
        double[] step = new double[d];
        double[] trial = new double[d];
        double[] offset = new double[d];
        loss.residuals(phi, r);
        double rho = 0;
        double stopStep = tolerance * (1 + VecOps.norm(theta));
        for (int it = 0; it < maxIterations; it++) {
            loss.stackedJacobian(phi, jac);
            JacobianSvd svd = JacobianSvd.of(jac, km, d, false);
            for (int j = 0; j < d; j++) offset[j] = theta[j] - phi[j];
            for (int i = 0; i < km; i++) rhs[i] = r[i] + rowDot(jac, i, offset);
            svd.solveMinNorm(rhs, corr);
            for (int j = 0; j < d; j++) step[j] = theta[j] - corr[j] - phi[j];
            double stepNorm = VecOps.norm(step);
            if (stepNorm == 0) break;
            svd.solveGram(rhs, mu);
            rho = Math.max(rho, 2 * maxAbs(mu));
            double r1 = l1(r);
            double merit = 0.5 * sq(offset) + rho * r1;
            double linearized = 0;
            for (int i = 0; i < km; i++) linearized += Math.abs(r[i] + rowDot(jac, i, step));
            double slope = -VecOps.dot(offset, step) + rho * (linearized - r1);
            double alpha = 1;
            boolean accepted = false;
            for (int h = 0; h < MAX_HALVINGS; h++, alpha *= 0.5) {
                for (int j = 0; j < d; j++) trial[j] = phi[j] + alpha * step[j];
                loss.residuals(trial, rTrial);
                double dist = VecOps.distance(trial, theta);
                double meritTrial = 0.5 * dist * dist + rho * l1(rTrial);
                // Armijo test, with an allowance for rounding: next to the solution the merit is flat
                // to within ~1e-16 relative over a ~1e-8 neighbourhood, and without it the search
                // would stop there instead of letting the contraction reach full precision.
                if (meritTrial <= merit + 1e-4 * alpha * Math.min(slope, 0) + MERIT_ROUNDING * (1 + merit)) {
                    accepted = true;
                    break;
                }
            }
            if (!accepted) break;
            System.arraycopy(trial, 0, phi, 0, d);
            System.arraycopy(rTrial, 0, r, 0, km);
            if (alpha * stepNorm <= stopStep) break;
        }
        polishFeasibility(loss, phi, r, jac, corr, trial, rTrial);
        return phi;
    }

    /** Gauss–Newton steps φ ← φ − J⁺r, each kept only if it lowers ‖r‖. */
    private void polishFeasibility(SquaredLoss loss, double[] phi, double[] r, double[] jac,
                                   double[] corr, double[] trial, double[] rTrial) {
        for (int k = 0; k < POLISH_STEPS; k++) {
            double rn = VecOps.norm(r);
            if (rn == 0) return;
            loss.stackedJacobian(phi, jac);
            JacobianSvd.of(jac, km, d, false).solveMinNorm(r, corr);
            for (int j = 0; j < d; j++) trial[j] = phi[j] - corr[j];
            loss.residuals(trial, rTrial);
            if (!(VecOps.norm(rTrial) < rn)) return;
            System.arraycopy(trial, 0, phi, 0, d);
            System.arraycopy(rTrial, 0, r, 0, km);
        }
    }

    private double rowDot(double[] jac, int i, double[] v) {
        double s = 0;
        for (int j = 0; j < d; j++) s += jac[i * d + j] * v[j];
        return s;
    }

    private static double sq(double[] v) {
        return VecOps.dot(v, v);
    }

    private static double l1(double[] v) {
        double s = 0;
        for (double x : v) s += Math.abs(x);
        return s;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) m = Math.max(m, Math.abs(x));
        return m;
    }

    private JacobianSvd jacobianSvd(double[] p, boolean fullV) {
        double[] jac = new double[km * d];
        new SquaredLoss(model, data).stackedJacobian(p, jac);
        return JacobianSvd.of(jac, km, d, fullV);
    }

    /** Orthonormal null space of ∇𝓕(p) ((d − rank) × d; needs a full SVD). */
    @Override
    public double[][] tangentBasis(double[] p) {
        return jacobianSvd(p, true).nullSpaceBasis();
    }

    /** P_T = I − J⁺J through the row space of J(p) (compact SVD; rank ≤ km rows stored). */
    @Override
    public TangentSpace tangentSpace(double[] p) {
        return TangentSpace.complementOf(jacobianSvd(p, false).rowSpaceBasis(), d);
    }

    /** No exact drawing of a general Z: always empty (views fall back to the loss contours). */
    @Override
    public List<double[][]> polylines2D(double xmin, double xmax, double ymin, double ymax, double slice) {
        return List.of();
    }
}
