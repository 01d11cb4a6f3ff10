package org.grokbench.landscape;

/**
 * The four measures of a slice at each of its points, flat in the slice's own order: the training
 * and test loss (the data losses, without λ‖θ‖², as in the paper's landscapes) and accuracy. Test
 * entries are NaN when the experiment has no test set.
 */
public record SliceValues(double[] trainLoss, double[] testLoss, double[] trainAccuracy, double[] testAccuracy) {
    static SliceValues of(int n) {
        return new SliceValues(new double[n], new double[n], new double[n], new double[n]);
    }

    public int size() { return trainLoss.length; }
}
