package org.grokbench.landscape;

import java.util.List;

/**
 * The "per epoch" view of Figs. 4 and 8: one 1D slice at each of many recorded steps, each in its
 * own direction (e.g. toward θ* from that step), stacked in step order.
 */
public record SliceStack(DirectionKind kind, Scaling scaling, long finalStep, List<Slice1D> slices) {
    public long[] steps() {
        long[] s = new long[slices.size()];
        for (int i = 0; i < s.length; i++) s[i] = slices.get(i).step();
        return s;
    }
}
