package org.grokbench.landscape;

import org.grokbench.analysis.ParameterBlock;
import org.grokbench.analysis.TrajectoryPca;
import org.grokbench.math.VecOps;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The paper's landscape slices through a point θ_t of a recorded trajectory (predicting-grokking
 * §4, App. G.1): the directions of {@link DirectionKind}, scaled per {@link Scaling}, and the 1D
 * slice, the 2D slice and the per-epoch stack they give. Same path, row, kind, scaling and seed =
 * the same numbers.
 *
 * <p>Directions, from θ_t at row t of θ_0 … θ_T:
 * <ul>
 * <li>{@code FINAL}: θ_T − θ_t; {@code START}: θ_0 − θ_t; {@code STEP}: θ_{t+1} − θ_t between
 *     consecutive recorded rows (at the last row, the step that led there, θ_t − θ_{t−1});</li>
 * <li>{@code RANDOM}: Gaussian entries from {@code new Random(seed)}; raw, it is rescaled to
 *     ‖δ‖ = ‖θ_t‖, the length a filter-normalized direction has;</li>
 * <li>{@code PCA}: the trajectory's first principal direction v₁ (and v₂ for the plane), both
 *     scaled by the same factor so that the farthest recorded θ lies at distance
 *     {@link #PCA_PATH_RADIUS} from θ_t in (α, β).</li>
 * </ul>
 * A plane's second direction η is v₂ for PCA and otherwise a random direction from seed + 1,
 * scaled like δ (raw: ‖η‖ = ‖δ‖). {@link Scaling#FILTER} then normalizes each direction filter by
 * filter against θ_t.
 */
public final class Landscape {
    /** Where the farthest recorded point of a PCA plane lies, in the plane's (α, β) units. */
    public static final double PCA_PATH_RADIUS = 2.0;

    private Landscape() {}

    /** The slice f(α) = L(θ_t + αδ) at row {@code row} of {@code path}. */
    public static Slice1D slice(LandscapeSampler sampler, RecordedPath path, int row, DirectionKind kind, Scaling scaling,
                                double[] alphas, long seed) {
        double[] theta = path.row(row);
        double[] delta = direction(path, row, kind, scaling, sampler.surface().blocks(), seed);
        SliceValues v = sampler.line(theta, delta, alphas);
        return new Slice1D(path.step(row), path.step(path.size() - 1), kind, scaling, alphas.clone(), v, VecOps.norm(delta));
    }

    /** The slice f(α, β) = L(θ_t + αδ + βη) at row {@code row}, with the path projected on the plane. */
    public static Slice2D plane(LandscapeSampler sampler, RecordedPath path, int row, DirectionKind kind, Scaling scaling,
                                double[] alphas, double[] betas, long seed) {
        double[] theta = path.row(row);
        Plane pl = planeDirections(path, row, kind, scaling, sampler.surface().blocks(), seed);
        double[] delta = pl.delta(), eta = pl.eta();
        SliceValues v = sampler.plane(theta, delta, eta, alphas, betas);
        int n = path.size();
        double[] pa = new double[n], pb = new double[n];
        long[] ps = new long[n];
        project(path, theta, delta, eta, pa, pb);
        for (int k = 0; k < n; k++) ps[k] = path.step(k);
        return new Slice2D(path.step(row), path.step(n - 1), kind, scaling, alphas.clone(), betas.clone(), v, pa, pb, ps,
                pl.firstRatio(), pl.secondRatio());
    }

    /**
     * The directions of a plane at row {@code row} and, for PCA, the share of the trajectory's
     * variance along each (NaN otherwise).
     */
    public record Plane(double[] delta, double[] eta, double firstRatio, double secondRatio) {}

    /** δ and η of the plane of {@code kind} at row {@code row} (see the class note). */
    public static Plane planeDirections(RecordedPath path, int row, DirectionKind kind, Scaling scaling,
                                        List<ParameterBlock> blocks, long seed) {
        double[] theta = path.row(row);
        if (kind == DirectionKind.PCA) {
            Pca p = pca(path, row);
            return new Plane(scaled(p.first, scaling, theta, blocks), scaled(p.second, scaling, theta, blocks),
                    p.firstRatio, p.secondRatio);
        }
        double[] delta = direction(path, row, kind, scaling, blocks, seed);
        double[] g = gaussian(theta.length, seed + 1);
        double[] eta;
        if (scaling == Scaling.FILTER) {
            eta = FilterNormalization.apply(g, theta, blocks);
        } else {
            double target = VecOps.norm(delta) > 0 ? VecOps.norm(delta) : VecOps.norm(theta);
            eta = withNorm(g, target);
        }
        return new Plane(delta, eta, Double.NaN, Double.NaN);
    }

    /** One slice per given row (Figs. 4 and 8), each in its own direction from that row. */
    public static SliceStack stack(LandscapeSampler sampler, RecordedPath path, int[] rows, DirectionKind kind,
                                   Scaling scaling, double[] alphas, long seed) {
        List<Slice1D> slices = new ArrayList<>(rows.length);
        for (int r : rows) slices.add(slice(sampler, path, r, kind, scaling, alphas, seed));
        return new SliceStack(kind, scaling, path.step(path.size() - 1), List.copyOf(slices));
    }

    /** The direction δ of {@code kind} at row {@code row}, scaled (new array). */
    public static double[] direction(RecordedPath path, int row, DirectionKind kind, Scaling scaling,
                                     List<ParameterBlock> blocks, long seed) {
        double[] theta = path.row(row);
        double[] raw = switch (kind) {
            case FINAL -> VecOps.sub(path.last(), theta);
            case START -> VecOps.sub(path.row(0), theta);
            case STEP -> path.size() < 2 ? new double[theta.length]
                    : row + 1 < path.size() ? VecOps.sub(path.row(row + 1), theta) : VecOps.sub(theta, path.row(row - 1));
            case RANDOM -> {
                double[] g = gaussian(theta.length, seed);
                yield scaling == Scaling.RAW ? withNorm(g, VecOps.norm(theta)) : g;
            }
            case PCA -> pca(path, row).first;
        };
        return scaled(raw, scaling, theta, blocks);
    }

    private static double[] scaled(double[] raw, Scaling scaling, double[] theta, List<ParameterBlock> blocks) {
        return scaling == Scaling.FILTER ? FilterNormalization.apply(raw, theta, blocks) : raw;
    }

    /** Entries drawn from N(0, 1) by {@code new Random(seed)} in index order. */
    static double[] gaussian(int d, long seed) {
        Random r = new Random(seed);
        double[] g = new double[d];
        for (int i = 0; i < d; i++) g[i] = r.nextGaussian();
        return g;
    }

    private static double[] withNorm(double[] v, double target) {
        double n = VecOps.norm(v);
        return n > 0 ? VecOps.scaled(target / n, v) : v;
    }

    private record Pca(double[] first, double[] second, double firstRatio, double secondRatio) {}

    /** v₁, v₂ of the path, scaled so that the farthest row lies at {@link #PCA_PATH_RADIUS} from row {@code row}. */
    private static Pca pca(RecordedPath path, int row) {
        int d = path.dimension();
        if (path.size() < 2) return new Pca(new double[d], new double[d], Double.NaN, Double.NaN);
        TrajectoryPca p = new TrajectoryPca(path.rows());
        double[] a = p.alpha(), b = p.beta();
        double far = 0;
        for (int k = 0; k < a.length; k++) far = Math.max(far, Math.hypot(a[k] - a[row], b[k] - b[row]));
        double s = far > 0 ? far / PCA_PATH_RADIUS : 1;
        return new Pca(VecOps.scaled(s, p.firstDirection()), VecOps.scaled(s, p.secondDirection()), p.firstRatio(), p.secondRatio());
    }

    /**
     * Least-squares coordinates (α, β) of θ_s − θ_t in the basis δ, η for every row s (NaN when δ
     * and η span no plane).
     */
    static void project(RecordedPath path, double[] theta, double[] delta, double[] eta, double[] pa, double[] pb) {
        double dd = VecOps.dot(delta, delta), ee = VecOps.dot(eta, eta), de = VecOps.dot(delta, eta);
        double det = dd * ee - de * de;
        boolean plane = det > 1e-12 * Math.max(1e-300, dd * ee);
        int d = theta.length;
        for (int k = 0; k < path.size(); k++) {
            if (!plane) {
                pa[k] = pb[k] = Double.NaN;
                continue;
            }
            double[] r = path.row(k);
            double x = 0, y = 0;
            for (int j = 0; j < d; j++) {
                double v = r[j] - theta[j];
                x += v * delta[j];
                y += v * eta[j];
            }
            pa[k] = (ee * x - de * y) / det;
            pb[k] = (dd * y - de * x) / det;
        }
    }
}
