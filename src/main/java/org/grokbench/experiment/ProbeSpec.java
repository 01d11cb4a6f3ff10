package org.grokbench.experiment;

/**
 * How often probes run and how much history is kept: the geometry probe every
 * {@code geometryEvery} steps; the Hessian extremes (Lanczos, {@code analysis.HessianExtremes})
 * every {@code curvatureEvery} steps (0 = off), a multiple of {@code geometryEvery} so that rows
 * kept by history thinning carry both readings; at most {@code historyCap} rows per run at full
 * resolution, after which history is thinned evenly (see {@link History}).
 */
public record ProbeSpec(int geometryEvery, int historyCap, int curvatureEvery) {
    public ProbeSpec {
        if (geometryEvery < 1) throw new IllegalArgumentException("geometryEvery must be >= 1, got " + geometryEvery);
        if (curvatureEvery < 0 || curvatureEvery % geometryEvery != 0)
            throw new IllegalArgumentException("curvatureEvery must be 0 (off) or a multiple of geometryEvery ("
                    + geometryEvery + "), got " + curvatureEvery);
    }

    /** Without the curvature probe. */
    public ProbeSpec(int geometryEvery, int historyCap) {
        this(geometryEvery, historyCap, 0);
    }

    public static ProbeSpec defaults() { return new ProbeSpec(1, 20_000); }

    /** The smallest multiple of geometryEvery that is at least {@code target}: a cadence valid for the curvature probe. */
    public int alignedCadence(int target) {
        return geometryEvery * Math.max(1, (target + geometryEvery - 1) / geometryEvery);
    }

    public ProbeSpec withCurvatureEvery(int every) {
        return new ProbeSpec(geometryEvery, historyCap, every);
    }

    /** The step grid on which every probe reads: history thinning keeps rows on it. */
    int commonCadence() {
        return curvatureEvery > 0 ? curvatureEvery : geometryEvery;
    }
}
