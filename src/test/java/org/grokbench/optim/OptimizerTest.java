package org.grokbench.optim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The update rules against hand-computed steps, and the shared lifecycle contract. */
class OptimizerTest {

    static Stream<Arguments> all() {
        return Stream.of(Arguments.of(new GradientDescent()), Arguments.of(new Momentum(0.9)),
                Arguments.of(Adam.adam()), Arguments.of(Adam.adamW()), Arguments.of(RmsProp.rmsProp()),
                Arguments.of(Rprop.rprop()), Arguments.of(Adamax.adamax()));
    }

    /** Minimizes the quadratic ½‖θ − c‖² + λ‖θ‖², whose minimum is c / (1 + 2λ). */
    private static double[] minimize(Optimizer opt, double lr, double lambda, int steps) {
        double[] c = {2, -1};
        double[] theta = {0, 0};
        double[] g = new double[2];
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < 2; i++) g[i] = theta[i] - c[i];
            opt.step(theta, g, lr, lambda);
        }
        return theta;
    }

    @ParameterizedTest
    @MethodSource("all")
    void everyOptimizerFindsTheRegularizedMinimum(Optimizer opt) {
        double lambda = 0.25;
        double[] theta = minimize(opt, 0.01, lambda, 20_000);
        // AdamW decouples decay: the fixed point of m/√v + 2λθ = 0 is not c/(1+2λ) in general,
        // but it still lies between 0 and c; the coupled rules must hit c/(1+2λ).
        if (opt.name().equals("adamw")) {
            assertTrue(theta[0] > 0 && theta[0] < 2 && theta[1] < 0 && theta[1] > -1, opt.name());
        } else if (opt.name().equals("rmsprop")) {
            // with a constant η, RMSprop's step η·g/√v does not shrink with g: it hovers within ~η
            assertArrayEquals(new double[] {2 / 1.5, -1 / 1.5}, theta, 0.01, opt.name());
        } else {
            assertArrayEquals(new double[] {2 / 1.5, -1 / 1.5}, theta, 1e-3, opt.name());
        }
    }

    @Test
    void gradientDescentStepIsTheFormula() {
        double[] theta = {1, -2};
        new GradientDescent().step(theta, new double[] {0.5, 0.25}, 0.1, 0.2);
        assertArrayEquals(new double[] {1 - 0.1 * (0.5 + 0.4), -2 - 0.1 * (0.25 - 0.8)}, theta, 1e-15);
    }

    @Test
    void momentumAccumulatesVelocity() {
        Momentum m = new Momentum(0.5);
        double[] theta = {0};
        m.step(theta, new double[] {1}, 1, 0);   // v = 1
        m.step(theta, new double[] {1}, 1, 0);   // v = 1.5
        assertEquals(-2.5, theta[0], 1e-15);
    }

    @Test
    void adamFirstStepHasLengthLr() {
        // With bias correction the first Adam step is lr·sign(g) (up to ε).
        double[] theta = {0, 0};
        Adam.adam().step(theta, new double[] {3, -0.001}, 0.01, 0);
        assertArrayEquals(new double[] {-0.01, 0.01}, theta, 1e-7);
    }

    @Test
    void adamWDecaysOutsideTheAdaptiveScaling() {
        double[] theta = {1};
        Adam.adamW().step(theta, new double[] {0}, 0.1, 0.5);
        // zero gradient: only the decoupled decay acts, θ ← θ − η·2λ·θ
        assertEquals(1 - 0.1 * 2 * 0.5, theta[0], 1e-12);
    }

    @ParameterizedTest
    @MethodSource("all")
    void copyHasIndependentState(Optimizer opt) {
        double[] a = {1, 1};
        opt.step(a, new double[] {1, -1}, 0.1, 0.01);
        Optimizer twin = opt.copy();
        double[] b = a.clone();
        opt.step(a, new double[] {0.3, 0.2}, 0.1, 0.01);
        twin.step(b, new double[] {0.3, 0.2}, 0.1, 0.01);
        assertArrayEquals(a, b, 0, "copy continues exactly like the original");
        twin.step(b, new double[] {5, 5}, 0.1, 0.01);
        double[] a2 = a.clone();
        opt.step(a2, new double[] {0.3, 0.2}, 0.1, 0.01);
        double[] fresh = a.clone();
        Optimizer again = opt.copy();
        again.reset();
        again.step(fresh, new double[] {0.3, 0.2}, 0.1, 0.01);
        if (!opt.name().equals("gd")) assertTrue(fresh[0] != a2[0], "reset forgets the state of " + opt.name());
    }

    @Test
    void rmsPropFirstStepsAreTheFormula() {
        // v1 = (1-α)g², step η g/√v1 = η/√(1-α)·sign(g); then v2 = α v1 + (1-α)g2²
        double a = 0.9, lr = 0.01;
        RmsProp r = new RmsProp(a, 1e-12);
        double[] theta = {0};
        r.step(theta, new double[] {2}, lr, 0);
        assertEquals(-lr / Math.sqrt(1 - a), theta[0], 1e-12);
        r.step(theta, new double[] {-1}, lr, 0);
        double v2 = a * (1 - a) * 4 + (1 - a) * 1;
        assertEquals(-lr / Math.sqrt(1 - a) + lr / Math.sqrt(v2), theta[0], 1e-12);
    }

    @Test
    void rpropStepGrowsByEtaPlusWhileTheSignHolds() {
        Rprop r = new Rprop(0.5, 1.2, 1e-6, 50);
        double[] theta = {0, 0};
        double lr = 0.1, expectedX = 0;
        // a constant gradient of any size: the sign holds, the step grows 0.1, 0.12, 0.144, ...
        for (int t = 0; t < 6; t++) {
            r.step(theta, new double[] {1e6, -1e-6}, lr, 0);
            expectedX -= lr * Math.pow(1.2, t);
            assertEquals(lr * Math.pow(1.2, t), r.stepSizes()[0], 1e-12);
        }
        assertEquals(expectedX, theta[0], 1e-12);
        assertEquals(-expectedX, theta[1], 1e-12, "only the sign counts");
    }

    @Test
    void rpropShrinksOnASignFlipAndSkipsThatStep() {
        Rprop r = new Rprop(0.5, 1.2, 1e-6, 50);
        double[] theta = {0};
        r.step(theta, new double[] {1}, 0.1, 0);    // θ = -0.1, Δ = 0.1
        r.step(theta, new double[] {-1}, 0.1, 0);   // flip: Δ = 0.05, no move
        assertEquals(-0.1, theta[0], 1e-15);
        assertEquals(0.05, r.stepSizes()[0], 1e-15);
        r.step(theta, new double[] {-1}, 0.1, 0);   // remembered g = 0: Δ stays 0.05, moves
        assertEquals(-0.05, theta[0], 1e-15);
        assertEquals(0.05, r.stepSizes()[0], 1e-15);
    }

    @Test
    void rpropStepStaysWithinItsBounds() {
        Rprop r = new Rprop(0.5, 2, 1e-3, 1);
        double[] theta = {0};
        for (int t = 0; t < 20; t++) r.step(theta, new double[] {1}, 0.1, 0);
        assertEquals(1, r.stepSizes()[0], 0);
        for (int t = 0; t < 40; t++) r.step(theta, new double[] {t % 2 == 0 ? 1 : -1}, 0.1, 0);
        assertEquals(1e-3, r.stepSizes()[0], 0);
    }

    @Test
    void adamaxOnAOneDimensionalQuadratic() {
        // f = ½·4·x², g = 4x, from x = 1, η = 0.1, β₁ = 0.9, β₂ = 0.999, ε = 0 (tiny)
        Adamax a = new Adamax(0.9, 0.999, 1e-300);
        double[] x = {1};
        a.step(x, new double[] {4 * x[0]}, 0.1, 0);
        // m = 0.4, u = 4, bias 1 - 0.9: step = 0.1/0.1 · 0.4/4 = 0.1
        assertEquals(0.9, x[0], 1e-15);
        a.step(x, new double[] {4 * x[0]}, 0.1, 0);
        // g = 3.6: m = 0.36 + 0.36 = 0.72, u = max(3.996, 3.6) = 3.996, bias 1 - 0.81 = 0.19
        assertEquals(0.9 - 0.1 / 0.19 * 0.72 / 3.996, x[0], 1e-15);
        for (int t = 0; t < 3000; t++) a.step(x, new double[] {4 * x[0]}, 0.1, 0);
        assertEquals(0, x[0], 1e-3, "settles at the minimum");
    }

    @Test
    void adamaxFirstStepHasLengthLrWhateverTheGradient() {
        double[] theta = {0, 0};
        Adamax.adamax().step(theta, new double[] {300, -0.001}, 0.01, 0);
        assertArrayEquals(new double[] {-0.01, 0.01}, theta, 1e-7);
    }

    @Test
    void badHyperparametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new RmsProp(1.0, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new RmsProp(0.9, 0));
        assertThrows(IllegalArgumentException.class, () -> new Rprop(1.0, 1.2, 1e-6, 50));
        assertThrows(IllegalArgumentException.class, () -> new Rprop(0.5, 1.0, 1e-6, 50));
        assertThrows(IllegalArgumentException.class, () -> new Rprop(0.5, 1.2, 1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new Adamax(0.9, 1.0, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new Momentum(1.0));
        assertThrows(IllegalArgumentException.class, () -> new Adam(1.0, 0.9, 1e-8, false));
        assertThrows(IllegalArgumentException.class, () -> new Adam(0.9, 0.9, 0, false));
    }
}
