package org.grokbench.experiment;

/**
 * How often probes run and how much history is kept: the geometry probe every
 * {@code geometryEvery} steps; at most {@code historyCap} rows per run at full resolution, after
 * which history is thinned evenly (see {@link History}).
 */
public record ProbeSpec(int geometryEvery, int historyCap) {
    public static ProbeSpec defaults() { return new ProbeSpec(1, 20_000); }
}
