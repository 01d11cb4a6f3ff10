package org.grokbench.analysis;

import org.grokbench.data.Dataset;
import org.grokbench.model.LeakyReluUnit;
import org.grokbench.model.Model;

/**
 * Chooses the zero-loss set implementation for a model and its training set: the exact one where
 * Z has a known shape, {@link NumericZeroLoss} otherwise.
 * <ul>
 *   <li>{@code linear}, ŷ = w·x: Z = {Xw = y}, {@link AffineZeroLoss}.</li>
 *   <li>{@code leaky-relu}, ŷ = σ(w·x): σ is a bijection, so Z = {Xw = σ⁻¹(y)} with
 *       σ⁻¹(y) = y if y &gt; 0 else y/0.1 (= 10·y), again {@link AffineZeroLoss} (any number of samples).</li>
 *   <li>{@code two-layer-linear}, ŷ = w2·w1·x, one sample with x ≠ 0: Z = {w1·w2 = y/x},
 *       {@link HyperbolaZeroLoss} when y ≠ 0, {@link AxesZeroLoss} when y = 0.</li>
 *   <li>{@code parabola}, f = θ_y·s₁ − θ_x²·s₂, one sample s → t with s₁, s₂ ≠ 0:
 *       Z = {θ_y = (s₂/s₁)θ_x² + t/s₁}, {@link ParabolaZeroLoss} (Figure 4: s = (1, 1), t = 0).</li>
 *   <li>anything else: {@link NumericZeroLoss}.</li>
 * </ul>
 */
public final class ZeroLossManifolds {
    private ZeroLossManifolds() {}

    public static ZeroLossManifold of(Model model, Dataset train) {
        int k = train.size();
        if (k == 0 || model.outputDim() != 1) return new NumericZeroLoss(model, train);
        double[][] x = train.inputs();
        double[][] y = train.targets();
        switch (model.kind()) {
            case "linear":
                return new AffineZeroLoss(x, column0(y));
            case "leaky-relu": {
                double[] z = new double[k];
                for (int i = 0; i < k; i++) z[i] = y[i][0] > 0 ? y[i][0] : y[i][0] / LeakyReluUnit.NEGATIVE_SLOPE;
                return new AffineZeroLoss(x, z);
            }
            case "two-layer-linear":
                if (k == 1 && x[0][0] != 0) {
                    double c = y[0][0] / x[0][0];
                    return c == 0 ? new AxesZeroLoss() : new HyperbolaZeroLoss(c);
                }
                break;
            case "parabola":
                if (k == 1 && x[0][0] != 0 && x[0][1] != 0)
                    return new ParabolaZeroLoss(x[0][1] / x[0][0], y[0][0] / x[0][0]);
                break;
            default:
                break;
        }
        return new NumericZeroLoss(model, train);
    }

    private static double[] column0(double[][] rows) {
        double[] c = new double[rows.length];
        for (int i = 0; i < rows.length; i++) c[i] = rows[i][0];
        return c;
    }
}
