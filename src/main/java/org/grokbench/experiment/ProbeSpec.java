package org.grokbench.experiment;

/**
 * How often probes run and how much history is kept: the geometry probe every
 * {@code geometryEvery} steps; the Hessian extremes (Lanczos, {@code analysis.HessianExtremes})
 * every {@code curvatureEvery} steps (0 = off), a divisor or a multiple of {@code geometryEvery}
 * so that the rows history thinning keeps (multiples of the larger cadence) carry both readings; at most {@code historyCap} rows per run at full
 * resolution, after which history is thinned evenly (see {@link History}).
 */
public record ProbeSpec(int geometryEvery, int historyCap, int curvatureEvery) {
    public ProbeSpec {
        if (geometryEvery < 1) throw new IllegalArgumentException("geometryEvery must be >= 1, got " + geometryEvery);
        if (curvatureEvery < 0 || curvatureEvery > 0 && !nested(curvatureEvery, geometryEvery))
            throw new IllegalArgumentException("curvatureEvery must be 0 (off) or a divisor or multiple of geometryEvery ("
                    + geometryEvery + "), got " + curvatureEvery);
    }

    /** Without the curvature probe. */
    public ProbeSpec(int geometryEvery, int historyCap) {
        this(geometryEvery, historyCap, 0);
    }

    public static ProbeSpec defaults() { return new ProbeSpec(1, 20_000); }

    /** Whether one cadence divides the other. */
    public static boolean nested(int a, int b) {
        return a % b == 0 || b % a == 0;
    }

    /**
     * A curvature cadence near {@code target} that nests with geometryEvery: the largest divisor of
     * geometryEvery not above the target when the target is smaller, else the smallest multiple at
     * least as large.
     */
    public int alignedCadence(int target) {
        if (target >= geometryEvery) return geometryEvery * ((target + geometryEvery - 1) / geometryEvery);
        for (int k = Math.max(1, target); k > 1; k--) if (geometryEvery % k == 0) return k;
        return 1;
    }

    public ProbeSpec withCurvatureEvery(int every) {
        return new ProbeSpec(geometryEvery, historyCap, every);
    }

    /** The step grid on which every probe reads: history thinning keeps rows on it. */
    int commonCadence() {
        return Math.max(curvatureEvery, geometryEvery);
    }
}
