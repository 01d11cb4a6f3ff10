package org.grokbench.modular;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.grokbench.optim.GradientDescent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TwoLayerNetworkTest {

    /** A batch with a diagonal pair (a = b, input 2·e_a) among others. */
    private static PairBatch smallBatch(int p) {
        return PairBatch.of(p, new int[] {0, 1, 2, 3, 4, 2, 1, 0}, new int[] {0, 3, 4, 1, 4, 0, 1, 2});
    }

    private static double[] randomTheta(TwoLayerNetwork net, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] t = new double[net.parameterCount()];
        for (int i = 0; i < t.length; i++) t[i] = r.nextDouble(-1, 1);
        return t;
    }

    /** Dense reference Ŷ = σ(XE)W. */
    private static double[] denseForward(TwoLayerNetwork net, double[] theta, PairBatch batch) {
        int p = net.modulus(), dh = net.hiddenWidth(), k = batch.size(), off = net.weightOffset();
        double[] x = batch.denseInputs();
        double[] y = new double[k * p];
        for (int i = 0; i < k; i++) {
            double[] hrow = new double[dh];
            for (int h = 0; h < dh; h++) {
                double z = 0;
                for (int a = 0; a < p; a++) z += x[i * p + a] * theta[a * dh + h];
                hrow[h] = net.activation().apply(z);
            }
            for (int c = 0; c < p; c++) {
                double s = 0;
                for (int h = 0; h < dh; h++) s += hrow[h] * theta[off + h * p + c];
                y[i * p + c] = s;
            }
        }
        return y;
    }

    @ParameterizedTest
    @CsvSource({"RELU", "TANH", "QUADRATIC", "IDENTITY"})
    void forwardMatchesTheDenseDefinition(Activation act) {
        TwoLayerNetwork net = new TwoLayerNetwork(5, 7, act, LossReduction.SUM);
        double[] theta = randomTheta(net, 1);
        PairBatch b = smallBatch(5);
        double[] expected = denseForward(net, theta, b);
        double[] got = net.predict(theta, b);
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], got[i], 1e-13);
        double loss = 0;
        for (int i = 0; i < b.size(); i++) for (int c = 0; c < 5; c++) {
            double r = got[i * 5 + c] - (c == b.c(i) ? 1 : 0);
            loss += r * r;
        }
        assertEquals(loss, net.loss(theta, b), 1e-12, "SUM is Eq. (12)");
        TwoLayerNetwork mean = new TwoLayerNetwork(5, 7, act, LossReduction.MEAN);
        assertEquals(loss / (8 * 5), mean.loss(theta, b), 1e-13, "MEAN is torch mse_loss");
    }

    @ParameterizedTest
    @CsvSource({"RELU,SUM", "RELU,MEAN", "TANH,SUM", "QUADRATIC,MEAN"})
    void gradientMatchesCentralDifferences(Activation act, LossReduction red) {
        TwoLayerNetwork net = new TwoLayerNetwork(5, 6, act, red);
        double[] theta = randomTheta(net, 2);
        PairBatch b = smallBatch(5);
        double[] g = new double[net.parameterCount()];
        net.lossAndGradient(theta, b, g);
        double h = 1e-6;
        for (int i = 0; i < theta.length; i++) {
            double[] tp = theta.clone(), tm = theta.clone();
            tp[i] += h;
            tm[i] -= h;
            double fd = (net.loss(tp, b) - net.loss(tm, b)) / (2 * h);
            assertEquals(fd, g[i], 1e-6 * (1 + Math.abs(fd)), "parameter " + i);
        }
    }

    @Test
    void gradientStepIsBitForBitTheGenericGradientDescent() {
        TwoLayerNetwork net = new TwoLayerNetwork(11, 32, LossReduction.MEAN);
        PairBatch train = ModularAdditionData.create(11, ModularAdditionData.PairSet.UNORDERED).splitByTestCount(7, 1).train();
        double[] a = net.newParameters(5), b = a.clone();
        double[] g = new double[net.parameterCount()];
        GradientDescent gd = new GradientDescent();
        for (int s = 0; s < 5; s++) {
            double la = net.gradientDescentStep(a, train, 1.0, 5e-5);
            double lb = net.lossAndGradient(b, train, g);
            gd.step(b, g, 1.0, 5e-5);
            assertEquals(lb, la);
        }
        assertArrayEquals(b, a);
    }

    /**
     * PyTorch f64 reference (nn.Sequential(Linear(11,128,bias=False), ReLU, Linear(128,11,bias=False)),
     * SGD(lr=1, weight_decay=1e-4), mse_loss) from the deterministic start
     * E[a][h] = 0.3 sin(1.7a + 0.31h + 0.5), W[h][c] = 0.08 cos(0.9h − 1.3c + 0.2), trained on the 60
     * pairs with listing index i mod 11 ≠ 3.
     */
    @Test
    void reproducesPyTorchSgdWithMseLossAndWeightDecay() {
        int n = 11, h = 128;
        TwoLayerNetwork net = new TwoLayerNetwork(n, h, LossReduction.MEAN);
        double[] e = new double[n * h], w = new double[h * n];
        for (int a = 0; a < n; a++) for (int j = 0; j < h; j++) e[a * h + j] = 0.3 * Math.sin(1.7 * a + 0.31 * j + 0.5);
        for (int j = 0; j < h; j++) for (int c = 0; c < n; c++) w[j * n + c] = 0.08 * Math.cos(0.9 * j - 1.3 * c + 0.2);
        double[] theta = net.assemble(e, w);
        PairBatch all = ModularAdditionData.create(n, ModularAdditionData.PairSet.UNORDERED).all();
        PairBatch train = all.select(IntStream.range(0, 66).filter(i -> i % 11 != 3).toArray());
        PairBatch test = all.select(IntStream.range(0, 66).filter(i -> i % 11 == 3).toArray());
        assertEquals(60, train.size());
        double lambda = TwoLayerNetwork.lambdaFromTorchWeightDecay(1e-4);
        double[] expectedLoss = {0.09096373710328444, 0.08417278965555557, 0.07292028401916996, 0.0598465531932692,
                0.047848227832598816};
        int[] at = {0, 1, 10, 100, 300};
        int next = 0;
        for (int t = 0; t <= 300; t++) {
            double l = net.gradientDescentStep(theta, train, 1.0, lambda);
            if (t == at[next]) {
                assertEquals(expectedLoss[next], l, 1e-11 * expectedLoss[next], "loss at step " + t);
                next++;
            }
        }
        assertEquals(0.23434541636733736, theta[3 * h + 5], 1e-11);
        assertEquals(-0.012464239072366608, theta[net.weightOffset() + 7 * n + 2], 1e-12);
        assertEquals(0.09507192376242735, net.loss(theta, test), 1e-12);
        assertEquals(0.0, net.accuracy(theta, test));
        assertEquals(58.0 / 60, net.accuracy(theta, train), 1e-15);
        assertEquals(76.18270815688916, org.grokbench.math.DenseKernels.dot(theta, 0, theta, 0, theta.length), 1e-9);
    }

    @Test
    void pyTorchDefaultInitIsUniformWithFanInBounds() {
        TwoLayerNetwork net = new TwoLayerNetwork(11, 128, LossReduction.MEAN);
        double[] t = net.newParameters(7);
        assertArrayEquals(t, net.newParameters(7));
        double be = 1 / Math.sqrt(11), bw = 1 / Math.sqrt(128);
        double maxE = 0, maxW = 0, meanE = 0;
        for (int i = 0; i < net.weightOffset(); i++) {
            maxE = Math.max(maxE, Math.abs(t[i]));
            meanE += t[i] / net.weightOffset();
        }
        for (int i = net.weightOffset(); i < t.length; i++) maxW = Math.max(maxW, Math.abs(t[i]));
        assertTrue(maxE <= be && maxE > 0.95 * be);
        assertTrue(maxW <= bw && maxW > 0.95 * bw);
        assertEquals(0, meanE, 0.02);
        // import of torch weights: E = w1ᵀ, W = w2ᵀ
        double[] w1 = new double[128 * 11], w2 = new double[11 * 128];
        w1[5 * 11 + 3] = 1.5;
        w2[2 * 128 + 7] = -2;
        double[] th = net.fromTorchWeights(w1, w2);
        assertEquals(1.5, th[3 * 128 + 5]);
        assertEquals(-2, th[net.weightOffset() + 7 * 11 + 2]);
    }

    /** Explicit Jacobian vs finite differences; matrix-free products and the structured Gram vs the explicit J. */
    @ParameterizedTest
    @CsvSource({"RELU", "TANH"})
    void jacobianProductsAndGramAgreeWithTheExplicitJacobian(Activation act) {
        int p = 5, dh = 6;
        TwoLayerNetwork net = new TwoLayerNetwork(p, dh, act, LossReduction.MEAN);
        double[] theta = randomTheta(net, 3);
        PairBatch b = smallBatch(p);
        int d = net.parameterCount(), m = b.size() * p;
        double[] jac = new double[m * d];
        net.jacobian(theta, b, jac);
        double hstep = 1e-6;
        for (int j = 0; j < d; j++) {
            double[] tp = theta.clone(), tm = theta.clone();
            tp[j] += hstep;
            tm[j] -= hstep;
            double[] yp = net.predict(tp, b), ym = net.predict(tm, b);
            for (int r = 0; r < m; r++) assertEquals((yp[r] - ym[r]) / (2 * hstep), jac[r * d + j], 1e-7, "J[" + r + "][" + j + "]");
        }
        SplittableRandom rng = new SplittableRandom(4);
        double[] v = new double[d], u = new double[m];
        for (int i = 0; i < d; i++) v[i] = rng.nextDouble(-1, 1);
        for (int i = 0; i < m; i++) u[i] = rng.nextDouble(-1, 1);
        double[] jv = new double[m], jtu = new double[d];
        net.jacobianTimes(theta, b, v, jv);
        net.jacobianTransposeTimes(theta, b, u, jtu);
        for (int r = 0; r < m; r++) {
            double s = 0;
            for (int j = 0; j < d; j++) s += jac[r * d + j] * v[j];
            assertEquals(s, jv[r], 1e-12);
        }
        for (int j = 0; j < d; j++) {
            double s = 0;
            for (int r = 0; r < m; r++) s += jac[r * d + j] * u[r];
            assertEquals(s, jtu[j], 1e-12);
        }
        double[][] gram = new double[m][m];
        net.jacobianGram(theta, b, gram);
        for (int r = 0; r < m; r++) {
            for (int q = 0; q < m; q++) {
                double s = 0;
                for (int j = 0; j < d; j++) s += jac[r * d + j] * jac[q * d + j];
                assertEquals(s, gram[r][q], 1e-12, "JJᵀ[" + r + "][" + q + "]");
            }
        }
    }

    @Test
    void accuracyIsTheArgmaxHitRate() {
        TwoLayerNetwork net = new TwoLayerNetwork(5, 7, LossReduction.SUM);
        double[] theta = randomTheta(net, 9);
        PairBatch b = smallBatch(5);
        double[] y = net.predict(theta, b);
        int[] cls = net.predictClasses(theta, b);
        int hits = 0;
        for (int i = 0; i < b.size(); i++) {
            int best = 0;
            for (int c = 1; c < 5; c++) if (y[i * 5 + c] > y[i * 5 + best]) best = c;
            assertEquals(best, cls[i]);
            if (best == b.c(i)) hits++;
        }
        assertEquals(hits / 8.0, net.accuracy(theta, b));
        assertEquals(0, TwoLayerNetwork.argmax(new double[] {1, 1, 0}, 0, 3), "first index on ties");
    }
}
