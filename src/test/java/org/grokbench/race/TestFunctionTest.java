package org.grokbench.race;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The App. I functions: analytic gradients against central differences, optima, closed values. */
class TestFunctionTest {
    static Stream<TestFunction> functions() {
        return Stream.of(new Rosenbrock(), new Rastrigin(), LogScaled.rosenbrock(), LogScaled.rastrigin());
    }

    static final List<double[]> POINTS = List.of(new double[] {-1.5, 2.5}, new double[] {0.3, -0.7},
            new double[] {1.2, 1.1}, new double[] {-2.2, 1.6}, new double[] {0.9, 0.85});

    @ParameterizedTest
    @MethodSource("functions")
    void gradientMatchesCentralDifferences(TestFunction f) {
        double h = 1e-6;
        double[] g = new double[2];
        for (double[] p : POINTS) {
            f.gradient(p, g);
            for (int i = 0; i < 2; i++) {
                double[] a = p.clone(), b = p.clone();
                a[i] += h;
                b[i] -= h;
                double fd = (f.value(a) - f.value(b)) / (2 * h);
                assertEquals(fd, g[i], 1e-6 * (1 + Math.abs(fd)), f.title() + " ∂" + i + " at " + p[0] + "," + p[1]);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("functions")
    void optimumIsAStationaryGlobalMinimum(TestFunction f) {
        double[] opt = f.optimum(), g = new double[2];
        f.gradient(opt, g);
        assertEquals(0, Math.hypot(g[0], g[1]), 1e-9, f.title());
        double best = f.value(opt);
        double[] v = f.view();
        for (int i = 0; i <= 60; i++)
            for (int j = 0; j <= 60; j++) {
                double[] p = {v[0] + (v[1] - v[0]) * i / 60, v[2] + (v[3] - v[2]) * j / 60};
                assertTrue(f.value(p) >= best, f.title() + " lower at " + p[0] + "," + p[1]);
            }
    }

    @Test
    void closedFormValues() {
        assertEquals(100 * Math.pow(2.5 - 2.25, 2) + 6.25, new Rosenbrock().value(new double[] {-1.5, 2.5}), 1e-12);
        // cos(2π·n) = 1 at integers: g = 20 + Σ (n² − 10) = Σ n²
        assertEquals(5, new Rastrigin().value(new double[] {1, -2}), 1e-12);
        assertEquals(Math.log(LogScaled.EPSILON), LogScaled.rosenbrock().value(new double[] {1, 1}), 1e-15);
        assertEquals(Math.log(5 + LogScaled.EPSILON), LogScaled.rastrigin().value(new double[] {1, -2}), 1e-12);
    }

    @Test
    void logScaleMakesTheGradientLargeNearTheOptimum() {
        // where g ≫ ε and g is quadratic, ‖∇ ln g‖ ≈ 2 / r along an eigen-direction: ln(Σ x²·k) near 0
        double r = 0.05;
        double[] g = new double[2];
        LogScaled.rastrigin().gradient(new double[] {r, 0}, g);
        assertEquals(2 / r, g[0], 0.05 * 2 / r);
        assertEquals(0, g[1], 1e-12);
    }

    @Test
    void unknownFunctionIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LogScaled.byId("sphere"));
        assertTrue(e.getMessage().contains("rosenbrock or rastrigin"), e.getMessage());
    }
}
