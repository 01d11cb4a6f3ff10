package org.grokbench.representation;

/**
 * The effective theory of representation learning (Liu et al. 2022, §3.2, Eqs. 4-9, App. F): the
 * normalized embeddings follow the gradient flow dẼ_i/dt = −∂ℓ_eff/∂Ẽ_i of
 *
 * <pre>
 *   ℓ_eff = ℓ₀ / Z₀,   ℓ₀ = Σ_{(i,j,m,n) ∈ P₀(D)} |E_i + E_j − E_m − E_n|² / |P₀(D)|,   Z₀ = Σ_k |E_k|²,
 * </pre>
 *
 * whose gradient is ∂ℓ_eff/∂E_k = (1/Z₀)·∂ℓ₀/∂E_k − (2ℓ₀/Z₀²)·E_k (Eq. 25) with
 * ∂ℓ₀/∂E_k = (2/|P₀(D)|)·Σ_q a_qk (a_q·R). Z₀ is conserved exactly (ℓ₀ is homogeneous of degree 2).
 * C = Σ_k E_k obeys dC/dt = (2ℓ₀/Z₀²)·C: it is conserved when it starts at 0, as it does for
 * normalized embeddings (App. F drops this term and states C is always conserved).
 *
 * <p>The Hessian of Eq. (8), H = (1/Z₀)·∂²ℓ₀ = 2AᵀA / (|P₀(D)|·Z₀), drives the linearized flow
 * dR/dt = −HR (Eq. 9); its two smallest eigenvalues are 0 (translation and scale) and the third,
 * λ₃, is the grokking rate: the slowest structure-forming mode decays as e^{−λ₃t}, i.e. in
 * 1/(λ₃η) steps of size η. λ₃ = 0 means the training set leaves more than the linear structure as
 * ground states. For normalized embeddings Z₀ = p, which {@link #forTrainingSet} uses.
 *
 * <p>Representations are row-major p·d arrays (row k = E_k); each of the d dimensions obeys the
 * same linear equations. Immutable.
 */
public final class EffectiveTheory {
    private final int p;
    private final double[][] a;         // A(P₀(D)), |P₀(D)| × p
    private final double z0;
    private final double[] eigenvalues; // of H, ascending

    private EffectiveTheory(int p, double[][] a, double z0) {
        this.p = p;
        this.a = a;
        this.z0 = z0;
        double[] g = IdealRepresentation.gramEigen(a, p)[0][0];
        eigenvalues = new double[p];
        int zeros = IdealRepresentation.zeroCount(g);
        double scale = a.length == 0 ? 0 : 2.0 / (a.length * z0);
        for (int i = 0; i < p; i++) eigenvalues[i] = i < zeros ? 0 : scale * g[i];
    }

    /** The theory for the parallelograms P₀(D) of a training set, with Z₀ = p (normalized embeddings). */
    public static EffectiveTheory forTrainingSet(Parallelograms permissible) {
        return new EffectiveTheory(permissible.table().symbols(), permissible.equations(), permissible.table().symbols());
    }

    /** As {@link #forTrainingSet(Parallelograms)} with the Hessian scaled for a given Z₀ &gt; 0. */
    public static EffectiveTheory forTrainingSet(Parallelograms permissible, double z0) {
        if (!(z0 > 0)) throw new IllegalArgumentException("Z0 must be > 0, got " + z0);
        return new EffectiveTheory(permissible.table().symbols(), permissible.equations(), z0);
    }

    public int symbols() { return p; }

    /** |P₀(D)|. */
    public int parallelogramCount() { return a.length; }

    /** ℓ₀(R) for a representation with d dimensions per embedding (0 when P₀(D) is empty). */
    public double l0(double[] r, int d) {
        if (a.length == 0) return 0;
        double s = 0;
        for (double[] row : a)
            for (int c = 0; c < d; c++) {
                double v = 0;
                for (int k = 0; k < p; k++) v += row[k] * r[k * d + c];
                s += v * v;
            }
        return s / a.length;
    }

    /** Z₀(R) = Σ_k |E_k|². */
    public static double z0(double[] r) {
        double s = 0;
        for (double v : r) s += v * v;
        return s;
    }

    /** C(R) = Σ_k E_k (length d). */
    public static double[] c(double[] r, int d) {
        double[] c = new double[d];
        for (int i = 0; i < r.length; i++) c[i % d] += r[i];
        return c;
    }

    /** ℓ_eff(R) = ℓ₀/Z₀. */
    public double effectiveLoss(double[] r, int d) {
        return l0(r, d) / z0(r);
    }

