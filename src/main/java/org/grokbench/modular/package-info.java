/**
 * Engine numerics of the modular-addition experiments of geometry-of-grokking §6-7 and App. D-E.
 *
 * <ul>
 *   <li>{@link org.grokbench.modular.ModularAdditionData}, {@link org.grokbench.modular.PairBatch}:
 *       the data set (pairs kept as index pairs, never as dense one-hot rows) and seeded splits;</li>
 *   <li>{@link org.grokbench.modular.TwoLayerNetwork}: Ŷ = σ(XE)W with a flat parameter vector,
 *       loss, gradient, output Jacobian (explicit, matrix-free and its Gram);</li>
 *   <li>{@link org.grokbench.modular.FirstLayerDynamics}: the closed-form first-layer dynamics Eq. (20);</li>
 *   <li>{@link org.grokbench.modular.FourierFeatures}: the circle read-outs of Fig. 6;</li>
 *   <li>{@link org.grokbench.modular.NormMinDirectionProbe}: the App. D measurement of Fig. 5;</li>
 *   <li>{@code bench.ModularBenchmark}: speed against {@code timing.py}.</li>
 * </ul>
 *
 * <p><b>Conventions.</b>
 * <ul>
 *   <li>Layouts: E is p × d_h row-major (E[a][h] at a·d_h + h), W is d_h × p row-major; θ = [E, W].</li>
 *   <li>Loss: SUM reduction = Eq. (12) ‖Ŷ − Y‖²_F; MEAN reduction = PyTorch {@code mse_loss}
 *       (divided by k·p), what App. D and {@code timing.py} train with at η = 1.</li>
 *   <li>Weight decay: L_λ = L + λ‖θ‖² (Eq. 13, as {@code org.grokbench.optim}); PyTorch's
 *       {@code weight_decay = w} is λ = w/2 ({@code TwoLayerNetwork.lambdaFromTorchWeightDecay}).</li>
 *   <li>Eq. (20) vs Eq. (19): ΔE = −∇R/(2λ) exactly (App. E), for every λ &gt; 0.</li>
 *   <li>App. D says "n(n+1)/2 = 77 pairs" for n = 11; the formula gives 66 (77 is not a triangular
 *       number). {@code timing.py} uses the 66 pairs, 7 held out, 59 for training; so do we.</li>
 * </ul>
 *
 * <p><b>Speed.</b> The hot loops are written for HotSpot's auto-vectorizer (no incubator modules, no
 * native code): row arrays ({@code double[][]}) so that every array in a loop shares one index,
 * four source rows per pass, ReLU zeros skipped in the Gram product, branch-free masks. See
 * {@code org.grokbench.math.GramKernels} for the measurements behind these choices.
 */
package org.grokbench.modular;
