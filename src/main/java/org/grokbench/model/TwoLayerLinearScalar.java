package org.grokbench.model;

import java.util.List;

/**
 * ŷ = w2·w1·x, a two-layer linear network with one unit per layer (Figure 3 left and center).
 * With the sample (x=1, y=1) the zero-loss set is the hyperbola w1·w2 = 1; with y = 0 it is the
 * two axes, singular at the origin where the Jacobian (w2·x, w1·x) vanishes.
 */
public final class TwoLayerLinearScalar implements Model {
    @Override public String kind() { return "two-layer-linear"; }
    @Override public int parameterCount() { return 2; }
    @Override public int inputDim() { return 1; }
    @Override public int outputDim() { return 1; }
    @Override public List<String> parameterNames() { return List.of("w1", "w2"); }

    @Override
    public void predict(double[] theta, double[] x, double[] out) {
        out[0] = theta[1] * theta[0] * x[0];
    }

    @Override
    public void jacobian(double[] theta, double[] x, double[] jac) {
        jac[0] = theta[1] * x[0];
        jac[1] = theta[0] * x[0];
    }
}
