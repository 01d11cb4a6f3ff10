package org.grokbench.landscape;

import org.grokbench.analysis.ParameterBlock;

import java.util.List;

/**
 * Filter-wise normalization of a direction (Li et al. 2018; predicting-grokking App. G.1):
 * w_k(δ) ← w_k(δ) / ‖w_k(δ)‖ · ‖w_k(θ)‖ for every filter w_k of every weight matrix, and
 * b_k(δ) ← b_k(δ) / |b_k(δ)| · |b_k(θ)| for every entry outside the weight matrices (biases).
 * It removes the scale invariance of ReLU networks: a slice then shows the same shape whatever
 * the scale of each unit's weights, so slices at different points are comparable. A filter of δ
 * that is exactly zero stays zero (it has no direction to rescale).
 */
public final class FilterNormalization {
    private FilterNormalization() {}

    /** A new, filter-normalized copy of {@code delta} (neither argument is modified). */
    public static double[] apply(double[] delta, double[] theta, List<ParameterBlock> blocks) {
        if (delta.length != theta.length)
            throw new IllegalArgumentException("δ has length " + delta.length + ", θ " + theta.length);
        double[] out = delta.clone();
        boolean[] covered = new boolean[delta.length];
        for (ParameterBlock b : blocks) {
            for (int f = 0; f < b.filterCount(); f++) {
                double nd = 0, nt = 0;
                for (int k = 0; k < b.filterLength(); k++) {
                    int i = b.index(f, k);
                    nd += delta[i] * delta[i];
                    nt += theta[i] * theta[i];
                    covered[i] = true;
                }
                double s = nd > 0 ? Math.sqrt(nt / nd) : 0;
                for (int k = 0; k < b.filterLength(); k++) out[b.index(f, k)] *= s;
            }
        }
        for (int i = 0; i < out.length; i++) {
            if (!covered[i]) out[i] = delta[i] == 0 ? 0 : Math.copySign(Math.abs(theta[i]), delta[i]);
        }
        return out;
    }
}
