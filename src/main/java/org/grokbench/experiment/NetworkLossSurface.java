package org.grokbench.experiment;

import org.grokbench.analysis.LossSurface;
import org.grokbench.analysis.ParameterBlock;
import org.grokbench.modular.PairBatch;
import org.grokbench.modular.TwoLayerNetwork;

import java.util.List;

/** The modular-addition network Ŷ = σ(XE)W on its training and test pairs as a {@link LossSurface}. */
final class NetworkLossSurface implements LossSurface {
    private final TwoLayerNetwork net;
    private final PairBatch train;
    private final PairBatch test;

    NetworkLossSurface(ModularProblem problem) {
        this.net = problem.newNetwork();
        this.train = problem.train();
        this.test = problem.test();
    }

    @Override public int dimension() { return net.parameterCount(); }
    @Override public double trainLoss(double[] theta) { return net.loss(theta, train); }
    @Override public double trainGradient(double[] theta, double[] gradient) { return net.lossAndGradient(theta, train, gradient); }
    @Override public double testLoss(double[] theta) { return test.size() == 0 ? Double.NaN : net.loss(theta, test); }
    @Override public double trainAccuracy(double[] theta) { return net.accuracy(theta, train); }
    @Override public double testAccuracy(double[] theta) { return test.size() == 0 ? Double.NaN : net.accuracy(theta, test); }

    private final double[] pair = new double[2];

    /** Loss and accuracy of each set from one forward pass. */
    @Override
    public void measures(double[] theta, double[] out) {
        net.lossAndAccuracy(theta, train, pair);
        out[0] = pair[0];
        out[2] = pair[1];
        if (test.size() == 0) {
            out[1] = out[3] = Double.NaN;
        } else {
            net.lossAndAccuracy(theta, test, pair);
            out[1] = pair[0];
            out[3] = pair[1];
        }
    }

    /**
     * E (p × d_h, row-major) is PyTorch's first-layer weight Eᵀ: its filters are the d_h hidden
     * units, i.e. the columns of E. W (d_h × p) is the output weight Wᵀ: its filters are the p
     * output units, the columns of W.
     */
    @Override
    public List<ParameterBlock> blocks() {
        int p = net.modulus(), dh = net.hiddenWidth();
        return List.of(new ParameterBlock("E", 0, dh, p, 1, dh),
                new ParameterBlock("W", net.weightOffset(), p, dh, 1, p));
    }

    @Override
    public double[][] hiddenActivations(double[] theta, boolean onTrain) {
        PairBatch batch = onTrain ? train : test;
        return batch.size() == 0 ? null : net.hiddenActivations(theta, batch);
    }
}
