package org.grokbench.model;

import org.grokbench.data.Dataset;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The models of the two-phase regression tasks: analytic Jacobians and loss gradients against
 * central finite differences, and the closed forms they stand for.
 */
class RegressionTaskModelsTest {
    private static final double H = 1e-6;

    private static double[] gaussian(int n, Random rng, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = scale * rng.nextGaussian();
        return v;
    }

    /** Inputs of the right kind: Gaussian vectors, or (i, j) entry positions for the factorized matrix. */
    private static double[] input(Model m, Random rng) {
        if (m instanceof FactorizedMatrix f) return new double[] {rng.nextInt(f.size()), rng.nextInt(f.size())};
        return gaussian(m.inputDim(), rng, 1);
    }

    private static void checkJacobianAndGradient(Model model, long seed) {
        Random rng = new Random(seed);
        int d = model.parameterCount();
        double[] jac = new double[d], plus = new double[1], minus = new double[1];
        for (int trial = 0; trial < 10; trial++) {
            double[] theta = gaussian(d, rng, 1);
            double[] x = input(model, rng);
            model.jacobian(theta, x, jac);
            for (int j = 0; j < d; j++) {
                double[] tp = theta.clone(), tm = theta.clone();
                tp[j] += H;
                tm[j] -= H;
                model.predict(tp, x, plus);
                model.predict(tm, x, minus);
                double fd = (plus[0] - minus[0]) / (2 * H);
                assertEquals(fd, jac[j], 1e-6 * Math.max(1, Math.abs(fd)), model.kind() + " ∂f/∂θ" + j);
            }
        }
        double[][] xs = new double[6][], ys = new double[6][];
        for (int i = 0; i < 6; i++) {
            xs[i] = input(model, rng);
            ys[i] = new double[] {rng.nextGaussian()};
        }
        SquaredLoss loss = new SquaredLoss(model, new Dataset(xs, ys));
        double[] grad = new double[d];
        double[] theta = gaussian(d, rng, 1);
        loss.gradient(theta, grad);
        for (int j = 0; j < d; j++) {
            double[] tp = theta.clone(), tm = theta.clone();
            tp[j] += H;
            tm[j] -= H;
            double fd = (loss.value(tp) - loss.value(tm)) / (2 * H);
            assertEquals(fd, grad[j], 1e-5 * Math.max(1, Math.abs(fd)), model.kind() + " ∂L/∂θ" + j);
        }
    }

    @Test
    void diagonalLinearNetworkGradientsMatchFiniteDifferences() {
        checkJacobianAndGradient(new DiagonalLinearNetwork(7), 1);
    }

    @Test
    void reluStudentGradientsMatchFiniteDifferences() {
        // Gaussian θ and x: no pre-activation sits within H of relu's kink.
        checkJacobianAndGradient(new ReluStudent(4, 9), 2);
    }

    @Test
    void factorizedMatrixGradientsMatchFiniteDifferencesOnAndOffTheDiagonal() {
        checkJacobianAndGradient(new FactorizedMatrix(5, 3), 3);
    }

    @Test
    void diagonalNetworkComputesTheDifferenceOfSquares() {
        DiagonalLinearNetwork m = new DiagonalLinearNetwork(3);
        double[] theta = {1, 2, 3, 0.5, 1, 4};
        double[] w = new double[3], out = new double[1];
        m.regressor(theta, w);
        assertEquals(0.75, w[0], 1e-15);
        assertEquals(3, w[1], 1e-15);
        assertEquals(-7, w[2], 1e-15);
        m.predict(theta, new double[] {1, -1, 2}, out);
        assertEquals(0.75 - 3 - 14, out[0], 1e-14);
    }

    @Test
    void factorizedMatrixEntryIsTheRowDotColumnAndRejectsBadPositions() {
        FactorizedMatrix m = new FactorizedMatrix(2, 2);
        double[] theta = {1, 2, 3, 4, /* V */ 5, 6, 7, 8};
        double[] out = new double[1];
        m.predict(theta, new double[] {1, 0}, out);
        assertEquals(3 * 5 + 4 * 6, out[0], 1e-15);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> m.predict(theta, new double[] {2, 0}, out));
    }

    @Test
    void reluStudentIsTheSumOfActiveUnits() {
        ReluStudent m = new ReluStudent(2, 2);
        double[] theta = {1, 0, /* w2 */ -1, 0, /* a */ 3, 5};
        double[] out = new double[1];
        m.predict(theta, new double[] {2, 7}, out);
        assertEquals(6, out[0], 1e-15); // unit 2 is off: w2·x = −2
    }
}
