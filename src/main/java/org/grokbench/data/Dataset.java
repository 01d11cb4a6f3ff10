package org.grokbench.data;

import java.util.Random;
import java.util.function.BiConsumer;

/**
 * Samples (x_i, y_i), i = 1..k, stored as row arrays. Immutable by convention: callers never
 * write into the arrays they get back.
 */
public record Dataset(double[][] inputs, double[][] targets) {
    public Dataset {
        if (inputs.length != targets.length)
            throw new IllegalArgumentException("inputs and targets differ in length");
    }

    public int size() { return inputs.length; }

    public int outputDim() { return targets.length == 0 ? 0 : targets[0].length; }

    /** One training sample, as in the toy figures (e.g. x = (1, 1), y = 2 for 1 + 1 = 2). */
    public static Dataset single(double[] x, double[] y) {
        return new Dataset(new double[][] {x.clone()}, new double[][] {y.clone()});
    }

    /**
     * {@code count} inputs x ~ N(0, std²·I) labelled by a teacher: y = teacher(x). The paper's test
     * sets are of this form (Figure 1: 100 samples, x ~ N(0,1)², y = x1 + x2).
     *
     * @param teacher writes the target for an input into its second argument
     */
    public static Dataset sampled(int count, int inputDim, int outputDim, double std, long seed,
                                  BiConsumer<double[], double[]> teacher) {
        Random rng = new Random(seed);
        double[][] xs = new double[count][inputDim];
        double[][] ys = new double[count][outputDim];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < inputDim; j++) xs[i][j] = std * rng.nextGaussian();
            teacher.accept(xs[i], ys[i]);
        }
        return new Dataset(xs, ys);
    }
}