    /** ∂ℓ_eff/∂R into {@code grad} (overwritten, same layout as r). */
    public void gradient(double[] r, int d, double[] grad) {
        java.util.Arrays.fill(grad, 0);
        double z = z0(r);
        if (a.length == 0 || z == 0) return;
        double l0 = 0;
        double[] v = new double[d];
        for (double[] row : a) {
            java.util.Arrays.fill(v, 0);
            for (int k = 0; k < p; k++) if (row[k] != 0) for (int c = 0; c < d; c++) v[c] += row[k] * r[k * d + c];
            for (int c = 0; c < d; c++) l0 += v[c] * v[c];
            for (int k = 0; k < p; k++) if (row[k] != 0) for (int c = 0; c < d; c++) grad[k * d + c] += row[k] * v[c];
        }
        l0 /= a.length;
        double g0 = 2.0 / (a.length * z);
        double shrink = 2 * l0 / (z * z);
        for (int i = 0; i < r.length; i++) grad[i] = g0 * grad[i] - shrink * r[i];
    }

    /**
     * Integrates the flow dR/dt = −∂ℓ_eff/∂R for {@code time} with classical Runge-Kutta steps of
     * at most {@code dt} and at most 1/λ_max(H), updating {@code r} in place. The second bound keeps
     * the integration stable (RK4 diverges once h·λ_max passes about 2.8): a network step of the
     * modular toy with η = 10⁻² and 136 parallelograms asks for time 1.36 at once.
     *
     * <p>A start with C = 0 (normalized embeddings) stays centred: each step removes the mean
     * rounding puts in. C = 0 is invariant under the exact flow but unstable, dC/dt = (2ℓ₀/Z₀²)·C,
     * and where ℓ₀ stays large (modular addition has no ground state but the collapse) rounding
     * errors of 1e-16 grew to |C| ≈ 10 within 1000 steps and pulled every embedding to one point.
     */
    public void flow(double[] r, int d, double time, double dt) {
        if (!(dt > 0)) throw new IllegalArgumentException("dt must be > 0, got " + dt);
        double top = eigenvalues[p - 1];
        double h0 = top > 0 ? Math.min(dt, 1 / top) : dt;
        int steps = (int) Math.ceil(time / h0 - 1e-12);
        if (steps <= 0) return;
        double h = time / steps;
        int n = r.length;
        double[] c0 = c(r, d);
        double scale = Math.sqrt(z0(r) / Math.max(1, n));
        boolean centred = true;
        for (double v : c0) centred &= Math.abs(v) <= 1e-9 * Math.max(1e-300, scale) * n;
        double[] k1 = new double[n], k2 = new double[n], k3 = new double[n], k4 = new double[n], tmp = new double[n];
        for (int s = 0; s < steps; s++) {
            gradient(r, d, k1);
            for (int i = 0; i < n; i++) tmp[i] = r[i] - 0.5 * h * k1[i];
            gradient(tmp, d, k2);
            for (int i = 0; i < n; i++) tmp[i] = r[i] - 0.5 * h * k2[i];
            gradient(tmp, d, k3);
            for (int i = 0; i < n; i++) tmp[i] = r[i] - h * k3[i];
            gradient(tmp, d, k4);
            for (int i = 0; i < n; i++) r[i] -= h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            if (centred) {
                double[] drift = c(r, d);
                for (int i = 0; i < n; i++) r[i] -= drift[i % d] / (n / d);
            }
        }
    }

    /** The Hessian H = 2AᵀA / (|P₀(D)|·Z₀) of Eq. (8) (p × p; zero when P₀(D) is empty). */
    public double[][] hessian() {
        double[][] h = new double[p][p];
        if (a.length == 0) return h;
        double scale = 2.0 / (a.length * z0);
        for (double[] row : a)
            for (int i = 0; i < p; i++)
                if (row[i] != 0) for (int j = 0; j < p; j++) h[i][j] += scale * row[i] * row[j];
        return h;
    }

    /** Eigenvalues of H in increasing order, eigenvalues below a relative 1e-9 set to exactly 0. */
    public double[] eigenvalues() { return eigenvalues.clone(); }

    /** The grokking rate λ₃ (third smallest eigenvalue of H; 0 when the linear structure is not forced). */
    public double grokkingRate() { return p < 3 ? 0 : eigenvalues[2]; }

    /** Predicted steps to the linear structure, 1/(λ₃η) for embedding learning rate η (∞ when λ₃ = 0). */
    public double predictedSteps(double eta) {
        double l3 = grokkingRate();
        return l3 > 0 ? 1 / (l3 * eta) : Double.POSITIVE_INFINITY;
    }
}
