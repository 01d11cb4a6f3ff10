package org.grokbench.landscape;

import org.grokbench.analysis.LossSurface;
import org.grokbench.analysis.ParameterBlock;

import java.util.List;

/**
 * A test double with closed-form slices: L_train(θ) = Σ a_i (θ_i − c_i)², L_test(θ) =
 * Σ b_i (θ_i − e_i)², accuracies 1 below a loss of 1 and 0 above. θ has 7 entries: a 2 × 3 weight
 * matrix stored column-major (filters = rows, element stride 2) and one bias at index 6.
 */
final class QuadraticSurface implements LossSurface {
    static final int D = 7;
    final double[] a = {1, 2, 0.5, 3, 1.5, 0.25, 2};
    final double[] c = {0.3, -1, 2, 0.5, 0, 1, -0.4};
    final double[] b = {0.5, 1, 1, 2, 0.3, 1, 4};
    final double[] e = {1, 1, -1, 0, 2, 0.5, 0.1};

    static double quad(double[] w, double[] m, double[] theta) {
        double s = 0;
        for (int i = 0; i < theta.length; i++) s += w[i] * (theta[i] - m[i]) * (theta[i] - m[i]);
        return s;
    }

    @Override public int dimension() { return D; }
    @Override public double trainLoss(double[] theta) { return quad(a, c, theta); }

    @Override
    public double trainGradient(double[] theta, double[] gradient) {
        for (int i = 0; i < D; i++) gradient[i] = 2 * a[i] * (theta[i] - c[i]);
        return trainLoss(theta);
    }

    @Override public double testLoss(double[] theta) { return quad(b, e, theta); }
    @Override public double trainAccuracy(double[] theta) { return trainLoss(theta) < 1 ? 1 : 0; }
    @Override public double testAccuracy(double[] theta) { return testLoss(theta) < 1 ? 1 : 0; }

    /** Rows of the 2 × 3 matrix W (column-major: W[r][k] at r + 2k); index 6 is a bias. */
    @Override public List<ParameterBlock> blocks() { return List.of(new ParameterBlock("W", 0, 2, 3, 1, 2)); }
}
