package org.grokbench.landscape;

import org.grokbench.analysis.LossSurface;
import org.grokbench.math.RangeParallel;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

/**
 * Evaluates a {@link LossSurface} at θ = c + αδ + βη for many (α, β), optionally on a
 * {@link ForkJoinPool}. The points are split into fixed contiguous ranges, each evaluated by one
 * thread with its own surface (surfaces hold scratch buffers), and every value depends only on its
 * own point: the numbers are bit-for-bit the same at any parallelism.
 *
 * <p>Not thread-safe: one sampler per caller (it keeps one surface per range between calls).
 */
public final class LandscapeSampler {
    private final Supplier<LossSurface> surfaces;
    private final ForkJoinPool pool;
    private LossSurface[] perRange = new LossSurface[0];

    /**
     * @param surfaces makes a fresh surface (e.g. {@code experiment::newLossSurface}); called once per range
     * @param pool     where ranges run; null: the calling thread does everything
     */
    public LandscapeSampler(Supplier<LossSurface> surfaces, ForkJoinPool pool) {
        this.surfaces = surfaces;
        this.pool = pool;
    }

    /** A sampler around one surface, on the calling thread. */
    public static LandscapeSampler of(LossSurface surface) {
        LandscapeSampler s = new LandscapeSampler(() -> { throw new IllegalStateException("single surface"); }, null);
        s.perRange = new LossSurface[] {surface};
        return s;
    }

    /** The surface of range 0 (blocks, dimension; never null). */
    public LossSurface surface() {
        return surface(0);
    }

    private LossSurface surface(int range) {
        if (range >= perRange.length) perRange = Arrays.copyOf(perRange, range + 1);
        if (perRange[range] == null) perRange[range] = surfaces.get();
        return perRange[range];
    }

    /** f(α) along δ from c at every α (none of the arrays is modified). */
    public SliceValues line(double[] center, double[] delta, double[] alphas) {
        return sample(center, delta, null, alphas, new double[] {0});
    }

    /** f(α, β) on the grid alphas × betas, α fastest. */
    public SliceValues plane(double[] center, double[] delta, double[] eta, double[] alphas, double[] betas) {
        return sample(center, delta, eta, alphas, betas);
    }

    private SliceValues sample(double[] center, double[] delta, double[] eta, double[] alphas, double[] betas) {
        int d = center.length;
        if (delta.length != d || (eta != null && eta.length != d))
            throw new IllegalArgumentException("directions must have the length of θ (" + d + ")");
        int nx = alphas.length, n = nx * betas.length;
        SliceValues out = SliceValues.of(n);
        int[] bounds = RangeParallel.uniformBounds(0, n, RangeParallel.parts(pool));
        for (int t = 0; t < bounds.length - 1; t++) surface(t);   // created here, on the caller's thread
        LossSurface[] s = perRange;
        RangeParallel.forRanges(pool, bounds, (from, to) -> {
            LossSurface surface = s[rangeOf(bounds, from)];
            double[] theta = new double[d];
            double[] m = new double[4];
            for (int k = from; k < to; k++) {
                double a = alphas[k % nx], b = betas[k / nx];
                for (int j = 0; j < d; j++) {
                    double v = center[j] + a * delta[j];
                    theta[j] = eta == null ? v : v + b * eta[j];
                }
                surface.measures(theta, m);
                out.trainLoss()[k] = m[0];
                out.testLoss()[k] = m[1];
                out.trainAccuracy()[k] = m[2];
                out.testAccuracy()[k] = m[3];
            }
        });
        return out;
    }

    /** The range that starts at {@code from} (the first of equal bounds: empty ranges are never run). */
    private static int rangeOf(int[] bounds, int from) {
        for (int t = 0; t < bounds.length - 1; t++) if (bounds[t] == from && bounds[t + 1] > from) return t;
        return 0;
    }
}
