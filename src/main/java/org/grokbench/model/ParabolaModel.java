package org.grokbench.model;

import java.util.List;

/**
 * The two-parameter landscape of Figure 4, L(x, y) = (y − x²)², written as a model so that it
 * trains, regularizes and is tested like the others: f(θ, s) = θ_y·s₁ − θ_x²·s₂. On the training
 * sample s = (1, 1) with target 0 the loss is exactly (y − x²)²; on test inputs s ~ N(0, I) with
 * the teacher θ* = (0, 0) (target 0) the expected test loss is θ_y² + θ_x⁴, which vanishes only
 * at the minimum-norm point of the zero-loss parabola y = x².
 */
public final class ParabolaModel implements Model {
    @Override public String kind() { return "parabola"; }
    @Override public int parameterCount() { return 2; }
    @Override public int inputDim() { return 2; }
    @Override public int outputDim() { return 1; }
    @Override public List<String> parameterNames() { return List.of("x", "y"); }

    @Override
    public void predict(double[] theta, double[] s, double[] out) {
        out[0] = theta[1] * s[0] - theta[0] * theta[0] * s[1];
    }

    @Override
    public void jacobian(double[] theta, double[] s, double[] jac) {
        jac[0] = -2 * theta[0] * s[1];
        jac[1] = s[0];
    }
}
