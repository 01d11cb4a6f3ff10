package org.grokbench.model;

import org.grokbench.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every analytic Jacobian and loss gradient against central finite differences. */
class ModelGradientTest {
    private static final double H = 1e-6;

    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of(new LinearModel(2)),
                Arguments.of(new LinearModel(3)),
                Arguments.of(new TwoLayerLinearScalar()),
                Arguments.of(new LeakyReluUnit(2)),
                Arguments.of(new ParabolaModel()));
    }

    private static Dataset randomData(Model m, Random rng, int k) {
        return Dataset.sampled(k, m.inputDim(), m.outputDim(), 1.0, rng.nextLong(),
                (x, y) -> y[0] = rng.nextGaussian());
    }

    @ParameterizedTest
    @MethodSource("models")
    void jacobianMatchesCentralDifferences(Model model) {
        Random rng = new Random(7);
        int d = model.parameterCount(), m = model.outputDim();
        double[] jac = new double[m * d], plus = new double[m], minus = new double[m];
        for (int trial = 0; trial < 50; trial++) {
            double[] theta = new double[d];
            double[] x = new double[model.inputDim()];
            for (int j = 0; j < d; j++) theta[j] = 2 * rng.nextGaussian();
            for (int j = 0; j < x.length; j++) x[j] = rng.nextGaussian();
            model.jacobian(theta, x, jac);
            for (int j = 0; j < d; j++) {
                double[] tp = theta.clone(), tm = theta.clone();
                tp[j] += H;
                tm[j] -= H;
                model.predict(tp, x, plus);
                model.predict(tm, x, minus);
                for (int r = 0; r < m; r++) {
                    double fd = (plus[r] - minus[r]) / (2 * H);
                    assertEquals(fd, jac[r * d + j], 1e-6 * Math.max(1, Math.abs(fd)),
                            model.kind() + " ∂f/∂θ" + j + " at trial " + trial);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void lossGradientMatchesCentralDifferences(Model model) {
        Random rng = new Random(11);
        SquaredLoss loss = new SquaredLoss(model, randomData(model, rng, 5));
        int d = model.parameterCount();
        double[] grad = new double[d];
        for (int trial = 0; trial < 50; trial++) {
            double[] theta = new double[d];
            for (int j = 0; j < d; j++) theta[j] = 2 * rng.nextGaussian();
            double value = loss.gradient(theta, grad);
            assertEquals(loss.value(theta), value, 1e-12 * Math.max(1, value));
            for (int j = 0; j < d; j++) {
                double[] tp = theta.clone(), tm = theta.clone();
                tp[j] += H;
                tm[j] -= H;
                double fd = (loss.value(tp) - loss.value(tm)) / (2 * H);
                assertEquals(fd, grad[j], 1e-5 * Math.max(1, Math.abs(fd)), model.kind() + " ∂L/∂θ" + j);
            }
        }
    }

    @Test
    void lossIsTheSumOfEquationOne() {
        // 1 + 1 = 2 with w = (-1, 1): prediction 0, residual -2, L = 4 (a sum over samples, not a mean).
        SquaredLoss loss = new SquaredLoss(new LinearModel(2), Dataset.single(new double[] {1, 1}, new double[] {2}));
        assertEquals(4.0, loss.value(new double[] {-1, 1}), 0);
        Dataset two = new Dataset(new double[][] {{1, 1}, {1, 1}}, new double[][] {{2}, {2}});
        assertEquals(8.0, new SquaredLoss(new LinearModel(2), two).value(new double[] {-1, 1}), 0);
        assertEquals(4.0, new SquaredLoss(new LinearModel(2), two).meanValue(new double[] {-1, 1}), 0);
    }

    @Test
    void parabolaModelIsFigureFourLandscape() {
        SquaredLoss loss = new SquaredLoss(new ParabolaModel(), Dataset.single(new double[] {1, 1}, new double[] {0}));
        Random rng = new Random(3);
        for (int i = 0; i < 20; i++) {
            double x = rng.nextGaussian(), y = rng.nextGaussian();
            double expected = (y - x * x) * (y - x * x);
            assertEquals(expected, loss.value(new double[] {x, y}), 1e-12 * Math.max(1, expected));
        }
    }

    @Test
    void leakyReluUsesSlopeOneTenthBelowZero() {
        LeakyReluUnit unit = new LeakyReluUnit(2);
        double[] out = new double[1];
        unit.predict(new double[] {-2, 1}, new double[] {1, 1}, out);
        assertEquals(-0.1, out[0], 1e-15);
        unit.predict(new double[] {2, 1}, new double[] {1, 1}, out);
        assertEquals(3.0, out[0], 1e-15);
    }

    @Test
    void accuracyCountsSamplesWithinTolerance() {
        Dataset data = new Dataset(new double[][] {{1, 0}, {0, 1}, {1, 1}}, new double[][] {{1}, {1}, {2}});
        SquaredLoss loss = new SquaredLoss(new LinearModel(2), data);
        assertEquals(1.0, loss.accuracy(new double[] {1, 1}, 0.1), 0);
        // w = (1, 1.5): errors 0, 0.5, 0.5 -> one of three within 0.1
        assertEquals(1.0 / 3, loss.accuracy(new double[] {1, 1.5}, 0.1), 1e-15);
    }
}
