package org.grokbench.experiment;

/**
 * The held-out set: {@code count} inputs x ~ N(0, std²·I) labelled by the same model with the
 * generalizing parameters {@code teacher} (Figure 1: 100 samples, teacher (1, 1), so y = x1 + x2).
 * A sample counts as right when |ŷ − y| < {@code accuracyTolerance}.
 */
public record TestSetSpec(int count, double std, double[] teacher, double accuracyTolerance) {
    @Override public double[] teacher() { return teacher.clone(); }
}
